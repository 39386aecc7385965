/**
 * The Powertools logger alone, for code that logs but needs neither metrics nor the tracer
 * (event publishing, plain consumers and jobs): importing shared/powertools/index.ts would
 * bundle the X-Ray SDK into them.
 */
import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The correlation ids we use are plain dotted paths (`requestContext.requestId`,
 * `executionId`), so a property walk serves instead of bundling a JMESPath engine.
 */
const dottedPath = (expression: string, data: unknown): unknown =>
  expression.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), data);

export const logger = /* @__PURE__ */ (() =>
  new Logger({
    serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'tatawwu',
    correlationIdSearchFn: dottedPath,
  }))();
