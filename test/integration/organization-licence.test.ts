/**
 * Issue 11: a licence number is held only while its registration is pending, for the onboarding
 * window at most; rejection or expiry frees it; an approved organisation keeps it.
 */
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { LicenseNumberTakenError } from '../../shared/domain/organizations/errors.js';
import { LICENSE_HOLD_SECONDS, type OrganizationRecord } from '../../shared/domain/organizations/schema.js';
import type { OrganizationRepository } from '../../shared/domain/organizations/service.js';
import { createTestTable } from '../helpers/table.js';

let repo: OrganizationRepository;
let licenseSeq = 2_000_000;
const nextLicense = () => `41${String(licenseSeq++).padStart(8, '0')}`;
const DAY = 86_400_000;

const registration = (licenseNumber: string, at: Date): OrganizationRecord => ({
  id: ulid(),
  nameAr: 'جمعية',
  nameEn: 'Society',
  licenseNumber,
  city: 'riyadh',
  contactEmail: 'contact@example.sa',
  phone: '+966112345678',
  causes: ['health'],
  status: 'pending',
  registeredBy: { sub: 'founder' },
  createdAt: at.toISOString(),
  updatedAt: at.toISOString(),
});

const register = (org: OrganizationRecord) => repo.create(org, { status: 'pending', at: org.createdAt, by: 'founder', reason: 'registered' });

beforeAll(async () => {
  await createTestTable();
  const { organizationRepository } = await import('../../shared/db/organization-repository.js');
  repo = organizationRepository();
});

describe('licence number holds', () => {
  it('lets a new registration take a licence whose pending hold outlived the onboarding window', async () => {
    const licence = nextLicense();
    const stuck = registration(licence, new Date(Date.now() - LICENSE_HOLD_SECONDS * 1000 - DAY));
    await register(stuck);
    expect(await repo.licenseHolder(licence)).toBeUndefined();

    const fresh = registration(licence, new Date());
    await register(fresh);
    expect(await repo.licenseHolder(licence)).toBe(fresh.id);
  });

  it('keeps the licence of a pending registration inside the window', async () => {
    const licence = nextLicense();
    await register(registration(licence, new Date(Date.now() - 13 * DAY)));
    await expect(register(registration(licence, new Date()))).rejects.toThrow(LicenseNumberTakenError);
  });

  it('keeps the licence with an approved organisation after the window', async () => {
    const licence = nextLicense();
    const approvedAt = new Date(Date.now() - LICENSE_HOLD_SECONDS * 1000 - 2 * DAY);
    const org = registration(licence, approvedAt);
    await register(org);
    await repo.transition(org.id, 'pending', { status: 'active', from: 'pending', at: org.createdAt, by: 'reviewer' }, { keepLicense: licence });
    expect(await repo.licenseHolder(licence)).toBe(org.id);
    await expect(register(registration(licence, new Date()))).rejects.toThrow(LicenseNumberTakenError);
  });

  it.each(['rejected', 'expired'] as const)('frees the licence when the registration is %s', async (status) => {
    const licence = nextLicense();
    const org = registration(licence, new Date());
    await register(org);
    await repo.transition(org.id, 'pending', { status, from: 'pending', at: new Date().toISOString(), by: 'system', reason: 'test' }, { releaseLicense: licence });
    const next = registration(licence, new Date());
    await register(next);
    expect(await repo.licenseHolder(licence)).toBe(next.id);
  });
});
