/**
 * Training and evaluations against the hours area's attendance (DynamoDB Local): check-in
 * re-checks the required training (the check-in stands, TrainingMissingAtCheckIn is written
 * with it, the volunteer is told and the managers warned), and evaluations read the real
 * attendance records (only those who attended).
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../helpers/table.js';

let support: typeof import('./applications-support.js');
let fx: typeof import('./hours-support.js');
let hours: typeof import('../../shared/domain/hours/service.js');
let code: typeof import('../../shared/domain/hours/attendance-code.js');
let training: ReturnType<(typeof import('../../shared/db/training-repository.js'))['trainingRepository']>;
let evaluations: typeof import('../../shared/domain/evaluations/service.js');
let evaluationErrors: typeof import('../../shared/domain/evaluations/errors.js');
let attendanceReads: (typeof import('../../shared/db/attendance-reads.js'))['attendanceReads'];
let evaluationRepository: (typeof import('../../shared/db/evaluation-repository.js'))['evaluationRepository'];
let documentClient: (typeof import('../../shared/db/client.js'))['documentClient'];
let outbox: typeof import('../../shared/db/entities/outbox-event.js');

beforeAll(async () => {
  await createTestTable();
  support = await import('./applications-support.js');
  fx = await import('./hours-support.js');
  hours = await import('../../shared/domain/hours/service.js');
  code = await import('../../shared/domain/hours/attendance-code.js');
  training = (await import('../../shared/db/training-repository.js')).trainingRepository();
  evaluations = await import('../../shared/domain/evaluations/service.js');
  evaluationErrors = await import('../../shared/domain/evaluations/errors.js');
  attendanceReads = (await import('../../shared/db/attendance-reads.js')).attendanceReads;
  evaluationRepository = (await import('../../shared/db/evaluation-repository.js')).evaluationRepository;
  documentClient = (await import('../../shared/db/client.js')).documentClient;
  outbox = await import('../../shared/db/entities/outbox-event.js');
});

const at = (hhmm: string, day = '2030-03-14') => new Date(`${day}T${hhmm}:00+03:00`).toISOString();
const codeAt = (shiftId: string, when: string) => code.codeFor(fx.KEY, shiftId, code.stepOf(new Date(when)));

const eventsOf = async (type: string) => {
  const found: Record<string, any>[] = [];
  for (let shard = 0; shard < outbox.EVENT_OUTBOX_SHARDS; shard++) {
    const { Items } = await documentClient().send(
      new QueryCommand({ TableName: process.env.TABLE_NAME, KeyConditionExpression: 'PK = :p', ExpressionAttributeValues: { ':p': outbox.outboxEvent.keys.shard(shard) } }),
    );
    for (const item of Items ?? []) if ((item.event as { type: string }).type === type) found.push(item.event as Record<string, any>);
  }
  return found;
};

const complete = async (volunteerId: string, trainingId: string, validUntil: string) => {
  const detail = { volunteerId, trainingId, version: 1, completedAt: at('08:00', '2029-03-14'), validUntil };
  const { domainEvent } = await import('../../shared/domain/events.js');
  await training.recordCompletion({ ...detail, method: 'quiz' }, domainEvent('TrainingCompleted', detail, { id: ulid(), time: new Date(detail.completedAt) }));
};

/** A shift 08:00–12:00 requiring `modules`, with an approved seat for a new volunteer. */
const setup = async (modules: string[] = []) => {
  const seeded = await support.seedOpportunity({ trainingModules: modules, shifts: [{ start: at('08:00'), end: at('12:00'), capacity: 10 }] });
  const sub = await support.seedVolunteer();
  await fx.seedSeat(sub, seeded);
  return { seeded, sub, shift: seeded.shifts[0]!, orgId: seeded.opportunity.orgId };
};

