/**
 * Powertools singletons, created once per Lambda execution environment. Service name and
 * namespace come from POWERTOOLS_SERVICE_NAME / POWERTOOLS_METRICS_NAMESPACE (set by the
 * NodeFunction construct); locally POWERTOOLS_DEV and POWERTOOLS_METRICS_DISABLED are set.
 */
import { Metrics } from '@aws-lambda-powertools/metrics';
import { logger } from './logger.js';

export { logger };
export { tracer, tracing } from './tracer.js';
export const metrics = /* @__PURE__ */ (() =>
  new Metrics({
    namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Tatawwu',
    serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'tatawwu',
    // Its own diagnostics go through a child of our logger at ERROR: otherwise every request
    // without an application metric logs "No application metrics to publish" at WARN.
    logger: /* @__PURE__ */ logger.createChild({ logLevel: 'ERROR' }),
  }))();
