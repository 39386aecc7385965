/**
 * The security headers of every response, in one place (issue 10 §5). Applied by the http()
 * stack to handler answers (before the idempotency store keeps them, so a replay carries them
 * too), by problemResponse to every problem+json, and by the local gateway to what it answers
 * itself. A header a response already sets is kept: a public, cacheable answer sets its own
 * `cache-control`, a page that needs scripts its own CSP.
 *
 * - `cache-control: no-store` by default: most answers are personal or depend on the caller,
 *   and a shared cache (or the browser's back button) must not keep them.
 * - `x-content-type-options: nosniff`: JSON is never sniffed into HTML or script.
 * - `strict-transport-security`: two years, subdomains (the API is HTTPS only).
 * - HTML gets a CSP that allows nothing (no script, no style, no frame, no form target).
 */
import type { MiddlewareObj } from '@middy/core';
import type { HttpResponse } from './responses.js';

export const HSTS = 'max-age=63072000; includeSubDomains';
export const STRICT_HTML_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

type Headers = Record<string, string | number | boolean>;

const has = (headers: Headers, name: string): boolean => Object.keys(headers).some((key) => key.toLowerCase() === name);
const get = (headers: Headers, name: string): string | undefined => {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : String(headers[key]);
};

/** The headers with the security headers added where missing. */
export const securityHeaders = <H extends Headers>(headers: H | undefined): H & Record<string, string> => {
  const result: Headers = { ...headers };
  const add = (name: string, value: string) => {
    if (!has(result, name)) result[name] = value;
  };
  add('cache-control', 'no-store');
  add('x-content-type-options', 'nosniff');
  add('strict-transport-security', HSTS);
  if (/^text\/html\b/i.test(get(result, 'content-type') ?? '')) add('content-security-policy', STRICT_HTML_CSP);
  return result as H & Record<string, string>;
};

export const withSecurityHeaders = (response: HttpResponse): HttpResponse => ({ ...response, headers: securityHeaders(response.headers) });

/** The middy side: registered innermost by http(), so its `after` runs first. */
export const securityHeadersMiddleware = (): MiddlewareObj<unknown, HttpResponse> => ({
  after: async (request) => {
    if (request.response) request.response = withSecurityHeaders(request.response);
  },
});
