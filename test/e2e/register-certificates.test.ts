import { compactVerify, createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { isSet } from '../../shared/domain/certificates/credential.js';
import { luhnCheckDigit } from '../../shared/domain/volunteers/national-id.js';
import type { ConsumerEnvelope } from '../../shared/middleware/consumer.js';
import { hoursApproved, hoursReversed } from '../integration/register-support.js';
import { seedOrganization as seedOrganizationWith } from '../helpers/builders.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

const profile = JSON.parse(registerEvent.body) as Record<string, string>;

describe('certificates', () => {
  let platform: TestPlatform;
  let consume: (envelope: ConsumerEnvelope) => Promise<unknown>;
  let volunteer: string;
  let orgId: string;
  let otherOrgId: string;
  let firstHours: string;
  const sub = 'cert-holder';
  const nationalId = `10482736${Math.floor(Math.random() * 9)}`;
  const fullNationalId = nationalId + luhnCheckDigit(nationalId);

  /** A registered (pending) organisation: certificates name it as issuer. */
  const seedOrganization = (ar: string, en: string) => seedOrganizationWith({ status: 'pending', city: 'riyadh', causes: ['health'], names: { ar, en } });

  const issue = (body: Record<string, unknown> = {}) => platform.request('POST', '/v1/volunteers/me/certificates', { token: volunteer, body });
  const jwks = async () => createLocalJWKSet((await platform.request('GET', '/.well-known/jwks.json')).body as JSONWebKeySet);
  const payloadOf = (jws: string) => JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8'));

  beforeAll(async () => {
    platform = await startTestPlatform();
    consume = (await import('../../functions/consumers/register-hours.js')).handler;
    volunteer = await platform.token({ sub, groups: ['volunteer'], email: profile.email! });
    const registered = await platform.request('POST', '/v1/volunteers', { token: volunteer, body: { ...profile, nationalId: fullNationalId } });
    if (registered.status !== 201) throw new Error(`registration answered ${registered.status}: ${JSON.stringify(registered.body)}`);
    orgId = await seedOrganization('جمعية البر بالرياض', 'Al Birr Society Riyadh');
    otherOrgId = await seedOrganization('جمعية الوفاء', 'Al Wafa Society');
    const first = hoursApproved({ volunteerId: sub, orgId, date: '2026-03-01', minutes: 240, valueSar: 200 });
    firstHours = first.hoursId;
    await consume(first.envelope);
    await consume(hoursApproved({ volunteerId: sub, orgId, date: '2026-03-08', minutes: 180, valueSar: 150 }).envelope);
    await consume(hoursApproved({ volunteerId: sub, orgId: otherOrgId, date: '2026-04-02', minutes: 120 }).envelope);
  });
  afterAll(async () => platform?.stop());

  it("issues an organisation's certificate whose credential verifies with the published JWKS", async () => {
    const response = await issue({ orgId, from: '2026-03-01', to: '2026-03-31' });

    const { payload, protectedHeader } = await compactVerify(response.body.credential, await jwks());
    const credential = JSON.parse(new TextDecoder().decode(payload));
    expect({
      status: response.status,
      header: [protectedHeader.alg, protectedHeader.typ],
      type: credential.type,
      minutes: credential.credentialSubject.volunteerHours.minutes,
      holder: credential.credentialSubject.name.map((n: { '@value': string }) => n['@value']),
      statusType: credential.credentialStatus.type,
    }).toEqual({
      status: 201,
      header: ['ES256', 'vc+jwt'],
      type: ['VerifiableCredential', 'VolunteerHoursCredential'],
      minutes: 420,
      holder: [profile.nameAr, profile.nameEn],
      statusType: 'BitstringStatusListEntry',
    });
  });

  it('refuses the credential once one byte of it is changed', async () => {
    const { credential } = (await issue({ orgId })).body as { credential: string };
    const [header, payload, signature] = credential.split('.');
    const bytes = Buffer.from(payload!, 'base64url');
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0x01;
    const tampered = [header, bytes.toString('base64url'), signature].join('.');

    await expect(compactVerify(tampered, await jwks())).rejects.toThrow(/signature verification failed/);
  });

  it('answers the existing certificate for the same scope while no hours were approved in it', async () => {
    const first = await issue({ orgId: otherOrgId });
    const again = await issue({ orgId: otherOrgId });
    expect([first.status, again.status, again.body.id]).toEqual([201, 200, first.body.id]);
  });

  it('issues a new certificate for the scope once new hours were approved in it', async () => {
    const before = await issue({});
    await consume(hoursApproved({ volunteerId: sub, orgId: otherOrgId, date: '2026-04-09', minutes: 60 }).envelope);
    const after = await issue({});
    expect([after.status, after.body.id === before.body.id, after.body.minutes - before.body.minutes]).toEqual([201, false, 60]);
  });

  it('answers 422 naming scope when the scope holds no approved hours', async () => {
    const response = await issue({ orgId, from: '2025-01-01', to: '2025-12-31' });
    expect([response.status, response.body.errors?.[0]?.path]).toEqual([422, 'scope']);
  });

  it('verifies a code publicly with the holder named and no other personal data', async () => {
    const { code } = (await issue({ orgId })).body as { code: string };

    const response = await platform.request('GET', `/v1/certificates/${code}`);
    const page = await platform.request('GET', `/verify/${code}`);
    const published = JSON.stringify(response.body) + String(page.body);
    expect({
      status: response.status,
      valid: response.body.valid,
      holder: response.body.holder.nameEn,
      issuer: response.body.issuer.nameEn,
      leaks: [profile.email, profile.phone, fullNationalId, sub, '+966'].filter((secret) => published.includes(secret!)),
      emails: published.match(/[\w.+-]+@[\w-]+\.[\w.]+/g) ?? [],
    }).toEqual({ status: 200, valid: true, holder: profile.nameEn, issuer: 'Al Birr Society Riyadh', leaks: [], emails: [] });
  });

  it('keeps contact data and the national ID out of the credential', async () => {
    const { credential } = (await issue({})).body as { credential: string };
    const text = JSON.stringify(payloadOf(credential)) + JSON.stringify(decodeProtectedHeader(credential));
    expect([profile.email, profile.phone, fullNationalId, sub].filter((secret) => text.includes(secret!))).toEqual([]);
  });

  it('answers 404 for an unknown code', async () => {
    expect((await platform.request('GET', '/v1/certificates/0123456789ABCDEFGHJKMNPQRS')).status).toBe(404);
  });

  it('shows a revocation in the status list, the verification and the page', async () => {
    const issued = (await issue({ orgId, to: '2026-03-05' })).body as { id: string; code: string; credential: string };
    const admin = await platform.token({ sub: 'admin-1', groups: ['ministry-admin'] });

    const revoked = await platform.request('POST', `/v1/certificates/${issued.id}/revoke`, { token: admin, body: { reason: 'issued in error' } });

    const { credentialStatus } = payloadOf(issued.credential);
    const listPath = new URL(credentialStatus.statusListCredential).pathname;
    const list = await platform.request('GET', listPath);
    const { payload } = await compactVerify(String(list.body), await jwks());
    const encodedList = JSON.parse(new TextDecoder().decode(payload)).credentialSubject.encodedList as string;
    const verification = await platform.request('GET', `/v1/certificates/${issued.code}`);
    const page = await platform.request('GET', `/verify/${issued.code}`);
    expect({
      revoke: revoked.status,
      listType: list.headers.get('content-type'),
      bit: isSet(encodedList, Number(credentialStatus.statusListIndex)),
      status: verification.body.status,
      page: /data-status="revoked"/.test(String(page.body)),
    }).toEqual({ revoke: 200, listType: 'application/vc+jwt', bit: true, status: 'revoked', page: true });
  });

  it('leaves the status bits of valid certificates unset', async () => {
    const issued = (await issue({ orgId, from: '2026-03-06' })).body as { credential: string };
    const { credentialStatus } = payloadOf(issued.credential);
    const list = await platform.request('GET', new URL(credentialStatus.statusListCredential).pathname);
    const encodedList = payloadOf(String(list.body)).credentialSubject.encodedList as string;
    expect(isSet(encodedList, Number(credentialStatus.statusListIndex))).toBe(false);
  });

  it("revokes a certificate when hours it counted are reversed", async () => {
    const issued = (await issue({ orgId, from: '2026-03-01', to: '2026-03-01' })).body as { code: string };

    await consume(hoursReversed({ volunteerId: sub, hoursId: firstHours, orgId, date: '2026-03-01', minutes: 240, valueSar: 200 }).envelope);

    expect((await platform.request('GET', `/v1/certificates/${issued.code}`)).body.status).toBe('revoked');
  });

  it("answers 404 to a manager of another organisation trying to revoke", async () => {
    const { id } = (await issue({ orgId: otherOrgId })).body as { id: string };
    const manager = await platform.token({ sub: 'mgr-x', groups: ['org-manager'], orgId });
    const response = await platform.request('POST', `/v1/certificates/${id}/revoke`, { token: manager, body: { reason: 'not ours' } });
    expect(response.status).toBe(404);
  });

  it("lets the issuing organisation's manager revoke its certificate, once", async () => {
    const { id } = (await issue({ orgId: otherOrgId, to: '2026-04-05' })).body as { id: string };
    const manager = await platform.token({ sub: 'mgr-w', groups: ['org-manager'], orgId: otherOrgId });
    const first = await platform.request('POST', `/v1/certificates/${id}/revoke`, { token: manager, body: { reason: 'duplicate record' } });
    const second = await platform.request('POST', `/v1/certificates/${id}/revoke`, { token: manager, body: { reason: 'duplicate record' } });
    expect([first.status, second.status]).toEqual([200, 409]);
  });

  it("lists the caller's certificates, newest first", async () => {
    const response = await platform.request('GET', '/v1/volunteers/me/certificates', { token: volunteer });
    const issuedAt = response.body.items.map((c: { issuedAt: string }) => c.issuedAt);
    expect([response.status, issuedAt.length > 3, issuedAt.join() === [...issuedAt].sort().reverse().join()]).toEqual([200, true, true]);
  });

  it('refuses public lookups beyond the per-address limit with 429', async () => {
    process.env.VERIFY_RATE_LIMIT_PER_MINUTE = '0';
    const response = await platform.request('GET', '/v1/certificates/0123456789ABCDEFGHJKMNPQRS');
    delete process.env.VERIFY_RATE_LIMIT_PER_MINUTE;
    expect(response.status).toBe(429);
  });
});
