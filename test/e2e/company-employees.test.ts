/**
 * Employees through the real gateway and handlers (issue 15): invitations with one-time codes,
 * joining by proving an address on a company domain, one company at a time, leaving keeps the
 * record, the company sees the work email only; another company's admin → 404.
 * Codes are read from what the SES emulator received.
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyEmployeeRepository } from '../../shared/db/company-employee-repository.js';
import { codeHash } from '../../shared/domain/companies/employees.js';
import { approvedCompany, lastCode as lastCodeOf, type ApprovedCompany } from '../helpers/companies.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
let acme: ApprovedCompany;
let other: ApprovedCompany;

beforeAll(async () => {
  platform = await startTestPlatform();
  [acme, other] = [await approvedCompany(platform), await approvedCompany(platform)];
});
afterAll(async () => platform?.stop());

const lastCode = (address: string) => lastCodeOf(platform, address);

const volunteer = async () => {
  const sub = `emp-${ulid()}`;
  return { sub, token: await platform.token({ sub, groups: ['volunteer'] }) };
};
const invite = (company: ApprovedCompany, body: unknown, token = company.admin) =>
  platform.request('POST', `/v1/companies/${company.id}/employees`, { token, body });
const join = (companyId: string, token: string, code: string) => platform.request('POST', `/v1/companies/${companyId}/join`, { token, body: { code } });
const employees = async (company: ApprovedCompany) => (await platform.request('GET', `/v1/companies/${company.id}/employees?limit=100`, { token: company.admin })).body.items;

describe('invitations', () => {
  it('emails each invitee a one-time code with the join link, in Arabic and English', async () => {
    const email = `sara-${ulid().toLowerCase()}@${acme.domain}`;
    const response = await invite(acme, { emails: [email] });
    expect(response.status).toBe(202);
    expect(response.body.items).toMatchObject([{ email }]);
    const { code, text } = await lastCode(email);
    expect(text).toContain(`/companies/${acme.id}/join?code=${code}`);
    expect(text).toMatch(/[\u0600-\u06FF]/);
    expect(text).toContain('Volunteer with');
  });

  it('joins with the code once: the company sees the work email and nothing else of the profile', async () => {
    const email = `omar-${ulid().toLowerCase()}@gmail.example`;
    await invite(acme, { email });
    const { code } = await lastCode(email);
    const { sub, token } = await volunteer();

    const joined = await join(acme.id, token, code.slice(0, 4) + '-' + code.slice(4).toLowerCase());

    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ companyId: acme.id, volunteerId: sub, workEmail: email, via: 'invitation' });
    const record = (await employees(acme)).find((e: { volunteerId: string }) => e.volunteerId === sub);
    expect(Object.keys(record).sort()).toEqual(['companyId', 'joinedAt', 'status', 'stints', 'volunteerId', 'workEmail']);
    const again = await join(acme.id, (await volunteer()).token, code);
    expect(again.status).toBe(422);
    expect(again.body.errors).toEqual([{ path: 'code', message: expect.any(String) }]);
  });

  it('refuses a code of another company, naming code, and writes nothing', async () => {
    const email = `x-${ulid().toLowerCase()}@${other.domain}`;
    await invite(other, { email });
    const { code } = await lastCode(email);
    const { sub, token } = await volunteer();

    const response = await join(acme.id, token, code);

    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['code']);
    expect(await companyEmployeeRepository().membership(sub)).toBeUndefined();
  });

  it('refuses an expired code, naming code, and writes nothing', async () => {
    const code = 'EXP1RED2';
    await companyEmployeeRepository().putCodes([
      { codeHash: codeHash(acme.id, code), companyId: acme.id, email: `late@${acme.domain}`, via: 'domain', validUntil: new Date(Date.now() - 1000).toISOString() },
    ]);
    const { sub, token } = await volunteer();

    const response = await join(acme.id, token, code);

    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['code']);
    expect(await companyEmployeeRepository().membership(sub)).toBeUndefined();
  });

  it('refuses a malformed code with 422 naming code', async () => {
    const response = await join(acme.id, (await volunteer()).token, 'abc');
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['code']);
  });

  it('refuses an invitation without an address, naming emails, and sends nothing', async () => {
    const response = await invite(acme, {});
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['emails']);
  });
});

describe('joining by a company-domain address', () => {
  it('sends a code to an address on a company domain, which joins the volunteer', async () => {
    const email = `lina-${ulid().toLowerCase()}@${acme.domain}`;
    const { sub, token } = await volunteer();
    const sent = await platform.request('POST', `/v1/companies/${acme.id}/domain-codes`, { token, body: { email } });
    expect(sent.status).toBe(202);

    const joined = await join(acme.id, token, (await lastCode(email)).code);

    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ volunteerId: sub, workEmail: email, via: 'domain' });
  });

  it('refuses a volunteer after 5 wrong codes in an hour (429 with Retry-After) and voids the code they asked for', async () => {
    // The attempts are counted per clock hour: six calls straddling the top of an hour would count in two.
    const toNextHour = 3_600_000 - (Date.now() % 3_600_000);
    if (toNextHour < 20_000) await new Promise((resolve) => setTimeout(resolve, toNextHour + 100));
    const email = `guess-${ulid().toLowerCase()}@${acme.domain}`;
    const guesser = await volunteer();
    await platform.request('POST', `/v1/companies/${acme.id}/domain-codes`, { token: guesser.token, body: { email } });
    const { code } = await lastCode(email);
    const wrong = [];
    for (const guess of ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC', 'DDDDDDDD', 'EEEEEEEE']) wrong.push((await join(acme.id, guesser.token, guess)).status);

    const locked = await join(acme.id, guesser.token, code);

    expect(wrong).toEqual([422, 422, 422, 422, 422]);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(3600);
    expect(locked.body.retryAfter).toBe(Number(locked.headers.get('retry-after')));
    expect((await join(acme.id, (await volunteer()).token, code)).status).toBe(422);
    expect(await companyEmployeeRepository().membership(guesser.sub)).toBeUndefined();
  });

  it('refuses an address on another domain, naming email, and sends nothing', async () => {
    const email = `lina-${ulid().toLowerCase()}@elsewhere.example`;
    const response = await platform.request('POST', `/v1/companies/${acme.id}/domain-codes`, { token: (await volunteer()).token, body: { email } });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['email']);
    await expect(lastCode(email)).rejects.toThrow(/no code/);
  });
});

describe('one company at a time', () => {
  it('refuses a second company while a member; after leaving, joins it and the first keeps the record', async () => {
    const { sub, token } = await volunteer();
    const first = `a-${ulid().toLowerCase()}@${acme.domain}`;
    await invite(acme, { email: first });
    expect((await join(acme.id, token, (await lastCode(first)).code)).status).toBe(201);
    const second = `b-${ulid().toLowerCase()}@${other.domain}`;
    await invite(other, { email: second });
    const code = (await lastCode(second)).code;

    const refused = await join(other.id, token, code);
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/already-employed$/);

    expect((await platform.request('POST', `/v1/companies/${acme.id}/leave`, { token })).status).toBe(200);
    expect((await join(other.id, token, code)).status).toBe(201);
    const kept = (await employees(acme)).find((e: { volunteerId: string }) => e.volunteerId === sub);
    expect(kept).toMatchObject({ status: 'left', workEmail: first, stints: [{ workEmail: first, leftAt: expect.any(String) }] });
    expect((await employees(other)).map((e: { volunteerId: string }) => e.volunteerId)).toContain(sub);
  });

  it('answers 404 to leaving a company one does not belong to', async () => {
    expect((await platform.request('POST', `/v1/companies/${acme.id}/leave`, { token: (await volunteer()).token })).status).toBe(404);
  });
});

describe("authorisation matrix: another company's admin gets 404", () => {
  it('on inviting and on listing employees', async () => {
    expect((await invite(acme, { email: 'x@example.sa' }, other.admin)).status).toBe(404);
    expect((await platform.request('GET', `/v1/companies/${acme.id}/employees`, { token: other.admin })).status).toBe(404);
  });

  it('a volunteer may not invite (403)', async () => {
    expect((await invite(acme, { email: 'x@example.sa' }, (await volunteer()).token)).status).toBe(403);
  });
});
