/** The projection reads of issue 17 answer what the repositories' full reads gave their callers. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { documentClient } from '../../shared/db/client.js';
import { volunteerAggregate } from '../../shared/db/entities/evaluation.js';
import { erasureCodes } from '../../shared/db/erasure-codes.js';
import { hoursApprovalNotices } from '../../shared/db/hours-notice-reads.js';
import { hoursRecords, hoursWrites } from '../../shared/db/hours-repository.js';
import { organizationReads } from '../../shared/db/organization-reads.js';
import { organizationRepository } from '../../shared/db/organization-repository.js';
import { recognitionProfiles } from '../../shared/db/recognition-profiles.js';
import { companyReportConsents } from '../../shared/db/volunteer-fields.js';
import { volunteerRepository } from '../../shared/db/volunteer-repository.js';
import type { HoursRecord } from '../../shared/domain/hours/schema.js';
import type { OrganizationRecord } from '../../shared/domain/organizations/schema.js';
import type { VolunteerRecord } from '../../shared/domain/volunteers/schema.js';
import { createTestTable } from '../helpers/table.js';

let tableName: string;
const client = documentClient();

beforeAll(async () => {
  ({ tableName } = await createTestTable());
});

/** A profile stored by the volunteer repository, as registration stores it. */
const registered = async (preferences: Partial<VolunteerRecord['preferences']> = {}): Promise<VolunteerRecord> => {
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
  const stored = { ...record, preferences: { ...record.preferences, ...preferences } };
  await volunteerRepository(client, tableName).create(stored, []);
  return stored;
};

describe('recognition profiles', () => {
  it("reads a volunteer's names, birth date, locale and publication choice", async () => {
    const volunteer = await registered({ locale: 'en', showAchievements: false });

    await expect(recognitionProfiles().profile(volunteer.id)).resolves.toEqual({
      nameAr: volunteer.nameAr,
      nameEn: volunteer.nameEn,
      birthDate: volunteer.birthDate,
      locale: 'en',
      showAchievements: false,
    });
  });

  it('leaves the publication choice out when the volunteer never made one, and a missing profile undefined', async () => {
    const volunteer = await registered();

    await expect(recognitionProfiles().profile(volunteer.id)).resolves.toEqual({ nameAr: volunteer.nameAr, nameEn: volunteer.nameEn, birthDate: volunteer.birthDate, locale: 'ar' });
    await expect(recognitionProfiles().profile('nobody')).resolves.toBeUndefined();
  });

  it('rates only the volunteers with ratings, by the mean of their aggregate', async () => {
    const rated = `user-${ulid()}`;
    const aggregate = { volunteerId: rated, count: 2, punctuality: 9, skill: 8, conduct: 10 };
    await client.send(new PutCommand({ TableName: tableName, Item: volunteerAggregate.toItem(aggregate, volunteerAggregate.keys.item(rated)) }));

    await expect(recognitionProfiles().ratings([rated, 'unrated'])).resolves.toEqual(new Map([[rated, 4.5]]));
  });
});

describe('organisation reads', () => {
  it("reads the names, city and contact address the repository's record holds", async () => {
    const at = new Date().toISOString();
    const org: OrganizationRecord = {
      id: ulid(),
      nameAr: 'جمعية',
      nameEn: 'Society',
      licenseNumber: `41${Date.now().toString().slice(-8)}`,
      city: 'jeddah',
      contactEmail: 'contact@example.sa',
      phone: '+966122345678',
      causes: ['health'],
      status: 'pending',
      registeredBy: { sub: 'founder' },
      createdAt: at,
      updatedAt: at,
    };
    await organizationRepository().create(org, { status: 'pending', at, by: 'founder', reason: 'registered' });

    await expect(organizationReads().get(org.id)).resolves.toEqual({ id: org.id, nameAr: 'جمعية', nameEn: 'Society', city: 'jeddah', contactEmail: 'contact@example.sa' });
    await expect(organizationReads().get('missing')).resolves.toBeUndefined();
  });
});

describe('erasure contact', () => {
  it("reads the address, phone, names and locale the erasure code is sent with", async () => {
    const volunteer = await registered({ locale: 'en' });

    await expect(erasureCodes().contact(volunteer.id)).resolves.toEqual({
      email: volunteer.email,
      phone: volunteer.phone,
      nameAr: volunteer.nameAr,
      nameEn: volunteer.nameEn,
      locale: 'en',
    });
    await expect(erasureCodes().contact('nobody')).resolves.toBeUndefined();
  });
});

describe('company report consents', () => {
  it("answers what the profile's companyReports choice said: counted unless withdrawn, and counted without a profile", async () => {
    const consents = companyReportConsents();
    const withdrawn = await registered({ companyReports: false });
    const granted = await registered({ companyReports: true });
    const never = await registered();
    const repository = volunteerRepository(client, tableName);
    const full = async (sub: string) => (await repository.get(sub))?.preferences.companyReports !== false;

    for (const sub of [withdrawn.id, granted.id, never.id, 'nobody']) await expect(consents(sub)).resolves.toBe(await full(sub));
    await expect(consents(withdrawn.id)).resolves.toBe(false);
    await expect(consents('nobody')).resolves.toBe(true);
  });
});

describe('hours approval notices', () => {
  it("reads the minutes, the decisions' reasons and the dispute deadline the record holds", async () => {
    const id = ulid();
    const record: HoursRecord = {
      id,
      volunteerId: `user-${id}`,
      orgId: 'org-1',
      opportunityId: 'opp-1',
      shiftId: 'shift-1',
      kind: 'shift',
      date: '2026-03-01',
      intervals: [{ start: '2026-03-01T06:00:00.000Z', end: '2026-03-01T09:00:00.000Z' }],
      requestedMinutes: 180,
      minutes: 120,
      status: 'approved',
      track: 'general',
      causes: ['health'],
      city: 'riyadh',
      region: 'riyadh',
      flags: [],
      round: 1,
      version: 2,
      createdAt: '2026-03-01T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
      decisions: [{ decision: 'approve', minutes: 120, reason: 'left an hour early', by: 'manager-1', at: '2026-03-02T09:00:00.000Z', round: 1 }],
      valueSar: 50,
      approvedBy: 'manager-1',
      approvedAt: '2026-03-02T09:00:00.000Z',
      disputeUntil: '2026-03-16T09:00:00.000Z',
    };
    await hoursWrites(client, () => tableName).write({ hours: { record }, events: [] });
    const full = (await hoursRecords(client, () => tableName).get(id))!;

    await expect(hoursApprovalNotices(client, () => tableName).get(id)).resolves.toEqual({
      minutes: full.minutes,
      requestedMinutes: full.requestedMinutes,
      decisions: full.decisions.map(({ reason }) => ({ reason })),
      disputeUntil: full.disputeUntil,
    });
    await expect(hoursApprovalNotices(client, () => tableName).get('nothing')).resolves.toBeUndefined();
  });
});
