/**
 * The sample events under events/ that are generated (issue 9): one per route, per batch
 * consumer, per schedule, per SNS-fed function and per workflow task, each exactly what AWS
 * hands that Lambda, built from the declarations so that they never drift:
 * - `events/http/<operation>.json`: an API Gateway HTTP API (payload 2.0) event from the
 *   operation spec and its examples (path, query, body; the caller's claims from its groups);
 * - `events/sqs/<consumer>.json`: the SQS batch of a `batch` consumer, one record per event
 *   type it takes, each body the catalogue's example of that type (events/<area>/*.json);
 * - `events/schedules/<name>.json`: the EventBridge Scheduler input `{ name, scheduledAt }`,
 *   at a time the schedule's expression fires;
 * - `events/sns/email-bounces.json`, `events/sns/sms-inbound.json`: SES feedback and inbound
 *   SMS as the SNS topics deliver them;
 * - `events/workflows/<workflow>/<task>.json`: a task's input, wrapped as the state machine
 *   does for a `.waitForTaskToken` state (`{ input, taskToken, executionId }`).
 * The EventBridge domain events themselves are the catalogue's examples (events/catalog.ts,
 * one per type, checked by test/unit/event-catalog.test.ts); they are read, not generated.
 *
 * `npm run docs:events` writes the files; test/unit/sample-events.test.ts fails when one is
 * stale or missing, and parses each with its handler's own input schema.
 */
import type { EventType } from '../events/catalog.js';
import type { ConsumerDefinition } from '../functions/consumers/definition.js';
import type { AnyOperation } from '../functions/http/operation.js';
import type { ScheduleDefinition } from '../functions/schedules/definition.js';
import { httpSamplePath, kebab } from '../shared/openapi/sample-paths.js';
import { placeholderTaskId, allStates, isWaitForTaskToken, type WorkflowDefinition } from '../shared/workflows/definition.js';

export { httpSamplePath, kebab };

export type SampleFiles = Record<string, unknown>;

export const sqsSamplePath = (consumer: Pick<ConsumerDefinition, 'id'>): string => `sqs/${kebab(consumer.id)}.json`;
export const scheduleSamplePath = (schedule: Pick<ScheduleDefinition, 'name'>): string => `schedules/${schedule.name}.json`;
export const taskSamplePath = (workflow: string, taskId: string): string => `workflows/${kebab(workflow)}/${kebab(taskId)}.json`;
export const SNS_SAMPLES = { emailBounces: 'sns/email-bounces.json', smsInbound: 'sns/sms-inbound.json' } as const;

const ACCOUNT = '111122223333';
const REGION = 'me-central-1';
const HOST = 'api.tatawwu.sa';
const USER_AGENT = 'Tatawwu/1.4 (iOS 18.3)';
const SOURCE_IP = '198.51.100.23';

// ── HTTP ─────────────────────────────────────────────────────────────────────────────────────

