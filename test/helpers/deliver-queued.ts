/**
 * What the DeliverNotifications consumer does once the NotificationQueued events reach it, for
 * in-process tests that run a handler directly (no event relay runs there): every queued event
 * in the table's outbox that was not handed over yet goes to the sender, which claims the record,
 * renders it and sends it through the SES emulator or the local SMS box. A record another
 * delivery holds (a test's hanging sender) is left to it.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';

const handed = new Set<string>();

export const deliverQueued = async (): Promise<void> => {
  const { documentClient } = await import('../../shared/db/client.js');
  const { outboxEvent, EVENT_OUTBOX_SHARDS } = await import('../../shared/db/entities/outbox-event.js');
  const { env } = await import('../../shared/env.js');
  const { sender, NotificationInFlightError } = await import('../../shared/messaging/sender.js');
  const ids: string[] = [];
  for (let shard = 0; shard < EVENT_OUTBOX_SHARDS; shard++) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documentClient().send(
        new QueryCommand({
          TableName: env.tableName,
          KeyConditionExpression: 'PK = :pk',
          FilterExpression: 'eventType = :type',
          ExpressionAttributeValues: { ':pk': outboxEvent.keys.shard(shard), ':type': 'NotificationQueued' },
          ...(start && { ExclusiveStartKey: start }),
        }),
      );
      for (const item of page.Items ?? []) {
        const { event } = outboxEvent.fromItem(item);
        const key = `${env.tableName}|${event.id}`;
        if (handed.has(key)) continue;
        handed.add(key);
        ids.push(String(event.detail.notificationId));
      }
      start = page.LastEvaluatedKey;
    } while (start);
  }
  for (const id of ids) {
    try {
      await sender().deliver([id]);
    } catch (error) {
      if (!(error instanceof NotificationInFlightError)) throw error;
    }
  }
};
