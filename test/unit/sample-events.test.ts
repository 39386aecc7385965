/**
 * Sample events (issue 9): every route, every consumer (its events, and the SQS batch of a batch
 * consumer), every schedule, both SNS-fed functions and every workflow task has a sample under
 * events/, generated from the declarations (`npm run docs:events`) and current, and each sample
 * parses with its handler's own input schema: for HTTP the spec's path, query and body schemas;
 * for consumers the contract the spec names; for jobs and tasks the schema their builder parses
 * with (`handler.input`); for SNS the message schema of the function's snsConsumer spec. Pure unit test: the
 * handler modules are imported, never invoked against a table.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EventBridgeEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type * as z from '../../shared/zod.js';
import { eventCatalog, type EventType } from '../../events/catalog.js';
import type { ConsumerSpec } from '../../functions/consumers/definition.js';
import type { AnyOperation } from '../../functions/http/operation.js';
import { eventsFolder, generatedSamples, sampleSources } from '../../infra/sample-event-sources.js';
import { GENERATED_FOLDERS, httpSample, httpSamplePath, kebab, sampleText, scheduleSamplePath, SNS_SAMPLES, sqsSamplePath, taskSamplePath } from '../../infra/sample-events.js';
import { callerFromClaims } from '../../shared/middleware/auth.js';
import { job, ScheduledInputError } from '../../shared/middleware/job.js';

const root = fileURLToPath(eventsFolder);
const read = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const generated = generatedSamples();
const { operations, schedules, workflows } = sampleSources;
const consumers = sampleSources.consumers as readonly ConsumerSpec[];

const problems = (schema: z.ZodMiniType | undefined, value: unknown, what: string): string[] => {
  if (!schema) return value === undefined || (typeof value === 'object' && value !== null && Object.keys(value).length === 0) ? [] : [`${what}: no schema takes it`];
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${what} ${issue.path.join('.')}: ${issue.message}`);
};

interface HttpSampleEvent {
  routeKey: string;
  rawPath: string;
  pathParameters?: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  body?: string;
  headers: Record<string, string>;
  requestContext: { authorizer?: { jwt: { claims: Record<string, string> } } };
}

/** What is wrong with an HTTP sample, read as the handler's stack reads it. */
const httpProblems = (spec: AnyOperation, event: HttpSampleEvent): string[] => {
  const found = [
    ...problems(spec.request?.path, event.pathParameters ?? {}, 'path'),
    ...problems(spec.request?.query, event.queryStringParameters ?? {}, 'query'),
    ...(spec.request?.body ? problems(spec.request.body, event.body === undefined ? undefined : JSON.parse(event.body), 'body') : event.body ? ['body: the route takes none'] : []),
  ];
  if (event.routeKey !== `${spec.method} ${spec.path}`) found.push(`routeKey ${event.routeKey}`);
  if (spec.auth === 'required') {
    const caller = callerFromClaims(event.requestContext.authorizer?.jwt.claims);
    if (!caller) found.push('no caller in the claims');
    else if (spec.groups && !spec.groups.some((group) => caller.groups.includes(group))) found.push(`caller not in ${spec.groups.join(', ')}`);
  }
  if (spec.idempotent && !event.headers['idempotency-key']) found.push('no Idempotency-Key');
  return found;
};

