/**
 * An SMS STOP shows in the profile (issue 11): `preferences.sms: false` and the SMS consent
 * withdrawn with its time; START restores both. Through the local inbound SMS route, which
 * builds the SNS event End User Messaging publishes and calls the same function.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { luhnCheckDigit } from '../../shared/domain/volunteers/national-id.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

let serial = 0;
/** A registered volunteer with SMS consent and a phone number of their own. */
const registered = async () => {
  serial += 1;
  const sub = randomUUID();
  const payload = `1${String(Date.now() % 1e5).padStart(5, '0')}${String(700 + serial).padStart(3, '0')}`;
  const phone = `+9665${String(Math.floor(10_000_000 + Math.random() * 89_999_999))}`;
  const body = { ...(JSON.parse(registerEvent.body) as Record<string, unknown>), nationalId: payload + luhnCheckDigit(payload), phone };
  const created = await platform.request('POST', '/v1/volunteers', { token: await platform.token({ sub, groups: [] }), body });
  expect(created.status).toBe(201);
  return { phone, token: await platform.token({ sub, groups: ['volunteer'] }) };
};

const profile = async (token: string) => (await platform.request('GET', '/v1/volunteers/me', { token })).body;
const reply = (from: string, body: string) => platform.request('POST', '/local/sms/inbound', { body: { from, body } });

describe('SMS keywords in the profile', () => {
  it('shows a STOP as preferences.sms false and the SMS consent withdrawn with its time', async () => {
    const { phone, token } = await registered();
    const before = new Date().toISOString();

    const response = await reply(phone, 'STOP');
    const after = await profile(token);

    expect(response.body).toMatchObject({ action: 'opted-out', profiles: 1 });
    expect(after.preferences.sms).toBe(false);
    expect(after.consent.sms.granted).toBe(false);
    expect(after.consent.sms.changedAt >= before).toBe(true);
    expect(after.consent.email.granted).toBe(true);
  });

  it('understands the Arabic keyword إيقاف', async () => {
    const { phone, token } = await registered();

    await reply(phone, 'إيقاف');

    expect((await profile(token)).preferences.sms).toBe(false);
  });

  it('restores both with START', async () => {
    const { phone, token } = await registered();
    await reply(phone, 'STOP');

    await reply(phone, 'START');
    const after = await profile(token);

    expect(after.preferences.sms).toBe(true);
    expect(after.consent.sms.granted).toBe(true);
  });

  it('changes nobody else’s profile', async () => {
    const mine = await registered();
    const other = await registered();

    await reply(mine.phone, 'STOP');

    expect((await profile(other.token)).preferences.sms).toBe(true);
  });
});
