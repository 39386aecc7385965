/** The certificate's name reads (issue 17 projections) answer what the volunteer and organisation repositories' full reads gave them. */
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { organizationRepository } from '../../shared/db/organization-repository.js';
import { organizationNameReads, volunteerNameReads } from '../../shared/db/register-names.js';
import { volunteerRepository } from '../../shared/db/volunteer-repository.js';
import type { OrganizationRecord } from '../../shared/domain/organizations/schema.js';
import type { VolunteerRecord } from '../../shared/domain/volunteers/schema.js';
import { createTestTable } from '../helpers/table.js';

beforeAll(async () => {
  await createTestTable();
});

const registeredVolunteer = async (): Promise<VolunteerRecord> => {
  const { nationalId: _id, ...fields } = JSON.parse(registerEvent.body) as Record<string, unknown>;
  const id = `user-${ulid()}`;
  const record = {
    ...(fields as Omit<VolunteerRecord, 'id'>),
    id,
    nationalIdHash: `hash-${id}`,
    nationalIdMasked: '1*****5439',
    consent: { email: { granted: true, changedAt: '2026-04-12T09:15:00.000Z' }, sms: { granted: true, changedAt: '2026-04-12T09:15:00.000Z' } },
    createdAt: '2026-04-12T09:15:00.000Z',
    updatedAt: '2026-04-12T09:15:00.000Z',
    revision: 1,
  } as VolunteerRecord;
  await volunteerRepository().create(record, []);
  return record;
};

const registeredOrganization = async (nameAr: string, nameEn: string): Promise<OrganizationRecord> => {
  const at = new Date().toISOString();
  const org: OrganizationRecord = {
    id: ulid(),
    nameAr,
    nameEn,
    licenseNumber: `41${ulid().slice(-8)}`,
    city: 'riyadh',
    contactEmail: 'contact@example.sa',
    phone: '+966112345678',
    causes: ['health'],
    status: 'pending',
    registeredBy: { sub: 'founder' },
    createdAt: at,
    updatedAt: at,
  };
  await organizationRepository().create(org, { status: 'pending', at, by: 'founder', reason: 'registered' });
  return org;
};

describe('volunteerNameReads', () => {
  it("answers the names the volunteer repository's profile holds, and nothing for a missing profile", async () => {
    const volunteer = await registeredVolunteer();
    const profile = (await volunteerRepository().get(volunteer.id))!;

    await expect(volunteerNameReads().names(volunteer.id)).resolves.toEqual({ nameAr: profile.nameAr, nameEn: profile.nameEn });
    await expect(volunteerNameReads().names('nobody')).resolves.toBeUndefined();
  });
});

describe('organizationNameReads', () => {
  it("answers the names the organisation repository's records hold, once per organisation, leaving out missing ones", async () => {
    const first = await registeredOrganization('جمعية البر', 'Al Birr Society');
    const second = await registeredOrganization('جمعية الخير', 'Al Khair Society');
    const records = await Promise.all([first.id, second.id].map(async (id) => (await organizationRepository().get(id))!));

    await expect(organizationNameReads().names([first.id, 'missing', second.id, first.id])).resolves.toEqual(
      new Map(records.map((r) => [r.id, { nameAr: r.nameAr, nameEn: r.nameEn }])),
    );
  });
});
