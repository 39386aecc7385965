/**
 * Badge credentials end to end, behind the real gateway with the local signer: a badge earned by
 * the awards run carries an Open Badges 3.0 credential that verifies with the published JWKS and
 * points at a Bitstring Status List entry; when a reversal drops the volunteer below the
 * milestone, the next run revokes the badge and the status list shows it revoked. A partner
 * checks a redemption code publicly (the reward, no personal data).
 */
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { isSet } from '../../shared/domain/certificates/credential.js';
import { luhnCheckDigit } from '../../shared/domain/volunteers/national-id.js';
import type { ConsumerEnvelope } from '../../shared/middleware/consumer.js';
import { hoursApproved, hoursReversed } from '../integration/register-support.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

const profile = JSON.parse(registerEvent.body) as Record<string, string>;

describe('badge credentials', () => {
  let platform: TestPlatform;
  let consume: (envelope: ConsumerEnvelope) => Promise<unknown>;
  let volunteer: string;
  const sub = 'badge-holder';
  const nationalId = `20482736${Math.floor(Math.random() * 9)}`;

  const jwks = async () => createLocalJWKSet((await platform.request('GET', '/.well-known/jwks.json')).body as JSONWebKeySet);
  const verified = async (jws: string) => JSON.parse(new TextDecoder().decode((await compactVerify(jws, await jwks())).payload));
  const revokedBit = async (credentialStatus: { statusListCredential: string; statusListIndex: string }) => {
    const list = await platform.request('GET', new URL(credentialStatus.statusListCredential).pathname);
    return isSet((await verified(String(list.body))).credentialSubject.encodedList, Number(credentialStatus.statusListIndex));
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    consume = (await import('../../functions/consumers/recognition-hours.js')).handler;
    volunteer = await platform.token({ sub, groups: ['volunteer'], email: profile.email! });
    const registered = await platform.request('POST', '/v1/volunteers', { token: volunteer, body: { ...profile, nationalId: nationalId + luhnCheckDigit(nationalId) } });
    if (registered.status !== 201) throw new Error(`registration answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  });
  afterAll(async () => platform?.stop());

  it('issues a verifiable badge credential with a status entry, and shows it revoked after a reversal', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const big = hoursApproved({ volunteerId: sub, date: today, minutes: 600 });
    await consume(big.envelope);
    await consume(hoursApproved({ volunteerId: sub, date: today, minutes: 60 }).envelope);
    await platform.request('POST', '/local/schedules/awards');
    const badges = (await platform.request('GET', '/v1/volunteers/me/badges', { token: volunteer })).body.items as Array<{ badge: { id: string }; credential: string }>;
    const tenHours = await verified(badges.find((b) => b.badge.id === 'hours-10')!.credential);
    const before = await revokedBit(tenHours.credentialStatus);
    // Messages are queued, then sent by the DeliverNotifications consumer: deliver what was queued first.
    await platform.flushEvents();
    const store = (await (await fetch(`${platform.sesUrl}/store`)).json()) as { emails: Array<{ destination: { to: string[] }; body: { text?: string } }> };
    const badgeEmails = store.emails.filter((e) => e.destination.to.includes(profile.email!) && (e.body.text ?? '').includes('/b/hours-10'));

    await consume(hoursReversed({ volunteerId: sub, hoursId: big.hoursId, date: today, minutes: 600 }).envelope);
    const rerun = await platform.request('POST', '/local/schedules/awards');
    const after = (await platform.request('GET', '/v1/volunteers/me/badges', { token: volunteer })).body.items as Array<{ badge: { id: string } }>;

    expect(tenHours.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(tenHours.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' });
    expect(before).toBe(false);
    expect(badgeEmails).toHaveLength(1);
    expect(rerun.body.summary).toMatchObject({ badgesRevoked: 1 });
    expect(await revokedBit(tenHours.credentialStatus)).toBe(true);
    expect(after.map((b) => b.badge.id)).toEqual(['first-shift']);
  });

  it('lets a partner check a redemption code without a token, showing the reward and no personal data', async () => {
    const admin = await platform.token({ sub: 'rewards-admin', groups: ['ministry-admin'] });
    const redeemer = await platform.token({ sub: 'redeemer', groups: ['volunteer'] });
    await consume(hoursApproved({ volunteerId: 'redeemer', date: new Date().toISOString().slice(0, 10), minutes: 120 }).envelope);
    const reward = await platform.request('POST', '/v1/rewards', {
      token: admin,
      body: {
        titleAr: 'تذكرة فعالية', titleEn: 'Event ticket', descriptionAr: 'تذكرة لحضور فعالية شريكة', descriptionEn: 'A ticket to a partner event',
        partner: 'Riyadh Season', pointsCost: 15, stock: 5, validFrom: '2026-01-01T00:00:00+03:00', validUntil: '2099-01-01T00:00:00+03:00',
      },
    });
    const redeemed = await platform.request('POST', `/v1/rewards/${reward.body.id}/redemptions`, { token: redeemer });

    const check = await platform.request('GET', `/v1/redemptions/${redeemed.body.code}`);
    const unknown = await platform.request('GET', '/v1/redemptions/0000-0000-0000-0000-0000');
    const malformed = await platform.request('GET', '/v1/redemptions/not-a-code');

    expect(redeemed.status).toBe(201);
    expect(check.status).toBe(200);
    expect(check.body).toEqual({
      code: redeemed.body.code, valid: true, rewardId: reward.body.id, titleAr: 'تذكرة فعالية', titleEn: 'Event ticket', partner: 'Riyadh Season', pointsSpent: 15, redeemedAt: redeemed.body.at,
    });
    expect(JSON.stringify(check.body)).not.toContain('redeemer');
    expect([unknown.status, malformed.status]).toEqual([404, 400]);
    expect(malformed.body.errors[0].path).toBe('path.code');
  });
});
