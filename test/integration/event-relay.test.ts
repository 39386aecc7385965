/**
 * The local outbox relay (infra/local/event-relay.ts) reading the table's stream on DynamoDB
 * Local. `npm start` was once seen stuck: every GetRecords answered TrimmedDataAccessException
 * and the relay retried the same iterator until a restart, so no email left. DynamoDB Local does
 * not do that on demand, so the stream client here is the real one with that one answer injected.
 */
import { GetRecordsCommand, TrimmedDataAccessException, DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../helpers/table.js';

const { tableName, endpoint } = await createTestTable();
const { ensureTable, localClient } = await import('../../infra/local/dynamodb.js');
const { localOnlyTable } = await import('../../shared/db/table.js');
const { startEventRelay } = await import('../../infra/local/event-relay.js');
const { outboxPut } = await import('../../shared/db/entities/outbox-event.js');
const { documentClient } = await import('../../shared/db/client.js');

const dynamo = localClient(endpoint);
const servicesTableName = `${tableName}-services`;
await ensureTable(dynamo, localOnlyTable, servicesTableName);

/**
 * The real stream client, except that once armed, the iterator of the next GetRecords is refused
 * with TrimmedDataAccessException every time it is used again (as seen): only a new one reads.
 */
const real = new DynamoDBStreamsClient({ endpoint, region: 'me-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
let armed = false;
const poisoned = new Set<string>();
let refused = 0;
const streams = {
  send: ((command: unknown) => {
    if (command instanceof GetRecordsCommand) {
      const iterator = command.input.ShardIterator!;
      if (armed) {
        armed = false;
        poisoned.add(iterator);
      }
      if (poisoned.has(iterator)) {
        refused += 1;
        return Promise.reject(new TrimmedDataAccessException({ message: 'The operation attempted to read past the oldest stream record in a shard.', $metadata: {} }));
      }
    }
    return real.send(command as never);
  }) as DynamoDBStreamsClient['send'],
  destroy: () => real.destroy(),
};

const relay = await startEventRelay({ dynamo, endpoint, tableName, servicesTableName, streams });
afterAll(async () => {
  await relay.stop();
  dynamo.destroy();
});

const park = async (id: string) => {
  const event = { id, type: 'NotificationQueued', time: new Date().toISOString(), detail: { notificationId: `n-${id}`, type: 'invitation', channel: 'email' } } as never;
  await documentClient().send(new PutCommand(outboxPut(event, tableName).Put as never));
};

describe('outbox relay', () => {
  it('takes a new iterator when the stream answers TrimmedDataAccessException, and delivers what was parked', async () => {
    await park('01EVT0000000000000000000A1');
    await relay.flush();
    armed = true;
    await park('01EVT0000000000000000000A2');
    await relay.flush();

    expect(refused).toBe(1);
    const ids = relay.recent().map((event) => event.id);
    expect(ids).toContain('01EVT0000000000000000000A1');
    expect(ids).toContain('01EVT0000000000000000000A2');
    // Each once: the new iterator starts after the checkpoint, not again from the oldest record.
    expect(ids.filter((id) => id === '01EVT0000000000000000000A1')).toHaveLength(1);
  }, 30_000);
});
