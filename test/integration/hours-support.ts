/**
 * Fixtures of the hours tests: approved seats written as the applications area writes them
 * (booking item with its reminders index), a pinned clock, and the service's ports on the test
 * table. The verification workflow port records starts and resumes here; the workflow itself is
 * run by the local runner in test/workflows/hours-verification.test.ts. Import after createTestTable().
 */
import { trainingRepository } from '../../shared/db/training-repository.js';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { documentClient } from '../../shared/db/client.js';
import { hoursRepository } from '../../shared/db/hours-repository.js';
import { booking } from '../../shared/db/entities/booking.js';
import { volunteerRepository } from '../../shared/db/volunteer-repository.js';
import type { HoursDeps } from '../../shared/domain/hours/ports.js';
import { seedPublishedOpportunities } from '../../shared/db/opportunity-repository.js';
import type { OpportunityRecord, ShiftRecord } from '../../shared/domain/opportunities/schema.js';
import { env } from '../../shared/env.js';
import type { SeededOpportunity } from './applications-support.js';

export const KEY = 'test-attendance-key-0123456789abcdef';

export const pinnedClock = (at: string) => {
  let now = new Date(at);
  return {
    now: () => new Date(now),
    set: (next: string) => {
      now = new Date(next);
    },
  };
};

export const recordingWorkflow = () => {
  const started: { hoursId: string; round: number }[] = [];
  const resumed: { taskToken: string; decision: string }[] = [];
  return {
    started,
    resumed,
    async start(hoursId: string, round: number) {
      started.push({ hoursId, round });
    },
    async resume(taskToken: string, decision: { decision: string }) {
      resumed.push({ taskToken, decision: decision.decision });
    },
  };
};

export const hoursDeps = (clock: { now(): Date }, workflow = recordingWorkflow()): HoursDeps & { workflow: ReturnType<typeof recordingWorkflow> } => ({
  repo: hoursRepository(),
  volunteers: volunteerRepository(),
  codeKey: async () => KEY,
  workflow,
  training: trainingRepository(),
  clock,
  ids: () => ulid(),
});

/** An approved seat on the shift, as ReserveSeat leaves it. */
export const seedSeat = async (volunteerId: string, seeded: SeededOpportunity, shift: ShiftRecord = seeded.shifts[0]!): Promise<void> => {
  await documentClient().send(
    new PutCommand({
      TableName: env.tableName,
      Item: {
        ...booking.keys.item(volunteerId, shift.start, shift.id),
        ...booking.keys.startIndex(shift.start, shift.id, volunteerId),
        entity: 'Booking',
        volunteerId,
        applicationId: ulid(),
        opportunityId: seeded.opportunity.id,
        orgId: seeded.opportunity.orgId,
        shiftId: shift.id,
        start: shift.start,
        end: shift.end,
      },
    }),
  );
};

export const manager = (orgId: string, sub = `manager-${orgId}`) => ({ sub, groups: ['org-manager' as const], orgId });
export const volunteer = (sub: string) => ({ sub, groups: ['volunteer' as const] });
export const admin = { sub: 'admin-1', groups: ['ministry-admin' as const] };

/**
 * A published project (issue 19) straight in the table, as POST /v1/organizations/{orgId}/opportunities
 * stores one: its period is its only shift (`project: true`, capacity = seats), two deliverables.
 */
export const seedProject = async (period: { start: string; end: string }, options: { orgId?: string; remote?: boolean } = {}): Promise<SeededOpportunity> => {
  const id = ulid();
  const orgId = options.orgId ?? ulid();
  const at = new Date().toISOString();
  const shifts: ShiftRecord[] = [{ id: ulid(), opportunityId: id, orgId, start: period.start, end: period.end, capacity: 3, seatsTaken: 0, project: true }];
  const opportunity: OpportunityRecord = {
    id,
    orgId,
    status: 'published',
    kind: 'project',
    project: {
      estimatedHours: 40,
      deliverables: [
        { id: ulid(), titleAr: 'مراجعة عقود المتطوعين', titleEn: 'Review of the volunteer contracts' },
        { id: ulid(), titleAr: 'سياسة الخصوصية', titleEn: 'Privacy policy' },
      ],
    },
    titleAr: 'مراجعة قانونية',
    titleEn: 'Legal review',
    descriptionAr: 'مراجعة قانونية لعقود الجمعية وسياساتها',
    descriptionEn: "A legal review of the charity's contracts and policies",
    category: 'legal-aid',
    city: 'riyadh',
    remote: options.remote ?? false,
    skills: [],
    professions: ['lawyer'],
    requiresApproval: true,
    trainingModules: [],
    firstShiftStart: period.start,
    lastShiftEnd: period.end,
    createdBy: 'manager',
    createdAt: at,
    updatedAt: at,
    publishedAt: at,
  };
  await seedPublishedOpportunities([{ opportunity, shifts }]);
  return { opportunity, shifts };
};
