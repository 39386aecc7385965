/**
 * Powertools singletons, created once per Lambda execution environment. Service name and
 * namespace come from POWERTOOLS_SERVICE_NAME / POWERTOOLS_METRICS_NAMESPACE (set by the
 * NodeFunction construct); locally POWERTOOLS_DEV and POWERTOOLS_METRICS_DISABLED are set.
 */
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { MiddlewareObj } from '@middy/core';
import { logger } from './logger.js';

export { logger };
/**
 * Loaded only where traces are recorded: the X-Ray SDK under the tracer installs async hooks that
 * make every promise in the process ~17× slower (measured: 2M awaits 0.1 s → 1.8 s), even with
 * tracing disabled. In the cloud tracing is on (active X-Ray); the local platform and the tests
 * set POWERTOOLS_TRACE_ENABLED=false and never load it.
 */
const tracingEnabled = (process.env.POWERTOOLS_TRACE_ENABLED ?? 'true').toLowerCase() !== 'false';
export const tracer: Tracer | undefined = tracingEnabled
  ? new (await import('@aws-lambda-powertools/tracer')).Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'tatawwu' })
  : undefined;

/** The tracer's middy middleware, or none where tracing is off (middy's use() takes a list). */
export const tracing = <E, R>(): MiddlewareObj<E, R>[] => (tracer ? [captureLambdaHandler(tracer) as MiddlewareObj<E, R>] : []);
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Tatawwu',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'tatawwu',
  // Its own diagnostics go through a child of our logger at ERROR: otherwise every request
  // without an application metric logs "No application metrics to publish" at WARN.
  logger: logger.createChild({ logLevel: 'ERROR' }),
});
