/**
 * The local relay of the transactional outbox, the stand-in of the cloud's EventBridge Pipe
 * (infra/constructs/event-pipe.ts): reads DynamoDB Local's stream of the main table, takes
 * the outbox items (INSERT of an `OutboxEvent` item, see shared/db/entities/outbox-event.ts),
 * and delivers their events to the local bus, which runs the consumers. The only way events
 * reach consumers locally: there is no second, local-only way of publishing.
 *
 * Each shard's position is checkpointed in the local-only services table after the consumers
 * of a batch have run, so a restart (even after SIGKILL) neither loses an event nor skips one;
 * an event whose consumers ran just before a crash is delivered again, and consumers are
 * idempotent on `eventId`. A consumer that keeps failing dead-letters the event (kept in the
 * services table; `npm run redrive -- <consumer>` delivers it again).
 *
 * Routes: `POST /local/events/flush` (waits until everything written so far is delivered;
 * `POST /local/schedules/event-outbox` is the same, for the tests that deliver that way),
 * `GET /local/dead-letters`, `POST /local/redrive/{consumer|outbox|notifications}`.
 */
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { DeleteCommand, DynamoDBDocumentClient, paginateQuery, PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { outboxEvent } from '../../shared/db/entities/outbox-event.js';
import type { DomainEvent } from '../../shared/domain/events.js';
import { localBus, type DeadLetter } from '../../shared/messaging/local-bus.js';
import { sender } from '../../shared/messaging/sender.js';
import { localClient } from './dynamodb.js';
import { json, type LocalExtension } from './extension.js';

export interface EventRelay {
  /** Events delivered since start. */
  readonly delivered: () => number;
  /** The last events delivered since start (id and type, oldest first, at most 1,000). */
  readonly recent: () => { id: string; type: string }[];
  /** Resolves once every outbox item written before the call has been delivered (and its consumers ran). */
  flush(): Promise<number>;
  deadLetters(): Promise<DeadLetter[]>;
  /** Delivers the dead letters of `consumer` again (only to that consumer); returns how many went through. */
  redrive(consumer: string): Promise<{ redriven: number; stillFailing: number }>;
  stop(): Promise<void>;
}

interface Shard {
  readonly id: string;
  iterator?: string;
  closed: boolean;
  lastSequence?: string;
}

const keys = {
  checkpoint: (streamArn: string, shardId: string) => ({ PK: `RELAY#${streamArn}`, SK: shardId }),
  checkpoints: (streamArn: string) => `RELAY#${streamArn}`,
  deadLetter: (consumer: string, eventId: string) => ({ PK: `DEADLETTER#${consumer}`, SK: eventId }),
  deadLetters: (consumer: string) => `DEADLETTER#${consumer}`,
  deadLetterIndex: (consumer: string) => ({ PK: 'DEADLETTERS', SK: consumer }),
  deadLetterConsumers: 'DEADLETTERS',
} as const;

const MIN_IDLE_MS = 20;
const MAX_IDLE_MS = 250;

export const startEventRelay = async (options: {
  readonly dynamo: DynamoDBClient;
  readonly endpoint: string;
  readonly tableName: string;
  readonly servicesTableName: string;
  /** The stream reader. @default a DynamoDBStreamsClient on `endpoint` (a test wraps one to inject errors) */
  readonly streams?: Pick<DynamoDBStreamsClient, 'send' | 'destroy'>;
}): Promise<EventRelay> => {
  const { tableName, servicesTableName } = options;
  const db = DynamoDBDocumentClient.from(options.dynamo, { marshallOptions: { removeUndefinedValues: true } });
  const streams = options.streams ?? new DynamoDBStreamsClient({ endpoint: options.endpoint, region: 'me-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const streamArn = (await options.dynamo.send(new DescribeTableCommand({ TableName: tableName }))).Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${tableName} has no stream: the outbox relay needs one (shared/db/table.ts: stream)`);

  const query = async (pk: string) => {
    const items: Record<string, unknown>[] = [];
    for await (const page of paginateQuery({ client: db }, { TableName: servicesTableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true })) {
      items.push(...(page.Items ?? []));
    }
    return items;
  };

  const checkpoints = new Map((await query(keys.checkpoints(streamArn))).map((item) => [String(item.SK), String(item.sequence)]));
  const shards = new Map<string, Shard>();
  let delivered = 0;
  const recent: { id: string; type: string }[] = [];
  let stopped = false;
  let wake: (() => void) | undefined;
  const flushes: { after: number; resolve: (n: number) => void }[] = [];

  const iteratorFor = async (shardId: string): Promise<string | undefined> => {
    const after = checkpoints.get(shardId);
    const fromHorizon = () => streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }));
    if (!after) return (await fromHorizon()).ShardIterator;
    try {
      return (await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }))).ShardIterator;
    } catch (error) {
      if ((error as Error).name !== 'TrimmedDataAccessException') throw error;
      // The checkpoint is older than what the stream keeps (24 h): read from the oldest record there is.
      console.warn(`[event-relay] shard ${shardId}: the checkpoint is past the stream's retention; reading from its oldest record`);
      return (await fromHorizon()).ShardIterator;
    }
  };

  const refreshShards = async () => {
    let start: string | undefined;
    do {
      const out = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ...(start && { ExclusiveStartShardId: start }) }));
      for (const shard of out.StreamDescription?.Shards ?? []) {
        if (!shard.ShardId || shards.has(shard.ShardId)) continue;
        shards.set(shard.ShardId, { id: shard.ShardId, closed: false });
      }
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
  };

  const outboxEvents = (records: readonly StreamRecord[]): DomainEvent[] =>
    records
      .filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage?.entity?.S === outboxEvent.name)
      .map((r) => outboxEvent.fromItem(unmarshall(r.dynamodb!.NewImage as never)).event as DomainEvent);

  const keepDeadLetters = async (letters: readonly DeadLetter[]) => {
    for (const letter of letters) {
      await db.send(new PutCommand({ TableName: servicesTableName, Item: { ...keys.deadLetter(letter.consumer, letter.event.id), entity: 'LocalDeadLetter', ...letter, at: new Date().toISOString() } }));
      await db.send(new PutCommand({ TableName: servicesTableName, Item: { ...keys.deadLetterIndex(letter.consumer), entity: 'LocalDeadLetterQueue' } }));
    }
  };

  /** One pass over every open shard; returns how many records were read, or -1 when a shard must be read again (not caught up). */
  const poll = async (): Promise<number> => {
    let read = 0;
    let reset = false;
    for (const shard of shards.values()) {
      if (shard.closed || stopped) continue;
      shard.iterator ??= await iteratorFor(shard.id);
      if (!shard.iterator) {
        shard.closed = true;
        continue;
      }
      let out;
      try {
        out = await streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: 1000 }));
      } catch (error) {
        // An expired iterator, or one DynamoDB says points before the oldest record it keeps
        // (DynamoDB Local was seen answering that for an iterator taken on an empty shard, and
        // the relay retried the same iterator until a restart): take a new one from the
        // checkpoint, as a Lambda event source mapping would.
        if ((error as Error).name === 'ExpiredIteratorException' || (error as Error).name === 'TrimmedDataAccessException') {
          shard.iterator = undefined;
          reset = true;
          continue;
        }
        throw error;
      }
      const records = out.Records ?? [];
      read += records.length;
      const events = outboxEvents(records);
      if (events.length > 0) {
        await keepDeadLetters(await localBus.deliver(events));
        delivered += events.length;
        recent.push(...events.map((e) => ({ id: e.id, type: e.type })));
        recent.splice(0, Math.max(0, recent.length - 1000));
      }
      const last = records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) {
        // After the consumers ran: a crash before this line delivers the batch again (idempotent consumers).
        await db.send(new PutCommand({ TableName: servicesTableName, Item: { ...keys.checkpoint(streamArn, shard.id), entity: 'LocalStreamCheckpoint', sequence: last } }));
        checkpoints.set(shard.id, last);
      }
      shard.iterator = out.NextShardIterator;
      if (!shard.iterator) shard.closed = true;
    }
    // A flush waits for a round that read the shard to its end.
    return reset ? -1 : read;
  };

  await refreshShards();
  const loop = (async () => {
    let idle = MIN_IDLE_MS;
    let lastRefresh = Date.now();
    while (!stopped) {
      const round = Date.now();
      let read = 0;
      try {
        if (Date.now() - lastRefresh > 1000 || [...shards.values()].every((s) => s.closed)) {
          await refreshShards();
          lastRefresh = Date.now();
        }
        read = await poll();
      } catch (error) {
        if (!stopped) console.error('[event-relay] reading the stream failed; trying again', error);
        read = -1;
      }
      if (read === 0) {
        for (const waiter of flushes.filter((f) => f.after < round)) {
          flushes.splice(flushes.indexOf(waiter), 1);
          waiter.resolve(delivered);
        }
      }
      idle = read > 0 ? MIN_IDLE_MS : Math.min(idle * 2, MAX_IDLE_MS);
      if (read > 0 || stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, idle);
        timer.unref();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  })();

  return {
    delivered: () => delivered,
    recent: () => [...recent],
    flush() {
      return new Promise<number>((resolve) => {
        // A round that starts after this call and reads nothing has seen every earlier write.
        flushes.push({ after: Date.now() - 1, resolve });
        setTimeout(() => wake?.(), 0);
      }).then(async (n) => {
        await localBus.drain();
        return n;
      });
    },
    async deadLetters() {
      const consumers = (await query(keys.deadLetterConsumers)).map((i) => String(i.SK));
      const letters = await Promise.all(consumers.map((c) => query(keys.deadLetters(c))));
      return letters.flat().map((i) => ({ consumer: String(i.consumer), event: i.event as DomainEvent, error: String(i.error), attempts: Number(i.attempts) }));
    },
    async redrive(consumer) {
      let redriven = 0;
      let stillFailing = 0;
      for (const item of await query(keys.deadLetters(consumer))) {
        const event = item.event as DomainEvent;
        const failed = await localBus.deliver([event], { only: consumer });
        if (failed.length > 0) {
          stillFailing += 1;
          await keepDeadLetters(failed);
        } else {
          redriven += 1;
          await db.send(new DeleteCommand({ TableName: servicesTableName, Key: keys.deadLetter(consumer, event.id) }));
        }
      }
      return { redriven, stillFailing };
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      for (const waiter of flushes.splice(0)) waiter.resolve(delivered);
      streams.destroy();
    },
  };
};

