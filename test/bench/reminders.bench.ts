/**
 * 10,000 due shift reminders processed end to end: the `reminders` job, exactly as
 * `POST /local/schedules/reminders` runs it (GSI3 query of approved seats, one BatchGet per
 * shift, per group of 50 volunteers the profile and suppression reads (BatchGetItem) and the
 * queued outbox records with their NotificationQueued events (TransactWriteItems)), then the
 * delivery: the local relay hands the events to the DeliverNotifications consumer in batches of
 * 50, which reads the records (BatchGetItem), claims each, sends through SES (the emulator, over
 * HTTP) with the `.ics` invite in raw MIME and the local SMS box, and records the results
 * (TransactWriteItems). Reports messages per second end to end, peak memory and DynamoDB
 * requests per reminder of the job and of the delivery (counted by a middleware on the process's
 * DynamoDB client), then runs the job again to show that nothing is sent twice.
 */
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { freePort, loadNote, round, verdict, type Benchmark } from './lib.js';

const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 10_000);
const PER_SHIFT = 100;
/**
 * A run must end well inside its 15-minute period at the national peak we plan for: 20,000
 * volunteers entering the 24 h window in one quarter hour (a national day of service) are
 * 40,000 messages, i.e. ~45 per second for the whole period.
 */
const GOAL_MESSAGES_PER_SECOND = 50;
const GOAL_REQUESTS_PER_REMINDER = 3;

process.env.LOCAL_CRON = 'off';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';