describe('sample events under events/', () => {
  it('are current: `npm run docs:events` would change nothing', () => {
    const stale = Object.entries(generated)
      .filter(([path, value]) => !existsSync(join(root, path)) || readFileSync(join(root, path), 'utf8') !== sampleText(value))
      .map(([path]) => path);
    expect(stale, 'stale or missing: run `npm run docs:events`').toEqual([]);
    const present = GENERATED_FOLDERS.flatMap((folder) =>
      existsSync(join(root, folder)) ? readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).map((f) => relative(root, join(root, folder, f))) : [],
    );
    expect(present.filter((path) => !(path in generated)), 'left over: run `npm run docs:events`').toEqual([]);
  });

  it('name one file per route, batch consumer, schedule and task', () => {
    const expected = [
      ...operations.map(httpSamplePath),
      ...consumers.filter((c) => c.batch).map(sqsSamplePath),
      ...schedules.map(scheduleSamplePath),
      ...Object.values(SNS_SAMPLES),
      ...workflows.flatMap((w) => Object.keys(w.tasks).map((task) => taskSamplePath(w.name, task))),
    ];
    expect(new Set(expected).size, 'two samples share a file name').toBe(expected.length);
    expect(Object.keys(generated).sort()).toEqual([...expected].sort());
  });

  it.each(operations.map((spec) => [spec.id, spec] as const))('HTTP %s: its sample parses with the spec’s path, query and body schemas', (_id, spec) => {
    expect(httpProblems(spec, read(httpSamplePath(spec)) as HttpSampleEvent)).toEqual([]);
  });

  it('HTTP: a sample whose body breaks the schema, or from a caller outside the groups, is caught', () => {
    const spec = operations.find((o) => o.id === 'DecideHours')!;
    const event = structuredClone(httpSample(spec)) as unknown as HttpSampleEvent;
    event.body = JSON.stringify({ decision: 'maybe' });
    event.requestContext.authorizer!.jwt.claims['cognito:groups'] = '[volunteer]';
    expect(httpProblems(spec, event)).toEqual([expect.stringMatching(/^body decision: /), 'caller not in org-manager, ministry-reviewer, ministry-admin']);
  });

  // The routes that touch nothing (no table, no AWS service): their handlers run here on their samples.
  const selfContained = operations.filter((spec) => spec.needs.length === 0);
  it.each(selfContained.map((spec) => [spec.id, spec] as const))('HTTP %s: its handler answers its sample with a success the spec documents', async (_id, spec) => {
    const module = (await import(/* @vite-ignore */ pathToFileURL(fileURLToPath(new URL(`../../${spec.entry}`, import.meta.url))).href)) as {
      handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body?: string }>;
    };
    const response = await module.handler(read(httpSamplePath(spec)), { awsRequestId: 'sample', functionName: spec.id, getRemainingTimeInMillis: () => 10_000 });
    expect(Object.keys(spec.responses)).toContain(String(response.statusCode));
    const schema = spec.responses[response.statusCode] as z.ZodMiniType | { contentType?: string };
    if ('safeParse' in schema) expect(problems(schema, JSON.parse(response.body!), 'response')).toEqual([]);
  });

  it.each(consumers.map((spec) => [spec.id, spec] as const))('consumer %s: each event it takes has a sample meeting the contract its spec names', (_id, spec) => {
    const found = spec.events.flatMap((type) => {
      const { detail } = read(eventCatalog[type as EventType].example) as EventBridgeEvent<string, Record<string, unknown>>;
      const { eventId, ...rest } = detail;
      return [...(typeof eventId === 'string' ? [] : [`${type}: no eventId`]), ...problems(spec.contracts[type as EventType], rest, type)];
    });
    if (spec.batch) {
      const { Records } = read(sqsSamplePath(spec)) as { Records: { body: string }[] };
      expect(Records.map((r) => (JSON.parse(r.body) as { 'detail-type': string })['detail-type'])).toEqual([...spec.events]);
    }
    expect(found).toEqual([]);
  });

  it.each(schedules.map((spec) => [spec.name, spec] as const))('schedule %s: its sample is the input its job parses', async (_name, spec) => {
    const sample = read(scheduleSamplePath(spec)) as { name: string; scheduledAt: string };
    const handler = job(spec).handler(async () => 'ran');
    expect(problems(handler.input, sample, 'input')).toEqual([]);
    expect(sample.name).toBe(spec.name);
  });

  it('a job refuses an input that is not a valid scheduled time, or is another job’s, without running', async () => {
    const ran: string[] = [];
    const handler = job(schedules[0]!).handler(async (event) => {
      ran.push(event.scheduledAt);
      return 'ran';
    });
    await expect(handler({ name: schedules[0]!.name, scheduledAt: 'tomorrow morning' })).rejects.toBeInstanceOf(ScheduledInputError);
    await expect(handler({ name: 'someone-else', scheduledAt: '2026-05-01T06:00:00.000Z' })).rejects.toThrow(/received the input of job "someone-else"/);
    expect(ran).toEqual([]);
  });

  it('SNS: the SES feedback and inbound SMS samples parse with the message schemas their snsConsumer specs name', async () => {
    const SesEvent = (await import('../../functions/consumers/email-bounces.js')).handler.spec.message;
    const InboundSmsMessage = (await import('../../functions/consumers/sms-inbound.js')).handler.spec.message;
    const messages = (path: string) => (read(path) as { Records: { Sns: { Message: string } }[] }).Records.map((r) => JSON.parse(r.Sns.Message) as unknown);
    const bounces = messages(SNS_SAMPLES.emailBounces);
    const sms = messages(SNS_SAMPLES.smsInbound);
    expect(bounces.flatMap((m, i) => problems(SesEvent, m, `record ${i}`))).toEqual([]);
    expect(sms.flatMap((m, i) => problems(InboundSmsMessage, m, `record ${i}`))).toEqual([]);
    expect(bounces.map((m) => (m as { eventType: string }).eventType)).toEqual(['Bounce', 'Complaint']);
    expect(sms.map((m) => (m as { messageBody: string }).messageBody)).toEqual(['STOP', 'إيقاف']);
  });

  const tasks = workflows.flatMap((w) => Object.entries(w.tasks).map(([task, binding]) => [`${w.name}.${task}`, w.name, task, binding.entry] as const));
  it.each(tasks)('task %s: its sample parses with the schema its handler parses with', async (_label, workflow, task, entry) => {
    const module = (await import(/* @vite-ignore */ pathToFileURL(fileURLToPath(new URL(`../../${entry}`, import.meta.url))).href)) as { handler: { input?: z.ZodMiniType } };
    expect(module.handler.input, `${entry} is not built with task(schema, …)`).toBeDefined();
    expect(problems(module.handler.input, read(taskSamplePath(workflow, task)), 'input')).toEqual([]);
    expect(taskSamplePath(workflow, task)).toBe(`workflows/${kebab(workflow)}/${kebab(task)}.json`);
  });
});