/** Who calls a route in its sample: a member of its first group (no group: a user who just signed up). */
const callers: Record<string, { sub: string; email: string }> = {
  none: { sub: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77', email: 'huda.alharbi@example.com' },
  volunteer: { sub: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77', email: 'huda.alharbi@example.com' },
  'org-manager': { sub: '7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d', email: 'khalid.alqahtani@albirr-jeddah.org.sa' },
  'company-admin': { sub: '2e4f6a8b-0c1d-4e3f-9a5b-7c9d1e3f5a7b', email: 'noura.alotaibi@horizon.com.sa' },
  'ministry-reviewer': { sub: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', email: 'reviewer@hrsd.gov.sa' },
  'ministry-admin': { sub: '4d5e6f70-8192-4a3b-9c4d-5e6f708192a3', email: 'admin@hrsd.gov.sa' },
};
/** The organisation and company a manager or company admin belongs to when the route names none. */
const HOME_ORG = '01JRW9Z6Q3X8K2M4N5P7R9S1TV';
const HOME_COMPANY = '01JS2B7K4M9N3P5Q8R1T6V0W2X';

const claimsFor = (operation: AnyOperation): Record<string, string> => {
  const group = operation.groups?.[0];
  const caller = callers[group ?? 'none']!;
  const path = operation.examples?.path ?? {};
  return {
    sub: caller.sub,
    email: caller.email,
    token_use: 'id',
    iss: `https://cognito-idp.${REGION}.amazonaws.com/${REGION}_Example`,
    aud: '5r2example3client4id',
    exp: '1776075301',
    iat: '1776071701',
    'cognito:groups': `[${group ?? ''}]`,
    ...(group === 'org-manager' && { 'custom:orgId': path.orgId ?? HOME_ORG }),
    ...(group === 'company-admin' && { 'custom:companyId': path.companyId ?? HOME_COMPANY }),
  };
};

const acceptOf = (operation: AnyOperation): string => {
  const first = Object.values(operation.responses)[0] as { contentType?: unknown } | undefined;
  return typeof first?.contentType === 'string' ? first.contentType : 'application/json';
};

/** The API Gateway HTTP API (payload 2.0) event of one call of the operation, with its examples. */
export const httpSample = (operation: AnyOperation): Record<string, unknown> => {
  const examples = operation.examples ?? {};
  const rawPath = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(examples.path?.[name] ?? `{${name}}`));
  const routeKey = `${operation.method} ${operation.path}`;
  const query = examples.query;
  const body = operation.request?.body && examples.request !== undefined ? JSON.stringify(examples.request) : undefined;
  const headers: Record<string, string> = {
    accept: acceptOf(operation),
    host: HOST,
    'user-agent': USER_AGENT,
    'x-forwarded-for': SOURCE_IP,
    'x-forwarded-proto': 'https',
    ...(operation.auth === 'required' && { authorization: 'Bearer eyJraWQiOiJ...' }),
    ...(body !== undefined && { 'content-type': 'application/json' }),
    ...(operation.idempotent && { 'idempotency-key': `sample-${kebab(operation.id)}-1` }),
  };
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: query ? new URLSearchParams(query).toString() : '',
    headers,
    ...(query && { queryStringParameters: { ...query } }),
    requestContext: {
      accountId: ACCOUNT,
      apiId: 'a1b2c3d4e5',
      domainName: HOST,
      domainPrefix: 'api',
      http: { method: operation.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: SOURCE_IP, userAgent: USER_AGENT },
      requestId: 'Q1w2E3r4T5y6=',
      routeKey,
      stage: '$default',
      time: '12/Apr/2026:09:15:01 +0000',
      timeEpoch: 1776071701000,
      ...(operation.auth === 'required' && {
        authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claimsFor(operation), scopes: null } },
      }),
    },
    ...(examples.path && { pathParameters: { ...examples.path } }),
    isBase64Encoded: false,
    ...(body !== undefined && { body }),
  };
};

// ── SQS batches (consumers declared with `batch`) ───────────────────────────────────────────

/** The SQS batch a `batch` consumer receives: one record per event type, its body the catalogue's example. */
export const sqsSample = (consumer: ConsumerDefinition, exampleOf: (type: EventType) => unknown): Record<string, unknown> => ({
  Records: consumer.events.map((type, i) => {
    const body = JSON.stringify(exampleOf(type as EventType));
    return {
      messageId: `0c1d2e3f-4a5b-4c6d-8e7f-${String(i + 1).padStart(12, '0')}`,
      receiptHandle: `AQEB${kebab(consumer.id)}-${i + 1}`,
      body,
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1777792500000', SenderId: 'AIDAEXAMPLEEVENTBRIDGE', ApproximateFirstReceiveTimestamp: '1777792505000' },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:${REGION}:${ACCOUNT}:tatawwu-${kebab(consumer.id)}`,
      awsRegion: REGION,
    };
  }),
});

// ── Schedules ────────────────────────────────────────────────────────────────────────────────

/** A Riyadh day on which every expression of the platform fires: Friday 1 May 2026. */
const SAMPLE_DAY = '2026-05-01';

