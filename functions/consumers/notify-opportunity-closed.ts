/**
 * OpportunityClosed (issue 3) → every volunteer with an approved seat on a shift of it that has
 * not started yet is told it is cancelled (email with the calendar cancellation, SMS). There
 * is no other cancellation of a shift in the platform: closing an opportunity is what stops
 * its shifts. The outbox dedupe key (type, volunteer, shift) makes a redelivery a no-op.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../shared/db/client.js';
import { shift as shiftEntity } from '../../shared/db/entities/shift.js';
import { reminderSource } from '../../shared/db/notification-repository.js';
import { env } from '../../shared/env.js';
import { notifier } from '../../shared/messaging/notifier.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { notifyOpportunityClosed } from './index.js';

/** A cancellation this close to the start may find the volunteer already on the way: it is worth an SMS at night. */
const URGENT_MS = 12 * 3_600_000;

export const handler = consumer(notifyOpportunityClosed).handler(async ({ detail }): Promise<{ told: number }> => {
  const now = new Date(detail.closedAt);
  const { Items: shifts = [] } = await documentClient().send(
    new QueryCommand({
      TableName: env.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': shiftEntity.keys.item(detail.opportunityId, '').PK, ':prefix': shiftEntity.keys.prefix },
      ProjectionExpression: 'id, #start, #end',
      ExpressionAttributeNames: { '#start': 'start', '#end': 'end' },
    }),
  );
  const source = reminderSource();
  const notify = notifier();
  let told = 0;
  for (const shift of shifts) {
    const start = String(shift.start);
    if (Date.parse(start) <= now.getTime()) continue;
    for await (const page of source.bookingsOfShift(String(shift.id), start)) {
      for (const booking of page) {
        const context = await source.shiftContext(booking);
        if (!context) continue;
        const urgent = Date.parse(start) - now.getTime() < URGENT_MS;
        const results = await notify.notify({
          type: 'opportunity-cancelled',
          to: { kind: 'volunteer', volunteerId: booking.volunteerId },
          about: booking.shiftId,
          channels: ['email', 'sms'],
          params: context.params,
          calendar: { ...context.calendar, status: 'CANCELLED', sequence: 1 },
          staleAfter: start,
          ...(urgent && { timeCritical: 'the cancelled shift starts within 12 hours: the volunteer may set out before 07:00' }),
        });
        told += results.some((r) => r.outcome === 'sent' || r.outcome === 'deferred') ? 1 : 0;
      }
    }
  }
  return { told };
});
