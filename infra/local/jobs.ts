/**
 * Local stand-ins for EventBridge rules and EventBridge Scheduler: subscribes every consumer
 * (functions/consumers) to the in-process bus, fires every schedule (functions/schedules) on
 * its expression with a local cron (time zone honoured), and serves
 * `POST /local/schedules/{name}`, which runs the job now and answers with its summary.
 * Set LOCAL_CRON=off to keep only the on-demand route (the tests do).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Cron } from 'croner';
import { consumers } from '../../functions/consumers/index.js';
import type { DomainEventEnvelope } from '../../functions/consumers/definition.js';
import type { ConsumerBatch } from '../../shared/middleware/consumer.js';
import { localCronPattern, type ScheduledEvent } from '../../functions/schedules/definition.js';
import { schedules } from '../../functions/schedules/index.js';
import { EVENT_SOURCE, type DomainEvent } from '../../shared/domain/events.js';
import { localBus } from '../../shared/messaging/local-bus.js';
import type { LocalExtension } from './extension.js';

type Handler<E, R> = (event: E, context: unknown) => Promise<R>;

const ROOT = resolve(new URL('../../', import.meta.url).pathname);
const modules = new Map<string, Promise<Handler<unknown, unknown>>>();
const load = <E, R>(entry: string): Promise<Handler<E, R>> => {
  let module = modules.get(entry);
  if (!module) {
    module = import(pathToFileURL(resolve(ROOT, entry)).href).then((m: { handler?: Handler<unknown, unknown> }) => {
      if (typeof m.handler !== 'function') throw new Error(`${entry} does not export a handler`);
      return m.handler;
    });
    modules.set(entry, module);
  }
  return module as Promise<Handler<E, R>>;
};

const lambdaContext = (id: string, timeoutSeconds: number) => {
  const started = Date.now();
  return {
    functionName: `local-${id}`,
    awsRequestId: crypto.randomUUID(),
    getRemainingTimeInMillis: () => Math.max(0, timeoutSeconds * 1000 - (Date.now() - started)),
  };
};

/** The EventBridge envelope a consumer receives in the cloud, built from a local event. */
export const toEnvelope = (event: DomainEvent): DomainEventEnvelope => ({
  version: '0',
  id: event.id,
  source: EVENT_SOURCE,
  'detail-type': event.type,
  account: '000000000000',
  time: event.time,
  region: process.env.AWS_REGION ?? 'me-central-1',
  resources: [],
  detail: { ...event.detail, eventId: event.id },
});

/** Runs a scheduled job now, exactly as its schedule would. */
export const runSchedule = async (name: string, scheduledAt = new Date()): Promise<unknown> => {
  const schedule = schedules.find((s) => s.name === name);
  if (!schedule) throw new Error(`unknown schedule "${name}"`);
  const handler = await load<ScheduledEvent, unknown>(schedule.entry);
  return handler({ name, scheduledAt: scheduledAt.toISOString() }, lambdaContext(schedule.id, schedule.timeout ?? 300));
};

export const jobsExtension: LocalExtension = {
  name: 'jobs',
  async start() {
    const unsubscribe = consumers.flatMap((consumer) =>
      consumer.events.map((type) =>
        consumer.batch
          ? localBus.subscribeBatch(
              type,
              async (events) => {
                // As the SQS event source hands it over: each message's body is the EventBridge event.
                const handler = await load<ConsumerBatch, { batchItemFailures?: { itemIdentifier: string }[] } | undefined>(consumer.entry);
                const records = events.map((event) => ({ messageId: event.id, body: JSON.stringify(toEnvelope(event)) }));
                const failures = (await handler({ Records: records }, lambdaContext(consumer.id, consumer.timeout ?? 30)))?.batchItemFailures ?? [];
                if (failures.length > 0) throw new Error(`${consumer.id} refused ${failures.map((f) => f.itemIdentifier).join(', ')}`);
              },
              consumer.id,
              consumer.batch.size,
            )
          : localBus.subscribe(
          type,
          async (event) => {
            const handler = await load<DomainEventEnvelope, unknown>(consumer.entry);
            await handler(toEnvelope(event), lambdaContext(consumer.id, consumer.timeout ?? 30));
          },
          consumer.id,
        ),
      ),
    );
    const crons: Cron[] = [];
    const timers: NodeJS.Timeout[] = [];
    if (process.env.LOCAL_CRON !== 'off') {
      for (const schedule of schedules) {
        const fire = () =>
          void runSchedule(schedule.name).catch((error: unknown) => console.error(`[schedule ${schedule.name}] failed`, error));
        const when = localCronPattern(schedule.expression);
        if ('every' in when) {
          const timer = setInterval(fire, when.every);
          timer.unref();
          timers.push(timer);
        } else {
          crons.push(new Cron(when.pattern, { timezone: schedule.timezone ?? 'Asia/Riyadh', unref: true }, fire));
        }
      }
    }
    return {
      banner:
        schedules.length > 0
          ? [`Schedules      ${schedules.map((s) => `${s.name} (${s.expression})`).join(', ')}; run one now: POST /local/schedules/{name}`]
          : [],
      routes: [
        {
          method: 'POST',
          path: /^\/local\/schedules\/([a-z0-9-]+)$/,
          async handle(_request, match) {
            const name = match?.[1] ?? '';
            if (!schedules.some((s) => s.name === name)) {
              return {
                status: 404,
                headers: { 'content-type': 'application/problem+json' },
                body: JSON.stringify({
                  type: 'about:blank',
                  title: 'Not found',
                  status: 404,
                  detail: `unknown schedule "${name}"; known: ${schedules.map((s) => s.name).join(', ') || 'none'}`,
                }),
              };
            }
            const started = Date.now();
            const summary = await runSchedule(name);
            await localBus.drain();
            return {
              status: 200,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ name, durationMs: Date.now() - started, summary }),
            };
          },
        },
      ],
      async stop() {
        for (const off of unsubscribe) off();
        for (const cron of crons) cron.stop();
        for (const timer of timers) clearInterval(timer);
      },
    };
  },
};
