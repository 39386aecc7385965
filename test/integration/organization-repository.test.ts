import { beforeAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { createTestTable } from '../helpers/table.js';
import type { OrganizationRecord } from '../../shared/domain/organizations/schema.js';
import type { OrganizationRepository } from '../../shared/domain/organizations/service.js';
import {
  DecisionAlreadyMadeError,
  DecisionNotOpenError,
  LicenseNumberTakenError,
  ManagerAlreadyAssignedError,
} from '../../shared/domain/organizations/errors.js';

let repo: OrganizationRepository;
let licenseSeq = 1_000_000;
const nextLicense = () => `40${String(licenseSeq++).padStart(8, '0')}`;

/** Registered now: a pending registration holds its licence for the onboarding window only. */
const REGISTERED_AT = new Date().toISOString();
const DECIDED_AT = new Date(Date.parse(REGISTERED_AT) + 86_400_000).toISOString();

const organization = (licenseNumber = nextLicense()): OrganizationRecord => ({
  id: ulid(),
  nameAr: 'جمعية',
  nameEn: 'Society',
  licenseNumber,
  city: 'jeddah',
  contactEmail: 'contact@example.sa',
  phone: '+966122345678',
  causes: ['health'],
  status: 'pending',
  registeredBy: { sub: 'founder' },
  createdAt: REGISTERED_AT,
  updatedAt: REGISTERED_AT,
});

const registered = async (org = organization()) => {
  await repo.create(org, { status: 'pending', at: org.createdAt, by: 'founder', reason: 'registered' });
  return org;
};

const decision = (by = 'reviewer-1') => ({ decision: 'approve' as const, by, at: new Date().toISOString() });

beforeAll(async () => {
  await createTestTable();
  const { organizationRepository } = await import('../../shared/db/organization-repository.js');
  repo = organizationRepository();
});

describe('organization repository', () => {
  it('registers one organisation per licence number under concurrency', async () => {
    const license = nextLicense();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => registered(organization(license))));
    const winners = results.filter((r) => r.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => r.reason instanceof LicenseNumberTakenError)).toBe(true);
    const holder = await repo.licenseHolder(license);
    expect(holder).toBe((winners[0] as PromiseFulfilledResult<OrganizationRecord>).value.id);
  });

  it('writes nothing of the losing registration', async () => {
    const first = await registered();
    const loser = organization(first.licenseNumber);
    await expect(registered(loser)).rejects.toThrow(LicenseNumberTakenError);
    expect(await repo.get(loser.id)).toBeUndefined();
    expect(await repo.history(loser.id)).toEqual([]);
  });

  it('never returns the task token', async () => {
    const org = await registered();
    await repo.storeTaskToken(org.id, 'secret-token');
    expect(JSON.stringify(await repo.get(org.id))).not.toContain('secret-token');
  });

  it('refuses a decision before the workflow waits for one', async () => {
    const org = await registered();
    await expect(repo.recordDecision(org.id, decision())).rejects.toThrow(DecisionNotOpenError);
  });

  it('records one of two concurrent decisions and hands out the token once', async () => {
    const org = await registered();
    await repo.storeTaskToken(org.id, 'token-1');
    const results = await Promise.allSettled([repo.recordDecision(org.id, decision('a')), repo.recordDecision(org.id, decision('b'))]);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<string>).value)).toEqual(['token-1']);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.any(DecisionAlreadyMadeError)]);
  });

  it('approves once: status, department and history in one step, and a retry changes nothing', async () => {
    const org = await registered();
    const at = DECIDED_AT;
    const change = { status: 'active' as const, from: 'pending' as const, at, by: 'reviewer-1', reason: 'ok' };
    const department = { orgId: org.id, establishedAt: at, approvedBy: 'reviewer-1' };
    expect(await repo.transition(org.id, 'pending', change, { department })).toBe('applied');
    expect(await repo.transition(org.id, 'pending', change, { department })).toBe('already');
    expect((await repo.get(org.id))?.status).toBe('active');
    expect(await repo.department(org.id)).toEqual(department);
    expect((await repo.history(org.id)).map((h) => h.status)).toEqual(['pending', 'active']);
  });

  it('releases the licence number on rejection', async () => {
    const org = await registered();
    await repo.transition(org.id, 'pending', { status: 'rejected', from: 'pending', at: DECIDED_AT, by: 'r', reason: 'no' }, {
      releaseLicense: org.licenseNumber,
    });
    expect(await repo.licenseHolder(org.licenseNumber)).toBeUndefined();
    await expect(registered(organization(org.licenseNumber))).resolves.toBeDefined();
  });

  it('lets a user manage one organisation only', async () => {
    const [a, b] = [await registered(), await registered()];
    const manager = { sub: `m-${ulid()}`, email: 'm@example.sa', addedBy: 'admin', addedAt: DECIDED_AT };
    await repo.putManager({ ...manager, orgId: a.id });
    await repo.putManager({ ...manager, orgId: a.id, certificationNumber: 'VM-1' });
    await expect(repo.putManager({ ...manager, orgId: b.id })).rejects.toThrow(ManagerAlreadyAssignedError);
    expect(await repo.listManagers(a.id)).toEqual([{ ...manager, orgId: a.id, certificationNumber: 'VM-1' }]);
    expect(await repo.listManagers(b.id)).toEqual([]);
  });
});