const benchmark: Benchmark = {
  name: 'reminders',
  title: `${REMINDERS.toLocaleString('en')} due shift reminders (email with .ics + SMS) through the reminders job on DynamoDB Local and the SES emulator (goals ≥ ${GOAL_MESSAGES_PER_SECOND} messages/s, ≤ ${GOAL_REQUESTS_PER_REMINDER} DynamoDB requests per reminder)`,
  async run({ log }) {
    const { startPlatform } = await import('../../infra/local/platform.js');
    const { runSchedule } = await import('../../infra/local/jobs.js');
    const { booking } = await import('../../shared/db/entities/booking.js');
    const { opportunity } = await import('../../shared/db/entities/opportunity.js');
    const { organization } = await import('../../shared/db/entities/organization.js');
    const { volunteer } = await import('../../shared/db/entities/volunteer.js');
    const { documentClient } = await import('../../shared/db/client.js');
    const platform = await startPlatform({ apiPort: 0, sesPort: 0, dynamoPort: await freePort(), tableName: `bench-${Date.now()}` });
    const seeder = DynamoDBDocumentClient.from(
      new DynamoDBClient({ region: 'me-central-1', endpoint: platform.dynamoEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
      { marshallOptions: { removeUndefinedValues: true } },
    );
    try {
      // 10:00 in Riyadh tomorrow (outside quiet hours, so SMS go out at once); shifts start 20 h later.
      const now = new Date();
      now.setUTCDate(now.getUTCDate() + 1);
      now.setUTCHours(7, 0, 0, 0);
      const start = new Date(now.getTime() + 20 * 3_600_000).toISOString();
      const end = new Date(now.getTime() + 24 * 3_600_000).toISOString();

      log(`seeding ${REMINDERS} volunteers with approved seats`);
      const items: Record<string, unknown>[] = [];
      const shifts = Math.ceil(REMINDERS / PER_SHIFT);
      for (let s = 0; s < shifts; s++) {
        const orgId = `org-${s}`;
        items.push({ ...organization.keys.item(orgId), entity: 'Organization', id: orgId, nameAr: 'جمعية إطعام الخيرية', nameEn: 'Itaam Charity', status: 'active' });
        items.push({
          ...opportunity.keys.item(`opp-${s}`),
          entity: 'Opportunity',
          id: `opp-${s}`,
          orgId,
          titleAr: 'توزيع السلال الغذائية في حي النسيم',
          titleEn: 'Food basket distribution in Al Naseem',
          city: 'riyadh',
          status: 'published',
        });
      }
      for (let i = 0; i < REMINDERS; i++) {
        const id = `vol-${i}`;
        const s = Math.floor(i / PER_SHIFT);
        items.push({
          ...volunteer.keys.item(id),
          entity: 'Volunteer',
          id,
          nameAr: 'سارة القحطاني',
          nameEn: 'Sara Alqahtani',
          email: `${id}@example.sa`,
          phone: `+9665${String(10_000_000 + i)}`,
          preferences: { email: true, sms: true, locale: i % 3 === 0 ? 'en' : 'ar' },
          consent: { email: { granted: true, changedAt: now.toISOString() }, sms: { granted: true, changedAt: now.toISOString() } },
        });
        items.push({
          PK: `VOL#${id}`,
          SK: `BOOKING#${start}#shift-${s}`,
          ...booking.keys.startIndex(start, `shift-${s}`, id),
          entity: 'Booking',
          volunteerId: id,
          applicationId: `app-${i}`,
          opportunityId: `opp-${s}`,
          orgId: `org-${s}`,
          shiftId: `shift-${s}`,
          start,
          end,
        });
      }
      const batches: Record<string, unknown>[][] = [];
      for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
      let nextBatch = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (nextBatch < batches.length) {
            let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
              [platform.tableName]: batches[nextBatch++]!.map((Item) => ({ PutRequest: { Item } })),
            };
            while (request && Object.keys(request).length > 0) {
              const result = await seeder.send(new BatchWriteCommand({ RequestItems: request }));
              request = result.UnprocessedItems as typeof request;
            }
          }
        }),
      );

      // Count every request the job's DynamoDB client sends.
      let requests = 0;
      documentClient().middlewareStack.add(
        (next) => async (args) => {
          requests += 1;
          return next(args);
        },
        { step: 'initialize', name: 'countRequests' },
      );
      let peakRss = process.memoryUsage().rss;
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }, 50);

      log('running the reminders job');
      const started = process.hrtime.bigint();
      const summary = (await runSchedule('reminders', now)) as { windows: Record<string, { bookings: number; sent: number; duplicate: number; deferred: number; suppressed: number; failed: number }> };
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearInterval(sampler);
      const firstRequests = requests;
      const window = summary.windows['24h']!;

      log('delivering what the job queued (relay → DeliverNotifications)');
      requests = 0;
      const deliveryStarted = process.hrtime.bigint();
      const flushed = await fetch(`${platform.apiUrl}/local/events/flush`, { method: 'POST' });
      if (!flushed.ok) throw new Error(`POST /local/events/flush answered ${flushed.status}`);
      const deliverySeconds = Number(process.hrtime.bigint() - deliveryStarted) / 1e9;
      const deliveryRequests = requests;
      const { notificationOutbox } = await import('../../shared/db/notification-outbox.js');
      const outbox = notificationOutbox(documentClient(), platform.tableName);
      const dead = (await outbox.listDead(1000)).length;

      log('running it again (nothing must be sent)');
      requests = 0;
      const again = (await runSchedule('reminders', now)) as typeof summary;
      const secondRequests = requests;
      const emails = ((await (await fetch(`${platform.sesUrl}/store`)).json()) as { emails: unknown[] }).emails.length;

      const messages = window.sent;
      const total = seconds + deliverySeconds;
      return {
        rows: [
          { metric: 'reminders (approved seats in the 24 h window)', value: window.bookings, goal: REMINDERS, verdict: verdict(window.bookings === REMINDERS) },
          { metric: 'messages queued by the job (email + SMS)', value: messages, goal: 2 * REMINDERS, verdict: verdict(messages === 2 * REMINDERS && window.failed === 0) },
          { metric: 'emails in the SES emulator after delivery', value: emails, goal: REMINDERS, verdict: verdict(emails === REMINDERS) },
          { metric: 'dead-lettered messages', value: dead, goal: 0, verdict: verdict(dead === 0) },
          { metric: 'job duration (s)', value: round(seconds, 1), goal: '', verdict: '' },
          { metric: 'delivery duration (s)', value: round(deliverySeconds, 1), goal: '', verdict: '' },
          { metric: 'messages per second, job + delivery', value: round(messages / total, 0), goal: `≥ ${GOAL_MESSAGES_PER_SECOND}`, verdict: verdict(messages / total >= GOAL_MESSAGES_PER_SECOND) },
          { metric: 'reminders per second (job)', value: round(window.bookings / seconds, 0), goal: '', verdict: '' },
          { metric: 'DynamoDB requests per reminder, job', value: round(firstRequests / window.bookings, 2), goal: `≤ ${GOAL_REQUESTS_PER_REMINDER}`, verdict: verdict(firstRequests / window.bookings <= GOAL_REQUESTS_PER_REMINDER) },
          { metric: 'DynamoDB requests per reminder, delivery (2 messages)', value: round(deliveryRequests / window.bookings, 2), goal: '', verdict: '' },
          { metric: 'peak RSS (MB)', value: round(peakRss / 1_048_576, 0), goal: '', verdict: '' },
          { metric: 'second run: messages sent', value: again.windows['24h']!.sent, goal: 0, verdict: verdict(again.windows['24h']!.sent === 0) },
          { metric: 'second run: DynamoDB requests', value: secondRequests, goal: '', verdict: '' },
        ],
        notes: [
          'one process holds the job, the SES emulator (which keeps every email with its attachment in memory) and the local SMS box writer; DynamoDB Local is a separate Java process, not in the RSS',
          'job, per group of 50 reminders: one BatchGetItem of the profiles, one of the suppressions (both channels), two TransactWriteItems of the 100 queued outbox records (each conditional on its dedupe key) and their 100 NotificationQueued events; per shift one BatchGetItem; per page one GSI3 Query (issue 17: 7.01 requests per reminder before)',
          'delivery, per batch of 50 events: one BatchGetItem of the records, one conditional UpdateItem per record (the claim), one TransactWriteItems of the results; per SMS one local-SMS PutItem (the local stand-in of the SMS provider); the relay reads the table stream and checkpoints in the services table',
          `the job reminds 8 groups of 50 at a time, each sending 16 messages at once; volunteers are one third English, two thirds Arabic`,
          'the second run reads nothing: the window cursor already covers the range; a run with a lost cursor costs one conditional PutItem and one GetItem per message, and still sends nothing',
          loadNote(),
        ],
      };
    } finally {
      seeder.destroy();
      await platform.stop();
    }
  },
};

export default benchmark;
