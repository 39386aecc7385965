/**
 * Powertools singletons, created once per Lambda execution environment. Service name and
 * namespace come from POWERTOOLS_SERVICE_NAME / POWERTOOLS_METRICS_NAMESPACE (set by the
 * NodeFunction construct); locally POWERTOOLS_DEV and POWERTOOLS_METRICS_DISABLED are set.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * The correlation ids we use are plain dotted paths (`requestContext.requestId`,
 * `executionId`), so a property walk serves instead of bundling a JMESPath engine.
 */
const dottedPath = (expression: string, data: unknown): unknown =>
  expression.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), data);

export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'tatawwu',
  correlationIdSearchFn: dottedPath,
});
export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'tatawwu' });
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Tatawwu',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'tatawwu',
  // Its own diagnostics go through a child of our logger at ERROR: otherwise every request
  // without an application metric logs "No application metrics to publish" at WARN.
  logger: logger.createChild({ logLevel: 'ERROR' }),
});