describe('check-in re-checks the required training', () => {
  it('records the check-in, answers the missing modules and writes TrainingMissingAtCheckIn when a completion expired after approval', async () => {
    const module = ulid().toLowerCase();
    const s = await setup([module]);
    await complete(s.sub, module, at('07:00')); // valid at approval, expired an hour before the shift
    const deps = fx.hoursDeps(fx.pinnedClock(at('08:05')));

    const answer = await hours.checkIn(deps, fx.volunteer(s.sub), s.shift.id, { code: codeAt(s.shift.id, at('08:05')) });

    expect(answer).toEqual({ checkedInAt: at('08:05'), outsideRadius: false, trainingMissing: [module] });
    const events = (await eventsOf('TrainingMissingAtCheckIn')).filter((e) => e.detail.volunteerId === s.sub);
    expect(events.map((e) => e.detail)).toEqual([
      { volunteerId: s.sub, shiftId: s.shift.id, opportunityId: s.seeded.opportunity.id, orgId: s.orgId, missing: [module], checkedInAt: at('08:05') },
    ]);
  });

  it('says nothing about training when the completion is still valid', async () => {
    const module = ulid().toLowerCase();
    const s = await setup([module]);
    await complete(s.sub, module, at('12:00', '2031-01-01'));
    const deps = fx.hoursDeps(fx.pinnedClock(at('08:05')));

    const answer = await hours.checkIn(deps, fx.volunteer(s.sub), s.shift.id, { code: codeAt(s.shift.id, at('08:05')) });

    expect(answer).toEqual({ checkedInAt: at('08:05'), outsideRadius: false });
    expect((await eventsOf('TrainingMissingAtCheckIn')).filter((e) => e.detail.volunteerId === s.sub)).toEqual([]);
  });

  it('tells the volunteer and warns each manager, once however often the event is delivered', async () => {
    const { handler } = await import('../../functions/consumers/notify-training-missing.js');
    const { organizationManager } = await import('../../shared/db/entities/organization-manager.js');
    const { emailsTo } = await import('./notifications-support.js');
    const s = await setup(['first-aid']);
    const managerEmail = `m-${ulid().toLowerCase()}@example.sa`;
    await documentClient().send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: organizationManager.toItem({ orgId: s.orgId, sub: 'm-1', email: managerEmail, addedBy: 'admin', addedAt: at('07:00') }, organizationManager.keys.item(s.orgId, 'm-1')),
      }),
    );
    const envelope = {
      version: '0',
      id: ulid(),
      'detail-type': 'TrainingMissingAtCheckIn',
      source: 'tatawwu',
      account: '111122223333',
      time: at('08:05'),
      region: 'me-central-1',
      resources: [],
      detail: { volunteerId: s.sub, shiftId: s.shift.id, opportunityId: s.seeded.opportunity.id, orgId: s.orgId, missing: ['first-aid'], checkedInAt: at('08:05'), eventId: ulid() },
    };

    await handler(envelope as never);
    await handler({ ...envelope, detail: { ...envelope.detail, eventId: ulid() } } as never);

    expect(await emailsTo(`${s.sub}@example.sa`)).toHaveLength(1);
    expect(await emailsTo(managerEmail)).toHaveLength(1);
  });
});

describe('evaluations read the attendance records', () => {
  it('lets a volunteer who checked in and out rate the shift, and refuses one who was marked absent', async () => {
    const s = await setup();
    const absent = await support.seedVolunteer();
    await fx.seedSeat(absent, s.seeded);
    const deps = fx.hoursDeps(fx.pinnedClock(at('08:05')));
    await hours.checkIn(deps, fx.volunteer(s.sub), s.shift.id, { code: codeAt(s.shift.id, at('08:05')) });
    await hours.checkOut(fx.hoursDeps(fx.pinnedClock(at('11:55'))), fx.volunteer(s.sub), s.shift.id, {});
    await hours.recordAttendance(fx.hoursDeps(fx.pinnedClock(at('12:30'))), fx.manager(s.orgId), s.shift.id, { volunteerId: absent, status: 'absent' });
    const repo = evaluationRepository();
    const evalDeps = { repo, shifts: { shift: (id: string) => repo.shift(id) }, attendance: attendanceReads(), clock: fx.pinnedClock(at('13:00')) };

    const rated = await evaluations.submitEvaluation(evalDeps, fx.volunteer(s.sub), s.shift.id, { rating: 5 });
    const refused = evaluations.submitEvaluation(evalDeps, fx.volunteer(absent), s.shift.id, { rating: 1 });

    expect(rated.kind).toBe('experience');
    await expect(refused).rejects.toThrow(evaluationErrors.NotAttendedError);
    expect(await attendanceReads().attendees(s.shift.id)).toEqual([s.sub]);
  });
});

describe('evaluations job', () => {
  it('the day after a shift invites each attendee and sends the managers a digest, once however often it runs', async () => {
    const { handler } = await import('../../functions/schedules/evaluations.js');
    const { organizationManager } = await import('../../shared/db/entities/organization-manager.js');
    const { emailsTo } = await import('./notifications-support.js');
    const s = await setup();
    const absent = await support.seedVolunteer();
    await fx.seedSeat(absent, s.seeded);
    const managerEmail = `m-${ulid().toLowerCase()}@example.sa`;
    await documentClient().send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: organizationManager.toItem({ orgId: s.orgId, sub: 'm-2', email: managerEmail, addedBy: 'admin', addedAt: at('07:00') }, organizationManager.keys.item(s.orgId, 'm-2')),
      }),
    );
    await hours.checkIn(fx.hoursDeps(fx.pinnedClock(at('08:05'))), fx.volunteer(s.sub), s.shift.id, { code: codeAt(s.shift.id, at('08:05')) });
    await hours.checkOut(fx.hoursDeps(fx.pinnedClock(at('11:55'))), fx.volunteer(s.sub), s.shift.id, {});

    const first = await handler({ name: 'evaluations', scheduledAt: at('10:00', '2030-03-15') });
    await handler({ name: 'evaluations', scheduledAt: at('10:00', '2030-03-15') });

    expect(first).toMatchObject({ day: '2030-03-14' });
    expect(first.invitations).toBeGreaterThanOrEqual(1);
    expect(await emailsTo(`${s.sub}@example.sa`)).toHaveLength(1);
    expect(await emailsTo(`${absent}@example.sa`)).toHaveLength(0);
    expect(await emailsTo(managerEmail)).toHaveLength(1);
  });
});
