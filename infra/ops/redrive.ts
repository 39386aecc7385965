/**
 * `npm run redrive -- <consumer|outbox|notifications>`: delivers dead-lettered work again.
 *
 * Locally (default; `API_URL`, default http://localhost:3000): asks the running platform's
 * relay — `outbox` delivers every outbox item not delivered yet, `<ConsumerId>` (e.g.
 * `NotifyApplications`, see `GET /local/dead-letters`) runs that consumer again on its dead
 * letters and forgets those that went through; `notifications` sends again the emails and SMS
 * that failed every try (status `dead` in the notifications outbox), each claimed first.
 *
 * Against a region (`--region <r> --table <table> --bus <bus> [--since <ISO time>]`, AWS
 * credentials in the environment): `outbox` puts the outbox items written since `--since`
 * (default: 24 h ago) on the bus again, as the pipe does (source `tatawwu`, the event type,
 * the detail with `eventId`). Consumers are idempotent on `eventId`, so what was delivered
 * already changes nothing. Run it after the outbox pipe's DLQ alarm, once the cause is fixed.
 * `notifications --region <r> --table <table>` sends the dead notifications again from this
 * process, with the senders' settings in the environment as the functions have them
 * (`EMAIL_FROM`, `SES_CONFIGURATION_SET`, `SMS_SENDER_ID_ARN`): after the NotificationsDlq alarm,
 * once the SES/SMS cause is fixed.
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { EVENT_OUTBOX_SHARDS, outboxEvent } from '../../shared/db/entities/outbox-event.js';
import { EVENT_SOURCE } from '../../shared/domain/events.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const target = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));

const fail = (message: string): never => {
  console.error(`redrive: ${message}`);
  process.exit(2);
};

const local = async (name: string) => {
  const api = process.env.API_URL ?? 'http://localhost:3000';
  const response = await fetch(`${api}/local/redrive/${encodeURIComponent(name)}`, { method: 'POST' }).catch((error: unknown) =>
    fail(`the local platform does not answer on ${api} (${String(error)}): is npm start running?`),
  );
  console.log(JSON.stringify(await response.json(), null, 2));
  if (!response.ok) process.exit(1);
};

const cloudNotifications = async (region: string) => {
  const table = option('table') ?? fail('--table <table name> is required with --region');
  Object.assign(process.env, { TABLE_NAME: table, AWS_REGION: region });
  const { sender } = await import('../../shared/messaging/sender.js');
  const results = await sender().redriveDead(1000);
  const redriven = results.filter((r) => r.outcome === 'sent').length;
  console.log(JSON.stringify({ notifications: table, redriven, stillFailing: results.length - redriven }, null, 2));
  if (redriven < results.length) process.exit(1);
};

const cloud = async (region: string) => {
  if (target === 'notifications') return cloudNotifications(region);
  if (target !== 'outbox') fail(`against a region only "outbox" and "notifications" can be redriven; consumer DLQs: see the README runbook`);
  const table = option('table') ?? fail('--table <table name> is required with --region');
  const bus = option('bus') ?? fail('--bus <event bus name> is required with --region');
  const since = option('since') ?? new Date(Date.now() - 86_400_000).toISOString();
  if (Number.isNaN(Date.parse(since))) fail(`--since must be an ISO time, got ${JSON.stringify(since)}`);
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region }));
  const events = new EventBridgeClient({ region });
  let put = 0;
  let refused = 0;
  for (let shard = 0; shard < EVENT_OUTBOX_SHARDS; shard++) {
    const pages = paginateQuery(
      { client: db },
      { TableName: table, KeyConditionExpression: 'PK = :pk AND SK >= :since', ExpressionAttributeValues: { ':pk': outboxEvent.keys.shard(shard), ':since': since } },
    );
    for await (const page of pages) {
      const items = page.Items ?? [];
      for (let i = 0; i < items.length; i += 10) {
        const batch = items.slice(i, i + 10);
        const result = await events.send(
          new PutEventsCommand({
            Entries: batch.map((item) => ({ EventBusName: bus, Source: EVENT_SOURCE, DetailType: String(item.eventType), Detail: String(item.detailJson) })),
          }),
        );
        refused += result.FailedEntryCount ?? 0;
        put += batch.length - (result.FailedEntryCount ?? 0);
      }
    }
  }
  console.log(JSON.stringify({ outbox: table, since, put, refused }, null, 2));
  if (refused > 0) process.exit(1);
};

if (!target) fail('usage: npm run redrive -- <consumer id|outbox|notifications> [--region <region> --table <table> --bus <bus> [--since <ISO time>]]');
const region = option('region');
await (region ? cloud(region) : local(target!));
