/**
 * Powertools singletons, created once per Lambda execution environment. Service name and
 * namespace come from POWERTOOLS_SERVICE_NAME / POWERTOOLS_METRICS_NAMESPACE (set by the
 * NodeFunction construct); locally POWERTOOLS_DEV and POWERTOOLS_METRICS_DISABLED are set.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'tatawwu' });
export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'tatawwu' });
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Tatawwu',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'tatawwu',
  // Its warnings (e.g. "no application metrics") go through our logger, so they follow
  // POWERTOOLS_LOG_LEVEL instead of printing on every request.
  logger,
});