export const eventRelayExtension: LocalExtension = {
  name: 'events',
  async start({ dynamoEndpoint, tableName, servicesTableName }) {
    const dynamo = localClient(dynamoEndpoint);
    const relay = await startEventRelay({ dynamo, endpoint: dynamoEndpoint, tableName, servicesTableName });
    const flush = async () => {
      const started = Date.now();
      const delivered = await relay.flush();
      return json(200, { delivered, durationMs: Date.now() - started, events: relay.recent() });
    };
    return {
      banner: [`Domain events  table stream → outbox relay → consumers; deliver now: POST /local/events/flush; dead letters: GET /local/dead-letters`],
      routes: [
        { method: 'POST', path: '/local/events/flush', handle: flush },
        {
          method: 'POST',
          path: '/local/schedules/event-outbox',
          // The `event-outbox` schedule drained the outbox before the relay existed; the tests that deliver that way keep working.
          handle: async () => {
            const started = Date.now();
            const delivered = await relay.flush();
            return json(200, { name: 'event-outbox', durationMs: Date.now() - started, summary: { delivered } });
          },
        },
        { method: 'GET', path: '/local/dead-letters', handle: async () => json(200, { items: await relay.deadLetters() }) },
        {
          method: 'POST',
          path: /^\/local\/redrive\/([A-Za-z0-9-]+)$/,
          async handle(_request, match) {
            const name = match?.[1] ?? '';
            if (name === 'outbox') return flush();
            if (name === 'notifications') {
              // Dead-lettered emails and SMS (status `dead` in the notifications outbox): sent again, each claimed first.
              const results = await sender().redriveDead(1000);
              return json(200, { notifications: true, redriven: results.filter((r) => r.outcome === 'sent').length, stillFailing: results.filter((r) => r.outcome !== 'sent').length });
            }
            return json(200, { consumer: name, ...(await relay.redrive(name)) });
          },
        },
      ],
      async stop() {
        await relay.stop();
        dynamo.destroy();
      },
    };
  },
};

