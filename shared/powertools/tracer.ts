/**
 * X-Ray subsegments (`## <handler>` with ColdStart/Service annotations, response and error; one
 * per AWS call of the clients passed to `traceAwsClient`) written without the X-Ray SDK: see
 * xray.ts. In the cloud tracing is on (active X-Ray); the local platform and the tests set
 * POWERTOOLS_TRACE_ENABLED=false and record nothing. Its own module, so that the AWS clients
 * (shared/db/client.ts…) can be traced without importing metrics.
 */
import type { MiddlewareObj } from '@middy/core';
import { createTracing, traceAwsCall, traceAwsClient, type Tracing } from './xray.js';

const tracingEnabled = /* @__PURE__ */ (() =>
  (process.env.POWERTOOLS_TRACE_ENABLED ?? 'true').toLowerCase() !== 'false')();
const created = /* @__PURE__ */ (() =>
  tracingEnabled ? /* @__PURE__ */ createTracing(process.env.POWERTOOLS_SERVICE_NAME ?? 'tatawwu') : undefined)();
export const tracer: Tracing | undefined = created;

/** The tracing middy middleware, or none where tracing is off (middy's use() takes a list). */
export const tracing = <E, R>(): MiddlewareObj<E, R>[] => (created ? [created.middleware<E, R>()] : []);

/** The client, with a subsegment per call while a traced handler runs (unchanged where tracing is off). */
export const traced = <C>(client: C): C => traceAwsClient(client, tracer);

/** A subsegment for an AWS call sent without a client (shared/aws/json-service.ts), as `traced` records a client's. */
export const tracedAwsCall: <R extends { output?: { $metadata?: unknown } }>(
  service: string,
  operation: string,
  args: { input?: Record<string, unknown>; request?: { headers?: Record<string, string> } },
  call: () => Promise<R>,
) => Promise<R> = (service, operation, args, call) => traceAwsCall(tracer, service, operation, args, call);
