/**
 * Test builders for the entities many test files need: seeded through the repositories (not
 * HTTP, where the HTTP path is not what is tested) or as request bodies.
 */
import { ulid } from 'ulid';
import { organizationRepository } from '../../shared/db/organization-repository.js';
import type { OrganizationRecord } from '../../shared/domain/organizations/schema.js';

/** Licence numbers unique across the files of a run (each file starts at a random point). */
let licence = 6_000_000_000 + Math.floor(Math.random() * 3_000_000_000);

/**
 * An organisation registered and, unless `status` is 'pending', decided by a reviewer
 * (default: approved, 'active'), written through the repository; `department: true` also
 * records its volunteer department, as the approval does; a rejection releases the licence, as
 * the reviewer's does. Jeddah, environment, "Society", registered now, by default.
 */
export const seedOrganization = async (
  options: {
    status?: 'active' | 'pending' | 'rejected';
    city?: OrganizationRecord['city'];
    causes?: OrganizationRecord['causes'];
    department?: boolean;
    names?: { ar: string; en: string };
    contactEmail?: string;
    /** When it was registered, and decided (`decidedAt`, default the same instant). */
    at?: string;
    decidedAt?: string;
  } = {},
): Promise<string> => {
  const { status = 'active' } = options;
  const repo = organizationRepository();
  const at = options.at ?? new Date().toISOString();
  const org: OrganizationRecord = {
    id: ulid(),
    nameAr: options.names?.ar ?? 'جمعية',
    nameEn: options.names?.en ?? 'Society',
    licenseNumber: String(licence++),
    city: options.city ?? 'jeddah',
    contactEmail: options.contactEmail ?? 'contact@example.sa',
    phone: '+966122345678',
    causes: options.causes ?? ['environment'],
    status: 'pending',
    registeredBy: { sub: 'founder' },
    createdAt: at,
    updatedAt: at,
  };
  await repo.create(org, { status: 'pending', at, by: 'founder' });
  if (status === 'pending') return org.id;
  const decidedAt = options.decidedAt ?? at;
  if (status === 'rejected') {
    await repo.transition(org.id, 'pending', { status, from: 'pending', at: decidedAt, by: 'reviewer', reason: 'no' }, { releaseLicense: org.licenseNumber });
    return org.id;
  }
  await repo.transition(
    org.id,
    'pending',
    { status, from: 'pending', at: decidedAt, by: 'reviewer' },
    options.department ? { department: { orgId: org.id, establishedAt: decidedAt, approvedBy: 'reviewer' } } : undefined,
  );
  return org.id;
};

export const hoursFromNow = (hours: number): string => new Date(Date.now() + hours * 3_600_000).toISOString();

/**
 * A valid `POST /v1/organizations/{orgId}/opportunities` body (a beach clean-up in Jeddah); `shifts`
 * replace the one default shift, `fields` any other field (city, category, skills, titles...).
 */
export const opportunityBody = (
  shifts: readonly { start: string; end: string; capacity: number }[] = [{ start: hoursFromNow(48), end: hoursFromNow(52), capacity: 20 }],
  fields: Readonly<Record<string, unknown>> = {},
) => ({
  titleAr: 'تنظيف الشاطئ',
  titleEn: 'Beach clean-up',
  descriptionAr: 'نجمع النفايات من شاطئ جدة الشمالي.',
  descriptionEn: 'We collect litter on the northern Jeddah beach.',
  category: 'environment',
  city: 'jeddah',
  requiresApproval: true,
  shifts: [...shifts],
  ...fields,
});
