/**
 * The hours consumers with the events the service wrote to the outbox: the volunteer is told of a
 * rejection and of a cut (with the reason and the dispute link), once per event; a withdrawal less
 * than 24 h before the start counts once as a late cancellation in the attendance record.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createTestTable } from '../helpers/table.js';

await createTestTable();
const support = await import('./applications-support.js');
const fx = await import('./hours-support.js');
const { emailsTo } = await import('./notifications-support.js');
const hours = await import('../../shared/domain/hours/service.js');
const code = await import('../../shared/domain/hours/attendance-code.js');
const { toEnvelope } = await import('../../infra/local/jobs.js');
const { domainEvent } = await import('../../shared/domain/events.js');
const notifyHours = await import('../../functions/consumers/notify-hours.js');
const attendanceRecord = await import('../../functions/consumers/attendance-record.js');
const { documentClient } = await import('../../shared/db/client.js');
const { outboxEvent, EVENT_OUTBOX_SHARDS } = await import('../../shared/db/entities/outbox-event.js');

const at = (hhmm: string) => new Date(`2030-05-14T${hhmm}:00+03:00`).toISOString();

const outboxed = async (type: string, hoursId: string) => {
  for (let shard = 0; shard < EVENT_OUTBOX_SHARDS; shard++) {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({ TableName: process.env.TABLE_NAME, KeyConditionExpression: 'PK = :p', ExpressionAttributeValues: { ':p': outboxEvent.keys.shard(shard) } }),
    );
    const found = Items.map((i) => i.event as { id: string; type: string; time: string; detail: { hoursId?: string } }).find((e) => e.type === type && e.detail.hoursId === hoursId);
    if (found) return toEnvelope(found);
  }
  throw new Error(`no ${type} event for ${hoursId} in the outbox`);
};

const decided = async (decision: { decision: 'approve' | 'reject'; minutes?: number; reason?: string }) => {
  const seeded = await support.seedOpportunity({ shifts: [{ start: at('08:00'), end: at('12:00'), capacity: 5 }] });
  const sub = await support.seedVolunteer();
  await fx.seedSeat(sub, seeded);
  const shiftId = seeded.shifts[0]!.id;
  const clock = fx.pinnedClock(at('08:00'));
  const deps = fx.hoursDeps(clock);
  await hours.checkIn(deps, fx.volunteer(sub), shiftId, { code: code.codeFor(fx.KEY, shiftId, code.stepOf(new Date(at('08:00')))) });
  clock.set(at('12:00'));
  const out = await hours.checkOut(deps, fx.volunteer(sub), shiftId, {});
  await hours.decideOne(deps, fx.manager(seeded.opportunity.orgId), out.hoursId, decision);
  return { sub, hoursId: out.hoursId };
};

describe('notify-hours consumer', () => {
  it('tells the volunteer of a rejection with the reason and the dispute link, once', async () => {
    const { sub, hoursId } = await decided({ decision: 'reject', reason: 'not seen at the site' });
    const envelope = await outboxed('HoursRejected', hoursId);

    await notifyHours.handler(envelope);
    await notifyHours.handler(envelope);

    const emails = await emailsTo(`${sub}@example.sa`);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe('لم تُعتمد ساعاتك: تنظيف الشاطئ');
    expect(emails[0]!.body.text).toContain('not seen at the site');
    expect(emails[0]!.body.text).toContain(notifyHours.disputeLink(hoursId));
  });

  it('tells the volunteer of a cut with both figures', async () => {
    const { sub, hoursId } = await decided({ decision: 'approve', minutes: 180, reason: 'left at 11:00' });

    await notifyHours.handler(await outboxed('HoursApproved', hoursId));

    const [email] = await emailsTo(`${sub}@example.sa`);
    expect(email!.subject).toBe('اعتُمد جزء من ساعاتك: 3 من 4');
  });
});

describe('attendance-record consumer', () => {
  const withdrawal = (applicationId: string, volunteerId: string, hoursBefore: number, seatFreed = true) =>
    toEnvelope(
      domainEvent('ApplicationWithdrawn', { applicationId, volunteerId, opportunityId: 'o', shiftId: 's', orgId: 'g', status: 'withdrawn', version: 3, shiftStart: '2030-05-20T05:00:00.000Z', shiftEnd: '2030-05-20T09:00:00.000Z', at: new Date(Date.parse('2030-05-20T05:00:00.000Z') - hoursBefore * 3_600_000).toISOString(), by: volunteerId, ...(seatFreed && { seatFreed }) }, { id: `${applicationId}-w`, time: new Date('2030-05-19T05:00:00.000Z') }),
    );

  it('counts a withdrawal less than 24 h before the start once as a late cancellation', async () => {
    const volunteerId = `vol-late-${Date.now()}`;

    await attendanceRecord.handler(withdrawal('app-late-1', volunteerId, 3));
    await attendanceRecord.handler({ ...withdrawal('app-late-1', volunteerId, 3), id: 'redelivered', detail: { ...withdrawal('app-late-1', volunteerId, 3).detail, eventId: 'other-id' } });

    expect(await fx.hoursDeps(fx.pinnedClock(at('08:00'))).repo.attendanceSummary(volunteerId, '2029-06')).toMatchObject({ lateCancellations: 1 });
  });

  it('does not count leaving the waitlist 3 h before the start (no seat was held)', async () => {
    const volunteerId = `vol-wait-${Date.now()}`;

    await attendanceRecord.handler(withdrawal('app-wait-1', volunteerId, 3, false));

    expect(await fx.hoursDeps(fx.pinnedClock(at('08:00'))).repo.attendanceSummary(volunteerId, '2029-06')).toMatchObject({ lateCancellations: 0 });
  });

  it('does not count a withdrawal two days ahead', async () => {
    const volunteerId = `vol-early-${Date.now()}`;

    await attendanceRecord.handler(withdrawal('app-early-1', volunteerId, 48));

    expect(await fx.hoursDeps(fx.pinnedClock(at('08:00'))).repo.attendanceSummary(volunteerId, '2029-06')).toMatchObject({ lateCancellations: 0 });
  });
});
