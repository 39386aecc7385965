/**
 * Companies through the real gateway and handlers (issue 15): registration and its bad input,
 * the CR number held once, admins adding admins, and the authorisation matrix (another
 * company's admin → 404 on everything of this company).
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyRepository } from '../../shared/db/company-repository.js';
import { localUserDirectory } from '../../shared/identity/user-directory.js';
import { approvedCompany, companyRegistration, type ApprovedCompany } from '../helpers/companies.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
let acme: ApprovedCompany;
let other: ApprovedCompany;

beforeAll(async () => {
  platform = await startTestPlatform();
  acme = await approvedCompany(platform);
  other = await approvedCompany(platform);
});
afterAll(async () => platform?.stop());

const user = (groups: ('volunteer' | 'company-admin')[] = ['volunteer']) => platform.token({ sub: `u-${ulid()}`, groups });

describe('POST /v1/companies', () => {
  it('refuses a commercial registration number that is not 10 digits, naming it, and writes nothing', async () => {
    const body = { ...companyRegistration(), crNumber: '0123' };
    const response = await platform.request('POST', '/v1/companies', { token: await user(), body });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['crNumber']);
    expect(await companyRepository().crHolder('0123')).toBeUndefined();
  });

  it('refuses an email domain that is not a domain, naming it, and writes nothing', async () => {
    const body = { ...companyRegistration(), emailDomains: ['not a domain'] };
    const response = await platform.request('POST', '/v1/companies', { token: await user(), body });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['emailDomains.0']);
    expect(await companyRepository().crHolder(body.crNumber)).toBeUndefined();
  });

  it('needs a signed-in user', async () => {
    expect((await platform.request('POST', '/v1/companies', { body: companyRegistration() })).status).toBe(401);
  });

  it('accepts Arabic-Indic digits and stores the ASCII number', async () => {
    const body = { ...companyRegistration(), crNumber: '٢٠٥٩٩٩٩٩٩١' };
    const response = await platform.request('POST', '/v1/companies', { token: await user(), body });
    expect(response.status).toBe(202);
    expect(await companyRepository().crHolder('2059999991')).toBe(response.body.id);
  });

  it('refuses a CR number another user registered while it is pending (409 on crNumber)', async () => {
    const body = companyRegistration();
    expect((await platform.request('POST', '/v1/companies', { token: await user(), body })).status).toBe(202);
    const second = await platform.request('POST', '/v1/companies', { token: await user(), body: { ...body, nameEn: 'Copycat Co.' } });
    expect(second.status).toBe(409);
    expect(second.body.errors).toEqual([{ path: 'crNumber', message: 'already registered' }]);
  });

  it('refuses the CR number of an active company', async () => {
    const held = await companyRepository().get(acme.id);
    const response = await platform.request('POST', '/v1/companies', { token: await user(), body: { ...companyRegistration(), crNumber: held!.crNumber } });
    expect(response.status).toBe(409);
  });

  it('refuses a user who already administers a company', async () => {
    const response = await platform.request('POST', '/v1/companies', { token: acme.admin, body: companyRegistration() });
    expect(response.status).toBe(409);
  });
});

describe('company admins', () => {
  it('an admin adds an admin, who is granted company-admin for this company and listed', async () => {
    const sub = `hr2-${ulid()}`;
    const response = await platform.request('POST', `/v1/companies/${acme.id}/admins`, { token: acme.admin, body: { sub, email: `hr2@${acme.domain}` } });
    expect(response.status).toBe(201);
    expect(localUserDirectory.companyAdmins).toContainEqual({ sub, companyId: acme.id });
    const listed = await platform.request('GET', `/v1/companies/${acme.id}/admins`, { token: acme.admin });
    expect(listed.body.items.map((a: { sub: string }) => a.sub).sort()).toEqual([acme.adminSub, sub].sort());
  });

  it('refuses to make the admin of another company an admin here (409 on sub)', async () => {
    const response = await platform.request('POST', `/v1/companies/${acme.id}/admins`, { token: acme.admin, body: { sub: other.adminSub, email: 'x@example.sa' } });
    expect(response.status).toBe(409);
    expect(response.body.errors).toEqual([{ path: 'sub', message: 'admin of another company' }]);
  });

  it('refuses a volunteer (403)', async () => {
    const response = await platform.request('POST', `/v1/companies/${acme.id}/admins`, { token: await user(), body: { sub: 'x', email: 'x@example.sa' } });
    expect(response.status).toBe(403);
  });
});

describe('authorisation matrix: another company\'s admin and outsiders get 404', () => {
  it.each([
    ['GET', ''],
    ['GET', '/admins'],
  ])('%s /v1/companies/{id}%s', async (method, suffix) => {
    expect((await platform.request(method, `/v1/companies/${acme.id}${suffix}`, { token: other.admin })).status).toBe(404);
    expect((await platform.request(method, `/v1/companies/${acme.id}${suffix}`, { token: await user() })).status).toBe(404);
    expect((await platform.request(method, `/v1/companies/${acme.id}${suffix}`, { token: acme.admin })).status).toBe(200);
  });

  it('POST /v1/companies/{id}/admins', async () => {
    const response = await platform.request('POST', `/v1/companies/${acme.id}/admins`, { token: other.admin, body: { sub: `x-${ulid()}`, email: 'x@example.sa' } });
    expect(response.status).toBe(404);
  });
});
