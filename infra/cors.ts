/**
 * The CORS policy of the HTTP API, read by the CDK HttpApi (per-stage origins from
 * infra/config.ts; API Gateway answers the preflight itself) and by the local gateway (any
 * `http://localhost:<port>`), so a browser app sees the same headers locally and in the cloud.
 */

/** Request headers a browser app may send. */
export const CORS_ALLOW_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'accept', 'accept-language'] as const;
/** Methods of the API (HEAD for /health). */
export const CORS_ALLOW_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
/** Response headers a browser app may read besides the CORS-safelisted ones. */
export const CORS_EXPOSE_HEADERS = ['location', 'retry-after', 'www-authenticate'] as const;
/** How long a browser may cache a preflight answer. */
export const CORS_MAX_AGE_SECONDS = 3600;

/** Origins the local platform allows: any port of localhost, plain http (a dev server). */
export const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;

/** The CORS response headers for a request from `origin`, or none when the origin is not allowed. */
export const corsHeaders = (origin: string | undefined, allowed: (origin: string) => boolean): Record<string, string> =>
  origin && allowed(origin)
    ? { 'access-control-allow-origin': origin, 'access-control-expose-headers': CORS_EXPOSE_HEADERS.join(', '), vary: 'Origin' }
    : {};

/** The answer to a preflight (`OPTIONS` with `access-control-request-method`) from `origin`. */
export const preflightHeaders = (origin: string | undefined, allowed: (origin: string) => boolean): Record<string, string> =>
  origin && allowed(origin)
    ? {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': CORS_ALLOW_METHODS.join(', '),
        'access-control-allow-headers': CORS_ALLOW_HEADERS.join(', '),
        'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
        vary: 'Origin',
      }
    : { vary: 'Origin' };
