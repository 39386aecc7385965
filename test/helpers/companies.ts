/** Companies for the e2e tests: registered through the API and approved through the real CompanyOnboarding workflow. */
import { ulid } from 'ulid';
import { localWorkflowRunner } from '../../infra/local/workflows.js';
import type { TestPlatform } from './platform.js';

let cr = 2_050_000_000 + Math.floor(Math.random() * 900_000_000);

export const companyRegistration = (domain = `${ulid().toLowerCase().slice(-10)}.example.sa`) => ({
  nameAr: 'شركة الأفق للتقنية',
  nameEn: `Horizon ${ulid()}`,
  crNumber: String(cr++),
  contactEmail: `csr@${domain}`,
  emailDomains: [domain],
});

export interface ApprovedCompany {
  readonly id: string;
  readonly domain: string;
  /** The registrant, now its first admin, and a token carrying the claims Cognito would give them. */
  readonly adminSub: string;
  readonly admin: string;
}

/** Registers a company and has a ministry reviewer approve it; answers once the workflow finished. */
export const approvedCompany = async (platform: TestPlatform, body = companyRegistration()): Promise<ApprovedCompany> => {
  const adminSub = `hr-${ulid()}`;
  const registrant = await platform.token({ sub: adminSub, groups: ['volunteer'], email: `hr@${body.emailDomains[0]}` });
  const registered = await platform.request('POST', '/v1/companies', { token: registrant, body });
  if (registered.status !== 202) throw new Error(`registration answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  const id = registered.body.id as string;
  const runner = localWorkflowRunner();
  const executionId = runner.list().find((e) => e.name === `company-${id}`)!.executionId;
  await runner.waitingAt(executionId, 'AwaitDecision');
  const reviewer = await platform.token({ sub: 'reviewer-companies', groups: ['ministry-reviewer'] });
  const decided = await platform.request('POST', `/v1/companies/${id}/decision`, { token: reviewer, body: { decision: 'approve' } });
  if (decided.status !== 202) throw new Error(`decision answered ${decided.status}: ${JSON.stringify(decided.body)}`);
  await runner.settled(executionId);
  const admin = await platform.token({ sub: adminSub, groups: ['volunteer', 'company-admin'], companyId: id, email: `hr@${body.emailDomains[0]}` });
  return { id, domain: body.emailDomains[0]!, adminSub, admin };
};

interface StoredEmail {
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
}

/** The one-time code of the latest email the SES emulator received for `address` (once the queued messages are delivered). */
export const lastCode = async (platform: TestPlatform, address: string): Promise<{ code: string; text: string }> => {
  await platform.flushEvents();
  const store = (await (await fetch(`${platform.sesUrl}/store`)).json()) as { emails: StoredEmail[] };
  const mail = store.emails.filter((e) => e.destination.to.includes(address)).at(-1);
  const text = `${mail?.subject}\n${mail?.body.text ?? mail?.body.html ?? ''}`;
  const code = /Code: ([A-Z0-9]{8})/.exec(text)?.[1];
  if (!code) throw new Error(`no code emailed to ${address}`);
  return { code, text };
};

/** A volunteer who joined the company by invitation: their sub and token. */
export const employeeOf = async (platform: TestPlatform, company: ApprovedCompany): Promise<{ sub: string; token: string; email: string }> => {
  const sub = `emp-${ulid()}`;
  const email = `${sub.toLowerCase()}@${company.domain}`;
  const token = await platform.token({ sub, groups: ['volunteer'] });
  await platform.request('POST', `/v1/companies/${company.id}/employees`, { token: company.admin, body: { email } });
  const joined = await platform.request('POST', `/v1/companies/${company.id}/join`, { token, body: { code: (await lastCode(platform, email)).code } });
  if (joined.status !== 201) throw new Error(`join answered ${joined.status}: ${JSON.stringify(joined.body)}`);
  return { sub, token, email };
};
