import { describe, expect, it, vi } from 'vitest';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/domain/errors.js';
import {
  DecisionAlreadyMadeError,
  DecisionNotOpenError,
  LicenseNumberTakenError,
  OrganizationInvalidError,
  OrganizationNotActiveError,
} from '../../shared/domain/organizations/errors.js';
import * as onboarding from '../../shared/domain/organizations/onboarding.js';
import {
  AddManager,
  OrganizationDecision,
  RegisterOrganization,
  type Department,
  type Manager,
  type OrganizationRecord,
  type StatusChange,
} from '../../shared/domain/organizations/schema.js';
import {
  addManager,
  decideOrganization,
  listManagers,
  registerOrganization,
  viewOrganization,
  type OrganizationRepository,
} from '../../shared/domain/organizations/service.js';
import type { DomainEvent } from '../../shared/domain/events.js';
import type { EmailMessage } from '../../shared/domain/notifications/ports.js';
import { SelfDecisionError, type Caller } from '../../shared/domain/caller.js';

const ORG = '01J00000000000000000000ORG';
const NOW = new Date('2026-05-01T09:00:00.000Z');

const registration = (): Record<string, unknown> => ({
  nameAr: 'جمعية البر',
  nameEn: 'Al Birr Society',
  licenseNumber: '1010123456',
  city: 'riyadh',
  contactEmail: 'Contact@Albirr.org.sa',
  phone: '+966112345678',
  causes: ['social-welfare', 'health'],
});

const paths = (schema: { safeParse(v: unknown): { error?: { issues: { path: PropertyKey[] }[] } } }, input: unknown) =>
  schema.safeParse(input).error?.issues.map((issue) => issue.path.map(String).join('.')) ?? [];

