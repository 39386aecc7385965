/**
 * Settings that must be in place before any handler module is evaluated, so it is imported
 * first by the local platform. There is no X-Ray daemon locally: with tracing off, the
 * Powertools tracer (and the X-Ray SDK's process-wide async hooks) is never loaded.
 */
process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