/** When the schedule fires on SAMPLE_DAY (Riyadh), as EventBridge Scheduler's `<aws.scheduler.scheduled-time>`. */
export const sampleScheduledAt = (expression: string): string => {
  const cron = /^cron\((\S+) (\S+) /.exec(expression);
  const field = (value: string | undefined, fallback: number) => (value && /^\d+$/.test(value) ? Number(value) : fallback);
  const minute = field(cron?.[1], 0);
  const hour = field(cron?.[2], 6);
  const pad = (n: number) => String(n).padStart(2, '0');
  return new Date(`${SAMPLE_DAY}T${pad(hour)}:${pad(minute)}:00+03:00`).toISOString();
};

export const scheduleSample = (schedule: ScheduleDefinition) => ({ name: schedule.name, scheduledAt: sampleScheduledAt(schedule.expression) });

// ── SNS (SES feedback, inbound SMS) ─────────────────────────────────────────────────────────

const snsRecord = (topic: string, messageId: string, timestamp: string, message: unknown) => ({
  EventSource: 'aws:sns',
  EventVersion: '1.0',
  EventSubscriptionArn: `arn:aws:sns:${REGION}:${ACCOUNT}:${topic}:4f1e2d3c-5b6a-4978-8e9f-0a1b2c3d4e5f`,
  Sns: {
    Type: 'Notification',
    MessageId: messageId,
    TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:${topic}`,
    Subject: null,
    Message: JSON.stringify(message),
    Timestamp: timestamp,
    SignatureVersion: '1',
    Signature: 'EXAMPLEpH+signature==',
    SigningCertUrl: `https://sns.${REGION}.amazonaws.com/SimpleNotificationService-example.pem`,
    UnsubscribeUrl: `https://sns.${REGION}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:${REGION}:${ACCOUNT}:${topic}:4f1e2d3c`,
    MessageAttributes: {},
  },
});

const sesMail = (messageId: string, to: string, timestamp: string) => ({
  timestamp,
  source: 'Tatawwu <no-reply@tatawwu.example.sa>',
  sourceArn: `arn:aws:ses:${REGION}:${ACCOUNT}:identity/tatawwu.example.sa`,
  sendingAccountId: ACCOUNT,
  messageId,
  destination: [to],
  tags: { 'ses:configuration-set': ['tatawwu-notifications'] },
});

/** A permanent bounce and a complaint, as SES event publishing sends them to the feedback topic. */
export const emailBouncesSample = () => ({
  Records: [
    snsRecord('tatawwu-email-feedback', 'a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b', '2026-05-02T06:01:12.000Z', {
      eventType: 'Bounce',
      bounce: {
        feedbackId: '0102018f2b3c4d5e-bounce-000000',
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [{ emailAddress: 'faisal.alshehri@example.com', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
        timestamp: '2026-05-02T06:01:10.000Z',
        reportingMTA: `dns; a8-12.smtp-out.${REGION}.amazonses.com`,
      },
      mail: sesMail('0102018f2b3c4d5e-mail-000001', 'faisal.alshehri@example.com', '2026-05-02T06:01:08.000Z'),
    }),
    snsRecord('tatawwu-email-feedback', 'a1b2c3d4-0002-4e5f-8a9b-0c1d2e3f4a5b', '2026-05-02T07:30:41.000Z', {
      eventType: 'Complaint',
      complaint: {
        feedbackId: '0102018f2b3c4d5e-complaint-000000',
        complainedRecipients: [{ emailAddress: 'huda.alharbi@example.com' }],
        complaintFeedbackType: 'abuse',
        timestamp: '2026-05-02T07:30:40.000Z',
      },
      mail: sesMail('0102018f2b3c4d5e-mail-000002', 'huda.alharbi@example.com', '2026-05-02T06:00:02.000Z'),
    }),
  ],
});

/** Two replies to the sender ID, as AWS End User Messaging SMS publishes them: STOP, then the Arabic keyword. */
export const smsInboundSample = () => ({
  Records: [
    snsRecord('tatawwu-inbound-sms', 'b2c3d4e5-0001-4f6a-9b0c-1d2e3f4a5b6c', '2026-05-02T18:05:03.000Z', {
      originationNumber: '+966501234567',
      destinationNumber: '+966115550100',
      messageKeyword: 'KEYWORD_111122223333',
      messageBody: 'STOP',
      inboundMessageId: '8d2f6b1a-3c4e-4f5a-9b6c-7d8e9f0a1b2c',
      previousPublishedMessageId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
    }),
    snsRecord('tatawwu-inbound-sms', 'b2c3d4e5-0002-4f6a-9b0c-1d2e3f4a5b6c', '2026-05-03T09:41:27.000Z', {
      originationNumber: '+966551234876',
      destinationNumber: '+966115550100',
      messageKeyword: 'KEYWORD_111122223333',
      messageBody: 'إيقاف',
      inboundMessageId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    }),
  ],
});

// ── Workflow tasks ───────────────────────────────────────────────────────────────────────────

/**
 * What a task of each workflow receives (its execution input, as the HTTP route or job that
 * starts it builds it), and what some tasks get on top (the output of an earlier state).
 */
export interface WorkflowSampleInputs {
  readonly base: Record<string, unknown>;
  readonly tasks?: Readonly<Record<string, Record<string, unknown>>>;
}

/** The task ids of a workflow that run as `.waitForTaskToken` states. */
const waitingTasks = (workflow: WorkflowDefinition): Set<string> =>
  new Set(
    allStates(workflow.asl)
      .filter((ref) => isWaitForTaskToken(ref.state))
      .map((ref) => placeholderTaskId((ref.state.Parameters as Record<string, unknown> | undefined)?.FunctionName))
      .filter((id): id is string => id !== undefined),
  );

export const taskSample = (workflow: WorkflowDefinition, taskId: string, inputs: WorkflowSampleInputs): Record<string, unknown> => {
  const input = { ...inputs.base, ...inputs.tasks?.[taskId] };
  if (!waitingTasks(workflow).has(taskId)) return input;
  return {
    input,
    taskToken: 'AQCEAAAAKgAAAAMAAAAAAAAAAexampleTaskToken+Zk3m9qW1xYb2c4d5e6f7g8h9==',
    executionId: `arn:aws:states:${REGION}:${ACCOUNT}:execution:${workflow.name}:sample-${kebab(taskId)}`,
  };
};

// ── Everything ───────────────────────────────────────────────────────────────────────────────

export interface SampleSources {
  readonly operations: readonly AnyOperation[];
  readonly consumers: readonly ConsumerDefinition[];
  readonly schedules: readonly ScheduleDefinition[];
  readonly workflows: readonly WorkflowDefinition[];
  /** Workflow name → the inputs of its tasks. */
  readonly workflowInputs: Readonly<Record<string, WorkflowSampleInputs>>;
  /** The catalogue's example of an event type (events/<area>/*.json). */
  readonly eventExample: (type: EventType) => unknown;
}

/** Every generated sample: path relative to events/ → its JSON. */
export const sampleFiles = (sources: SampleSources): SampleFiles => {
  const files: SampleFiles = {};
  for (const operation of sources.operations) files[httpSamplePath(operation)] = httpSample(operation);
  for (const consumer of sources.consumers.filter((c) => c.batch)) files[sqsSamplePath(consumer)] = sqsSample(consumer, sources.eventExample);
  for (const schedule of sources.schedules) files[scheduleSamplePath(schedule)] = scheduleSample(schedule);
  files[SNS_SAMPLES.emailBounces] = emailBouncesSample();
  files[SNS_SAMPLES.smsInbound] = smsInboundSample();
  for (const workflow of sources.workflows) {
    const inputs = sources.workflowInputs[workflow.name];
    if (!inputs) throw new Error(`no sample inputs for workflow ${workflow.name}: add them to infra/sample-events-inputs.ts`);
    for (const taskId of Object.keys(workflow.tasks)) files[taskSamplePath(workflow.name, taskId)] = taskSample(workflow, taskId, inputs);
  }
  return files;
};

/** The folders whose every .json file is generated (a file there that is not generated is stale). */
export const GENERATED_FOLDERS = ['http', 'sqs', 'schedules', 'sns', 'workflows'] as const;

export const sampleText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