/** An in-memory repository with the same rules as the DynamoDB one. */
const memoryRepo = () => {
  const orgs = new Map<string, OrganizationRecord & { taskToken?: string }>();
  const licenses = new Map<string, string>();
  const history: (StatusChange & { orgId: string })[] = [];
  const departments = new Map<string, Department>();
  const managers: Manager[] = [];
  /** The events each write carried in its transaction. */
  const published: DomainEvent[] = [];
  const repo: OrganizationRepository = {
    async create(org, change, events = []) {
      if (licenses.has(org.licenseNumber)) throw new LicenseNumberTakenError(org.licenseNumber);
      licenses.set(org.licenseNumber, org.id);
      orgs.set(org.id, org);
      history.push({ ...change, orgId: org.id });
      published.push(...events);
    },
    async get(orgId) {
      const org = orgs.get(orgId);
      if (!org) return undefined;
      const { taskToken: _t, ...rest } = org;
      return rest;
    },
    async licenseHolder(licenseNumber) {
      return licenses.get(licenseNumber);
    },
    async history(orgId) {
      return history.filter((h) => h.orgId === orgId).map(({ orgId: _o, ...h }) => h);
    },
    async department(orgId) {
      return departments.get(orgId);
    },
    async recordDecision(orgId, decision) {
      const org = orgs.get(orgId)!;
      if (org.status !== 'pending' || org.decision) throw new DecisionAlreadyMadeError('already decided');
      if (!org.taskToken) throw new DecisionNotOpenError('not open');
      const token = org.taskToken;
      orgs.set(orgId, { ...org, decision, taskToken: undefined });
      return token;
    },
    async withdrawDecision(orgId) {
      const { decision: _d, ...org } = orgs.get(orgId)!;
      orgs.set(orgId, org);
    },
    async storeTaskToken(orgId, taskToken) {
      orgs.set(orgId, { ...orgs.get(orgId)!, taskToken });
    },
    async clearTaskToken(orgId) {
      orgs.set(orgId, { ...orgs.get(orgId)!, taskToken: undefined });
    },
    async transition(orgId, from, change, options = {}) {
      const org = orgs.get(orgId)!;
      if (org.status === change.status) return 'already';
      if (org.status !== from) throw new Error(`not ${from}`);
      orgs.set(orgId, { ...org, status: change.status, taskToken: undefined });
      history.push({ ...change, orgId });
      if (options.department) departments.set(orgId, options.department);
      if (options.releaseLicense) licenses.delete(options.releaseLicense);
      published.push(...(options.events ?? []));
      return 'applied';
    },
    async putManager(manager) {
      managers.push(manager);
    },
    async listManagers(orgId) {
      return managers.filter((m) => m.orgId === orgId);
    },
    async lapseCertification() {
      return 'already' as const;
    },
    async certificationsExpiringOn() {
      return [];
    },
    async list(status, city, limit) {
      const items = [...orgs.values()].filter((o) => o.status === status && (city === undefined || o.city === city)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return { items: items.slice(0, limit) };
    },
  };
  return { repo, orgs, licenses, published };
};

const setup = () => {
  const memory = memoryRepo();
  const { published } = memory;
  const emails: EmailMessage[] = [];
  let n = 0;
  const workflow = { start: vi.fn(async () => undefined), resume: vi.fn(async () => undefined) };
  const deps = {
    repo: memory.repo,
    clock: { now: () => NOW },
    ids: () => (n++ === 0 ? ORG : `01J0000000000000000000${String(n).padStart(4, '0')}`),
    workflow,
    email: { send: async (message: EmailMessage) => void emails.push(message) },
    reviewers: ['reviewers@moh.example'],
    orgUrl: (orgId: string) => `https://tatawwu.test/v1/organizations/${orgId}`,
    directory: { grantOrganizationManager: vi.fn(async () => undefined) },
  };
  return { deps, memory, published, emails, workflow };
};

const registrant: Caller = { sub: 'user-1', email: 'founder@example.sa', groups: [] };
const reviewer: Caller = { sub: 'reviewer-1', groups: ['ministry-reviewer'] };
const admin: Caller = { sub: 'admin-1', groups: ['ministry-admin'] };
const managerOf = (orgId: string): Caller => ({ sub: 'manager-1', groups: ['org-manager'], orgId });

const registered = async (context = setup()) => {
  await registerOrganization(context.deps, registrant, RegisterOrganization.parse(registration()));
  return context;
};

const approved = async () => {
  const context = await registered();
  await context.deps.repo.storeTaskToken(ORG, 'token-1');
  await decideOrganization(context.deps, reviewer, ORG, { decision: 'approve' });
  await onboarding.approve(context.deps, { orgId: ORG });
  return context;
};

describe('RegisterOrganization', () => {
  it('accepts a complete registration and lower-cases the contact email', () => {
    expect(RegisterOrganization.parse(registration()).contactEmail).toBe('contact@albirr.org.sa');
  });

  it('normalises a licence number typed with Arabic-Indic digits, spaces and hyphens', () => {
    expect(RegisterOrganization.parse({ ...registration(), licenseNumber: '١٠١٠-١٢٣ ٤٥٦' }).licenseNumber).toBe('1010123456');
  });

  it.each(['0101234567', '101012345', '10101234567', '10101234AB', ''])('rejects the licence number %j', (licenseNumber) => {
    expect(paths(RegisterOrganization, { ...registration(), licenseNumber })).toEqual(['licenseNumber']);
  });

  it('rejects a phone number that is not E.164', () => {
    expect(paths(RegisterOrganization, { ...registration(), phone: '0112345678' })).toEqual(['phone']);
  });

  it('rejects an unknown cause', () => {
    expect(paths(RegisterOrganization, { ...registration(), causes: ['astrology'] })).toEqual(['causes.0']);
  });

  it('rejects the same cause twice', () => {
    expect(paths(RegisterOrganization, { ...registration(), causes: ['health', 'health'] })).toEqual(['causes.1']);
  });

  it('rejects an organisation without causes', () => {
    expect(paths(RegisterOrganization, { ...registration(), causes: [] })).toEqual(['causes']);
  });
});

describe('OrganizationDecision', () => {
  it('accepts an approval without a reason', () => {
    expect(OrganizationDecision.safeParse({ decision: 'approve' }).success).toBe(true);
  });

  it('requires a reason to reject', () => {
    expect(paths(OrganizationDecision, { decision: 'reject' })).toEqual(['reason']);
  });

  it('rejects an unknown decision', () => {
    expect(paths(OrganizationDecision, { decision: 'maybe' })).toEqual(['decision']);
  });
});

describe('AddManager', () => {
  it('needs a certification number when an expiry is given', () => {
    expect(paths(AddManager, { sub: 's', email: 'm@example.sa', certificationExpiresAt: '2027-01-01' })).toEqual(['certificationExpiresAt']);
  });
});

describe('registerOrganization', () => {
  it('stores a pending organisation, starts its onboarding and publishes OrganizationRegistered', async () => {
    const { deps, memory, published, workflow } = setup();
    const result = await registerOrganization(deps, registrant, RegisterOrganization.parse(registration()));
    expect(result).toEqual({ id: ORG, status: 'pending' });
    expect(memory.orgs.get(ORG)).toMatchObject({ status: 'pending', registeredBy: { sub: 'user-1', email: 'founder@example.sa' } });
    expect(workflow.start).toHaveBeenCalledWith(ORG);
    expect(published.map((e) => e.type)).toEqual(['OrganizationRegistered']);
  });

  it('refuses a licence number held by another organisation', async () => {
    const context = await registered();
    const other: Caller = { sub: 'user-2', groups: [] };
    await expect(registerOrganization(context.deps, other, RegisterOrganization.parse(registration()))).rejects.toThrow(LicenseNumberTakenError);
  });

  it('answers a retry by the same user with the same pending organisation and restarts the same execution', async () => {
    const context = await registered();
    const again = await registerOrganization(context.deps, registrant, RegisterOrganization.parse(registration()));
    expect(again.id).toBe(ORG);
    expect(context.workflow.start.mock.calls).toEqual([[ORG], [ORG]]);
  });
});

describe('viewOrganization', () => {
  it('hides a pending organisation from the public', async () => {
    const { deps } = await registered();
    await expect(viewOrganization(deps, undefined, ORG)).rejects.toThrow(NotFoundError);
  });

  it('shows a pending organisation with its history to the ministry', async () => {
    const { deps } = await registered();
    const view = await viewOrganization(deps, reviewer, ORG);
    expect(view).toMatchObject({ status: 'pending', licenseNumber: '1010123456', history: [{ status: 'pending', by: 'user-1' }] });
  });

  it('shows only public fields of an active organisation to anyone', async () => {
    const { deps } = await approved();
    expect(Object.keys(await viewOrganization(deps, undefined, ORG)).sort()).toEqual(['causes', 'city', 'hasCertifiedManager', 'id', 'nameAr', 'nameEn', 'status']);
  });

  it('shows the department and the full history to its managers', async () => {
    const { deps } = await approved();
    const view = await viewOrganization(deps, managerOf(ORG), ORG);
    expect(view).toMatchObject({
      department: { orgId: ORG, approvedBy: 'reviewer-1' },
      history: [{ status: 'pending' }, { status: 'active', from: 'pending', by: 'reviewer-1' }],
    });
  });

  it("does not show another organisation's details to a manager", async () => {
    const { deps } = await approved();
    expect(await viewOrganization(deps, managerOf('01J0000000000000000000OTHR'), ORG)).not.toHaveProperty('history');
  });
});

describe('decideOrganization', () => {
  it('resumes the waiting execution with the recorded decision', async () => {
    const context = await registered();
    await context.deps.repo.storeTaskToken(ORG, 'token-1');
    await decideOrganization(context.deps, reviewer, ORG, { decision: 'reject', reason: 'licence expired' });
    expect(context.workflow.resume).toHaveBeenCalledWith('token-1', { decision: 'reject', reason: 'licence expired', by: 'reviewer-1', at: NOW.toISOString() });
  });

  it('refuses a second decision', async () => {
    const context = await registered();
    await context.deps.repo.storeTaskToken(ORG, 'token-1');
    await decideOrganization(context.deps, reviewer, ORG, { decision: 'approve' });
    await expect(decideOrganization(context.deps, reviewer, ORG, { decision: 'reject', reason: 'changed my mind' })).rejects.toThrow(
      DecisionAlreadyMadeError,
    );
  });

  it('takes the decision back when the wait timed out meanwhile', async () => {
    const context = await registered();
    await context.deps.repo.storeTaskToken(ORG, 'token-1');
    context.workflow.resume.mockRejectedValueOnce(new DecisionNotOpenError('timed out'));
    await expect(decideOrganization(context.deps, reviewer, ORG, { decision: 'approve' })).rejects.toThrow(DecisionNotOpenError);
    expect(context.memory.orgs.get(ORG)?.decision).toBeUndefined();
  });

  it('refuses a reviewer deciding the registration they made themselves (self-decision), recording nothing', async () => {
    const context = await registered();
    await context.deps.repo.storeTaskToken(ORG, 'token-1');
    const selfReviewer: Caller = { ...registrant, groups: [...registrant.groups, 'ministry-reviewer'] };
    await expect(decideOrganization(context.deps, selfReviewer, ORG, { decision: 'approve' })).rejects.toThrow(SelfDecisionError);
    expect(context.memory.orgs.get(ORG)?.decision).toBeUndefined();
    expect(context.workflow.resume).not.toHaveBeenCalled();
  });

  it('answers 404 for an unknown organisation', async () => {
    const { deps } = setup();
    await expect(decideOrganization(deps, reviewer, ORG, { decision: 'approve' })).rejects.toThrow(NotFoundError);
  });
});

describe('managers', () => {
  const input = { sub: 'new-manager', email: 'm@albirr.org.sa', certificationNumber: 'VM-2026-001', certificationExpiresAt: '2028-01-01' };

  it('lets ministry-admin add a manager and grants the group in the directory', async () => {
    const { deps } = await approved();
    const manager = await addManager(deps, admin, ORG, input);
    expect(manager).toMatchObject({ orgId: ORG, sub: 'new-manager', addedBy: 'admin-1' });
    expect(deps.directory.grantOrganizationManager).toHaveBeenCalledWith('new-manager', ORG);
  });

  it('refuses a certification that expired in 2001, naming certificationExpiresAt and granting nothing', async () => {
    const { deps } = await approved();
    const error = await addManager(deps, admin, ORG, { ...input, certificationExpiresAt: '2001-03-31' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors?.map((e) => e.path)).toEqual(['certificationExpiresAt']);
    expect(deps.directory.grantOrganizationManager).not.toHaveBeenCalled();
  });

  it('refuses a certification that expired yesterday and accepts one that expires today (Riyadh)', async () => {
    const { deps } = await approved();
    // NOW is 2026-05-01T09:00Z, 12:00 in Riyadh.
    await expect(addManager(deps, admin, ORG, { ...input, certificationExpiresAt: '2026-04-30' })).rejects.toThrow(ValidationError);
    await expect(addManager(deps, admin, ORG, { ...input, certificationExpiresAt: '2026-05-01' })).resolves.toMatchObject({ certificationExpiresAt: '2026-05-01' });
  });

  it("refuses another organisation's manager", async () => {
    const { deps } = await approved();
    await expect(addManager(deps, managerOf('01J0000000000000000000OTHR'), ORG, input)).rejects.toThrow(ForbiddenError);
  });

  it('refuses a manager for a pending organisation', async () => {
    const { deps } = await registered();
    await expect(addManager(deps, admin, ORG, input)).rejects.toThrow(OrganizationNotActiveError);
  });

  it('refuses a reviewer adding a manager but lets them list managers', async () => {
    const { deps } = await approved();
    await expect(addManager(deps, reviewer, ORG, input)).rejects.toThrow(ForbiddenError);
    await expect(listManagers(deps, reviewer, ORG)).resolves.toEqual([]);
  });
});

describe('onboarding steps', () => {
  it('validate refuses an organisation whose licence marker names another organisation', async () => {
    const context = await registered();
    context.memory.licenses.set('1010123456', '01J0000000000000000000OTHR');
    await expect(onboarding.validate(context.deps, { orgId: ORG })).rejects.toThrow(OrganizationInvalidError);
  });

  it('validate errors carry the name the state machine catches', () => {
    expect(new OrganizationInvalidError('x').name).toBe('OrganizationInvalid');
  });

  it('reject uses the reviewer reason, releases the licence and tells the contact', async () => {
    const context = await registered();
    await context.deps.repo.storeTaskToken(ORG, 'token-1');
    await decideOrganization(context.deps, reviewer, ORG, { decision: 'reject', reason: 'licence expired' });
    await onboarding.reject(context.deps, { orgId: ORG });
    const history = await context.deps.repo.history(ORG);
    expect(history.at(-1)).toMatchObject({ status: 'rejected', by: 'reviewer-1', reason: 'licence expired' });
    expect(context.memory.licenses.has('1010123456')).toBe(false);
    expect(context.emails.at(-1)).toMatchObject({ to: ['contact@albirr.org.sa'] });
    expect(context.emails.at(-1)?.text).toContain('licence expired');
  });

  it('reject after a failed validation gives the validation message as reason, by the system', async () => {
    const context = await registered();
    const cause = JSON.stringify({ errorType: 'OrganizationInvalid', errorMessage: 'licence number 1010123456 is registered to another organisation' });
    await onboarding.reject(context.deps, { orgId: ORG, rejection: { Error: 'OrganizationInvalid', Cause: cause } });
    expect((await context.deps.repo.history(ORG)).at(-1)).toMatchObject({
      status: 'rejected',
      by: 'system',
      reason: 'licence number 1010123456 is registered to another organisation',
    });
  });

  it('approve run twice establishes one department and records one transition', async () => {
    const context = await approved();
    await onboarding.approve(context.deps, { orgId: ORG });
    expect((await context.deps.repo.history(ORG)).filter((h) => h.status === 'active')).toHaveLength(1);
  });

  it('remind voids the stored token and emails the reviewers a reminder', async () => {
    const context = await registered();
    await context.deps.repo.storeTaskToken(ORG, 'token-1');
    await onboarding.remindReviewers(context.deps, { orgId: ORG });
    expect(context.memory.orgs.get(ORG)?.taskToken).toBeUndefined();
    expect(context.emails.at(-1)).toMatchObject({ to: ['reviewers@moh.example'], subject: expect.stringMatching(/^Reminder/) });
  });

  it('expire marks the organisation expired by the system', async () => {
    const context = await registered();
    await onboarding.expire(context.deps, { orgId: ORG });
    expect(context.memory.orgs.get(ORG)?.status).toBe('expired');
    expect((await context.deps.repo.history(ORG)).at(-1)).toMatchObject({ status: 'expired', by: 'system' });
  });
});

