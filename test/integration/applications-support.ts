/**
 * Fixtures of the application tests: volunteers, published opportunities and applications
 * written straight into the test table (their own flows are tested elsewhere), and inspection
 * helpers that read everything a shift's seats depend on. Import after createTestTable().
 */
import { PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { systemClock, type Clock } from '../../shared/clock.js';
import { applicationRepository } from '../../shared/db/application-repository.js';
import { documentClient } from '../../shared/db/client.js';
import { opportunity as opportunityEntity } from '../../shared/db/entities/opportunity.js';
import { volunteer } from '../../shared/db/entities/volunteer.js';
import { waitlistEntry } from '../../shared/db/entities/waitlist.js';
import { opportunityRepository, seedPublishedOpportunities } from '../../shared/db/opportunity-repository.js';
import { trainingRepository } from '../../shared/db/training-repository.js';
import { volunteerRepository } from '../../shared/db/volunteer-repository.js';
import type { ApplicationDeps } from '../../shared/domain/applications/ports.js';
import type { ApplicationRecord, ApplicationStatus } from '../../shared/domain/applications/schema.js';
import type { OpportunityRecord, ShiftRecord } from '../../shared/domain/opportunities/schema.js';
import { currentCharter } from '../../shared/domain/volunteers/documents/index.js';
import type { VolunteerRecord } from '../../shared/domain/volunteers/schema.js';
import { env } from '../../shared/env.js';
import { hoursFromNow } from '../helpers/builders.js';

export const HOUR = 3_600_000;
export { hoursFromNow };

export const reviewDeps = (overrides: Partial<ApplicationDeps> = {}): ApplicationDeps => ({
  repo: applicationRepository(),
  volunteers: volunteerRepository(),
  opportunities: opportunityRepository(),
  training: trainingRepository(),
  clock: systemClock as Clock,
  ids: () => ulid(),
  ...overrides,
});

export const seedVolunteer = async (sub: string = `vol-${ulid()}`, overrides: Partial<VolunteerRecord> = {}): Promise<string> => {
  const at = new Date().toISOString();
  const record: VolunteerRecord = {
    id: sub,
    nameAr: 'سارة العتيبي',
    nameEn: 'Sarah Alotaibi',
    birthDate: '1995-03-14',
    email: `${sub}@example.sa`,
    phone: '+966501234567',
    city: 'riyadh',
    skills: [{ name: 'first-aid', level: 'advanced' }],
    professions: ['nurse'],
    languages: ['ar', 'en'],
    availability: [{ day: 'fri', from: '08:00', to: '20:00' }],
    interests: ['health'],
    preferences: { email: true, sms: false, locale: 'ar' },
    nationalIdMasked: '1*****4567',
    nationalIdHash: `hash-${sub}`,
    consent: { email: { granted: true, changedAt: at }, sms: { granted: false, changedAt: at } },
    acceptedCharterVersion: currentCharter().version,
    charterAcceptedAt: at,
    createdAt: at,
    updatedAt: at,
    revision: 1,
    ...overrides,
  };
  await documentClient().send(new PutCommand({ TableName: env.tableName, Item: { ...volunteer.keys.item(sub), entity: 'Volunteer', ...record } }));
  return sub;
};

export interface SeededOpportunity {
  readonly opportunity: OpportunityRecord;
  readonly shifts: ShiftRecord[];
}

export const seedOpportunity = async (
  options: {
    orgId?: string;
    shifts?: readonly { start: string; end: string; capacity: number }[];
  } & Partial<Pick<OpportunityRecord, 'requiresApproval' | 'minAge' | 'professions' | 'trainingModules' | 'status'>> = {},
): Promise<SeededOpportunity> => {
  const id = ulid();
  const orgId = options.orgId ?? ulid();
  const specs = options.shifts ?? [{ start: hoursFromNow(48), end: hoursFromNow(52), capacity: 10 }];
  const shifts: ShiftRecord[] = specs.map((s) => ({ id: ulid(), opportunityId: id, orgId, start: s.start, end: s.end, capacity: s.capacity, seatsTaken: 0 }));
  const at = new Date().toISOString();
  const opportunity: OpportunityRecord = {
    id,
    orgId,
    status: 'published',
    titleAr: 'تنظيف الشاطئ',
    titleEn: 'Beach clean-up',
    descriptionAr: 'نجمع النفايات من الشاطئ',
    descriptionEn: 'We collect litter on the beach',
    category: 'environment',
    city: 'jeddah',
    remote: false,
    skills: [],
    professions: options.professions ?? [],
    requiresApproval: options.requiresApproval ?? true,
    trainingModules: options.trainingModules ?? [],
    ...(options.minAge !== undefined && { minAge: options.minAge }),
    firstShiftStart: shifts.map((s) => s.start).sort()[0]!,
    lastShiftEnd: shifts.map((s) => s.end).sort().at(-1)!,
    createdBy: 'manager',
    createdAt: at,
    updatedAt: at,
    publishedAt: at,
  };
  await seedPublishedOpportunities([{ opportunity, shifts }]);
  if (options.status && options.status !== 'published') {
    const stored = { ...opportunity, status: options.status };
    await documentClient().send(new PutCommand({ TableName: env.tableName, Item: { ...opportunityEntity.keys.item(id), entity: 'Opportunity', ...stored } }));
    return { opportunity: stored, shifts };
  }
  return { opportunity, shifts };
};

/** A submitted application, as the POST writes it. */
export const seedApplication = async (volunteerId: string, seeded: SeededOpportunity, shift: ShiftRecord = seeded.shifts[0]!): Promise<ApplicationRecord> => {
  const at = new Date().toISOString();
  const application: ApplicationRecord = {
    id: ulid(),
    volunteerId,
    opportunityId: seeded.opportunity.id,
    orgId: seeded.opportunity.orgId,
    shiftId: shift.id,
    shiftStart: shift.start,
    shiftEnd: shift.end,
    requiresApproval: seeded.opportunity.requiresApproval,
    status: 'submitted',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await applicationRepository().create(application, { version: 1, status: 'submitted', at, by: volunteerId });
  return application;
};

/** A pending application with a manager's approval recorded, as the decision route leaves it. */
export const seedApprovedDecision = async (volunteerId: string, seeded: SeededOpportunity, shift?: ShiftRecord): Promise<ApplicationRecord> => {
  const repo = applicationRepository();
  const submitted = await seedApplication(volunteerId, seeded, shift);
  const at = new Date().toISOString();
  await repo.transition(submitted, { to: 'pending', at, by: 'system' });
  await repo.storeTaskToken(submitted.id, `token-${submitted.id}`);
  const { application } = await repo.recordDecision(submitted.id, { decision: 'approve', by: 'manager-1', at });
  return application;
};

/** Test-only inspection: every item of the table (a Scan is fine here, never in request paths). */
export const allItems = async (): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(new ScanCommand({ TableName: env.tableName, ConsistentRead: true, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
};

export interface ShiftAccount {
  readonly capacity: number;
  readonly seatsTaken: number;
  readonly waiting: number;
  readonly byStatus: Partial<Record<ApplicationStatus, number>>;
  readonly waitItems: { seq: number; applicationId: string }[];
  readonly bookings: number;
}

/** Everything that must agree about one shift: its counters, its applications, WAIT items and bookings. */
export const accountFor = async (seeded: SeededOpportunity, applicationIds: readonly string[], shift: ShiftRecord = seeded.shifts[0]!): Promise<ShiftAccount> => {
  const repo = applicationRepository();
  const seats = await repo.seats(seeded.opportunity.id, shift.id);
  const applications = await Promise.all(applicationIds.map((id) => repo.get(id)));
  const byStatus: Partial<Record<ApplicationStatus, number>> = {};
  for (const application of applications) if (application) byStatus[application.status] = (byStatus[application.status] ?? 0) + 1;
  const wait = await documentClient().send(
    new QueryCommand({
      TableName: env.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :w)',
      ExpressionAttributeValues: { ':pk': waitlistEntry.keys.partition(shift.id), ':w': waitlistEntry.keys.prefix },
      ConsistentRead: true,
    }),
  );
  const items = await allItems();
  return {
    capacity: seats?.capacity ?? 0,
    seatsTaken: seats?.seatsTaken ?? 0,
    waiting: seats?.waiting ?? 0,
    byStatus,
    waitItems: (wait.Items ?? []).map((i) => ({ seq: Number(i.seq), applicationId: String(i.applicationId) })),
    bookings: items.filter((i) => i.entity === 'Booking' && i.shiftId === shift.id).length,
  };
};
