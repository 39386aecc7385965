/**
 * Warm overhead of the handler stack: the `http()` builder (logger, tracer, metrics, header
 * normaliser, problem details, identity, zod parsing) around a trivial function, against the
 * same trivial function alone, on the same API Gateway v2 event, after a warm-up.
 */
import type { Context } from 'aws-lambda';
import * as z from '../../shared/zod.js';
import { loadNote, median, percentile, round, verdict, type Benchmark, type Row } from './lib.js';

// Before the handler stack is imported: Powertools reads these when its singletons are built.
Object.assign(process.env, {
  AWS_REGION: 'me-central-1',
  POWERTOOLS_SERVICE_NAME: 'bench',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_TRACE_ENABLED: 'false',
});

const GOAL_P50_MS = 1;
const WARMUP = 2_000;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20_000);
const ROUNDS = 4;

const now = Date.now();
const event = {
  version: '2.0' as const,
  routeKey: 'POST /v1/things/{id}',
  rawPath: '/v1/things/01HZX0000000000000000000AB',
  rawQueryString: 'limit=20',
  headers: { 'content-type': 'application/json', Authorization: 'Bearer x', 'User-Agent': 'bench', host: 'api.example' },
  queryStringParameters: { limit: '20' },
  pathParameters: { id: '01HZX0000000000000000000AB' },
  body: JSON.stringify({ title: 'Beach clean-up', seats: 12 }),
  isBase64Encoded: false,
  requestContext: {
    accountId: '000000000000',
    apiId: 'bench',
    domainName: 'api.example',
    domainPrefix: 'api',
    http: { method: 'POST', path: '/v1/things/01HZX0000000000000000000AB', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
    requestId: 'bench-request',
    routeKey: 'POST /v1/things/{id}',
    stage: '$default',
    time: new Date(now).toUTCString(),
    timeEpoch: now,
    authorizer: {
      principalId: '',
      integrationLatency: 0,
      jwt: { claims: { sub: 'bench-user', email: 'bench@example.sa', 'cognito:groups': '[volunteer]' }, scopes: [] },
    },
  },
};

const context = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:me-central-1:000000000000:function:bench',
  memoryLimitInMB: '256',
  awsRequestId: 'bench',
  logGroupName: '/aws/lambda/bench',
  logStreamName: 'bench',
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
} satisfies Context;

type Fn = (event: never, context: Context) => Promise<unknown>;

/** Per-invocation times in ms; the two handlers alternate in rounds so drift hits both. */
const measure = async (handlers: Record<string, Fn>): Promise<Record<string, number[]>> => {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(handlers).map((name) => [name, []]));
  for (const fn of Object.values(handlers)) for (let i = 0; i < WARMUP; i++) await fn(event as never, context);
  for (let round_ = 0; round_ < ROUNDS; round_++) {
    for (const [name, fn] of Object.entries(handlers)) {
      for (let i = 0; i < ITERATIONS / ROUNDS; i++) {
        const start = process.hrtime.bigint();
        await fn(event as never, context);
        samples[name]!.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }
  }
  return samples;
};

const benchmark: Benchmark = {
  name: 'handler-overhead',
  title: `Warm overhead of the http() handler stack over a bare handler, same API Gateway v2 event (goal ≤ ${GOAL_P50_MS} ms p50)`,
  async run({ log }) {
    const { http } = await import('../../shared/middleware/http.js');
    const { ok } = await import('../../shared/middleware/responses.js');
    const answer = { ok: true };
    const bare: Fn = async () => ok(answer);
    const { defineOperation } = await import('../../functions/http/operation.js');
    const spec = { id: 'Bench', method: 'POST', path: '/bench/{id}', entry: 'test/bench/handler-overhead.bench.ts', auth: 'required', needs: [], summary: 'bench', tags: ['bench'], responses: {} } as const;
    const stack: Fn = http(defineOperation(spec)).handler(async () => ok(answer)) as unknown as Fn;
    const parsing: Fn = http(
      defineOperation({
        ...spec,
        request: {
          path: z.object({ id: z.string().check(z.length(26)) }),
          query: z.object({ limit: z.coerce.number().check(z.int(), z.lte(100)) }),
          body: z.object({ title: z.string().check(z.minLength(1), z.maxLength(100)), seats: z.number().check(z.int(), z.positive()) }),
        },
      }),
    ).handler(async () => ok(answer)) as unknown as Fn;

    // The stack must answer the event as the bare handler does, or the comparison means nothing.
    for (const [name, fn] of Object.entries({ stack, parsing })) {
      const result = (await fn(event as never, context)) as { statusCode?: number; body?: string };
      if (result.statusCode !== 200) throw new Error(`${name} answered ${result.statusCode}: ${result.body}`);
    }
    log(`${WARMUP} warm-up + ${ITERATIONS} measured invocations per handler`);
    const samples = await measure({ bare, stack, parsing });
    const bareP50 = median(samples.bare!);
    const bareP99 = percentile(samples.bare!, 99);
    const row = (handler: string, times: number[]): Row => {
      const overheadP50 = median(times) - bareP50;
      return {
        handler,
        'p50 ms': round(median(times), 4),
        'p99 ms': round(percentile(times, 99), 4),
        'overhead p50 ms': round(overheadP50, 4),
        'overhead p99 ms': round(percentile(times, 99) - bareP99, 4),
        goal: `≤ ${GOAL_P50_MS} p50`,
        result: verdict(overheadP50 <= GOAL_P50_MS),
      };
    };
    return {
      rows: [
        { handler: 'bare async function', 'p50 ms': round(bareP50, 4), 'p99 ms': round(bareP99, 4), 'overhead p50 ms': 0, 'overhead p99 ms': 0, goal: '(baseline)', result: '—' },
        row('http() stack, no schemas', samples.stack!),
        row('http() stack + zod path/query/body', samples.parsing!),
      ],
      notes: [
        loadNote(),
        `${ITERATIONS} warm invocations each (after ${WARMUP} warm-up), in ${ROUNDS} alternating rounds; ${process.version}, in process`,
        'measured with POWERTOOLS_LOG_LEVEL=SILENT, POWERTOOLS_METRICS_DISABLED=true, POWERTOOLS_TRACE_ENABLED=false. In the cloud each invocation also writes its log lines and flushes an EMF metrics blob to stdout (CloudWatch Logs), and the tracer opens and closes an X-Ray subsegment sent over UDP to the daemon: those costs are not in these numbers',
      ],
    };
  },
};

export default benchmark;
