/**
 * The one middy stack of every HTTP handler (see STYLE.md):
 * logger (correlation id = API Gateway request id) → tracer → metrics (cold start) →
 * header normaliser → problem+json errors → the caller's identity and groups, parsing of
 * path/query/body with zod → [idempotency] → [route middlewares] → security headers → handler.
 *
 * Two parts only some routes need are given by the route's own module (`RouteParts`), so that
 * the other bundles carry neither (issue 17): the bearer-token verifier of `auth: 'optional'`
 * routes (./optional-auth.ts, with jose) and the Idempotency-Key middleware of `idempotent`
 * routes (./idempotency.ts). `http()` throws when the module loads if the spec asks for one
 * that was not given (or is given one its spec does not ask for).
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { Context } from 'aws-lambda';
import type { z } from '../zod.js';
import { BadRequestError, PayloadTooLargeError, UnauthorizedError, ValidationError, type FieldError } from '../domain/errors.js';
import { logger, metrics, tracing } from '../powertools/index.js';
import type { AnyOperation, Auth, Operation } from '../../functions/http/operation.js';
import { requireGroup, type Caller } from '../domain/caller.js';
import { callerFromClaims } from './auth.js';
import type { HttpEvent } from './http-event.js';
import { problemResponse, toProblem } from './problem.js';
import { securityHeadersMiddleware } from './security-headers.js';
import type { HttpResponse } from './responses.js';

export type { HttpEvent } from './http-event.js';

export interface HttpRequest<B, P, Q, A extends Auth> {
  readonly body: B;
  readonly path: P;
  readonly query: Q;
  readonly caller: A extends 'required' ? Caller : Caller | undefined;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly event: HttpEvent;
  readonly context: Context;
}

const joinPath = (parts: readonly PropertyKey[]): string => parts.map(String).filter(Boolean).join('.') || '(root)';

/** One error per field; an unknown key is reported at its own path (zod reports it at the parent). */
const fieldErrors = (issues: readonly z.core.$ZodIssue[], prefix: string): FieldError[] =>
  issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: joinPath([prefix, ...issue.path, key]), message: 'unknown field' }))
      : [{ path: joinPath([prefix, ...issue.path]), message: issue.message }],
  );

const parsePart = <S extends z.ZodMiniType>(schema: S | undefined, value: unknown, prefix: string, status: 400 | 422) => {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error.issues, prefix);
  const detail = `invalid ${prefix || 'body'}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`;
  throw status === 400 ? new BadRequestError(detail, { errors, code: 'invalid-request' }) : new ValidationError(detail, { errors });
};

const readBody = (event: HttpEvent, maxBytes: number): unknown => {
  if (event.body === undefined || event.body === null || event.body === '') {
    throw new BadRequestError('a JSON request body is required', { errors: [{ path: '(body)', message: 'required' }] });
  }
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw) > maxBytes) {
    throw new PayloadTooLargeError(`request body is larger than ${maxBytes} bytes`);
  }
  const type = event.headers?.['content-type'];
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
    throw new BadRequestError(`content-type must be application/json, got ${type}`, {
      errors: [{ path: 'headers.content-type', message: 'must be application/json' }],
    });
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch (cause) {
    throw new BadRequestError('request body is not valid JSON', { cause, code: 'malformed-json', errors: [{ path: '(body)', message: 'malformed JSON' }] });
  }
};

type Identify = (event: HttpEvent) => Promise<Caller | undefined>;

/** Behind the JWT authorizer: the claims API Gateway hands over. */
const authorizedCaller: Identify = async (event) => {
  const caller = callerFromClaims(event.requestContext.authorizer?.jwt?.claims);
  if (!caller) throw new UnauthorizedError('a valid bearer token is required');
  return caller;
};

const anonymous: Identify = async () => undefined;

/**
 * What only some routes need, passed by the route's own module:
 * `http(spec, { optionalCaller })`, `http(spec, { idempotency: idempotent })`.
 */
export interface RouteParts {
  /** Required with `auth: 'optional'`: `optionalCaller` of ./optional-auth.ts (verifies a bearer token sent to a public route). */
  readonly optionalCaller?: Identify;
  /** Required with `idempotent: true`: `idempotent` of ./idempotency.ts (honours Idempotency-Key). */
  readonly idempotency?: () => MiddlewareObj<HttpEvent, HttpResponse>;
}

/** The spec and the parts agree, or the handler's module fails to load. */
const checkParts = (spec: AnyOperation, parts: RouteParts): void => {
  const optional = spec.auth === 'optional';
  if (optional !== Boolean(parts.optionalCaller)) {
    throw new Error(
      optional
        ? `${spec.id}: auth 'optional' needs http(spec, { optionalCaller }) (shared/middleware/optional-auth.js) in ${spec.entry}`
        : `${spec.id}: optionalCaller is given but its auth is '${spec.auth}'`,
    );
  }
  const idempotent = spec.idempotent === true;
  if (idempotent !== Boolean(parts.idempotency)) {
    throw new Error(
      idempotent
        ? `${spec.id}: idempotent needs http(spec, { idempotency: idempotent }) (shared/middleware/idempotency.js) in ${spec.entry}`
        : `${spec.id}: idempotency is given but the spec is not idempotent`,
    );
  }
};

/** Turns any error into problem+json; 5xx are logged (without the event) and masked. */
export const problemDetails = (): MiddlewareObj<HttpEvent, HttpResponse> => ({
  onError: async (request) => {
    const problem = toProblem(request.error, request.event?.rawPath);
    if (problem.status >= 500) logger.error('unhandled error', { error: request.error as Error });
    else logger.info('request refused', { status: problem.status, type: problem.type });
    request.response = problemResponse(problem);
  },
});

/** Types of the parsed request parts of a spec: `undefined` when the spec declares none. */
type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

/**
 * Builds the handler of one operation from its spec: the spec's auth, groups and request
 * schemas are enforced, and `Idempotency-Key` is honoured when the spec says `idempotent`
 * (with the parts the spec asks for, see `RouteParts`).
 * Add route-specific middlewares with `.use()`; finish with `.handler(fn)`. The handler carries
 * its spec and parts (`handler.operation`, `handler.parts`), so a test checks that every route's
 * entry was built from it.
 */
export function http<P extends z.ZodMiniType | undefined, Q extends z.ZodMiniType | undefined, B extends z.ZodMiniType | undefined, A extends Auth>(
  spec: Operation<P, Q, B, A>,
  parts?: RouteParts,
): HttpBuilder<Out<B>, Out<P>, Out<Q>, A>;
export function http(spec: AnyOperation, parts: RouteParts = {}): HttpBuilder<unknown, unknown, unknown, Auth> {
  checkParts(spec, parts);
  const { auth, groups, request = {} } = spec;
  const identify = auth === 'required' ? authorizedCaller : auth === 'none' ? anonymous : parts.optionalCaller!;
  const maxBodyBytes = request.maxBodyBytes ?? 65_536;
  // Identity, group checks and parsing run as the last "before" of the base stack, so that
  // route middlewares (idempotency) only ever see authorised, valid requests: a bad request
  // never touches the idempotency store.
  const parsed = new WeakMap<HttpEvent, { caller: Caller | undefined; path: unknown; query: unknown; body: unknown }>();
  const parseRequest: MiddlewareObj<HttpEvent, HttpResponse> = {
    before: async ({ event }) => {
      const caller = await identify(event);
      if (groups) requireGroup(caller, ...groups);
      const path = parsePart(request.path, event.pathParameters ?? {}, 'path', 400);
      const query = parsePart(request.query, event.queryStringParameters ?? {}, 'query', 400);
      // A body schema that accepts `undefined` (`.optional()`) makes the body optional.
      const absent = event.body === undefined || event.body === null || event.body === '';
      const body = request.body
        ? absent && request.body.safeParse(undefined).success
          ? undefined
          : parsePart(request.body, readBody(event, maxBodyBytes), '', 422)
        : undefined;
      parsed.set(event, { caller, path, query, body });
    },
  };
  const chain = middy<HttpEvent, HttpResponse>()
    .use(injectLambdaContext(logger, { correlationIdPath: 'requestContext.requestId', resetKeys: true }))
    .use(tracing())
    .use(logMetrics(metrics, { captureColdStartMetric: true, throwOnEmptyMetrics: false }))
    .use(httpHeaderNormalizer())
    .use(problemDetails())
    .use(parseRequest);
  if (parts.idempotency) chain.use(parts.idempotency());

  const builder: HttpBuilder<unknown, unknown, unknown, Auth> = {
    operation: spec,
    use(middleware) {
      chain.use(middleware);
      return builder;
    },
    handler(fn) {
      // Innermost, so that its `after` runs first: the idempotency store keeps (and replays)
      // the answer with its security headers. Problem responses get them in problemResponse.
      chain.use(securityHeadersMiddleware() as MiddlewareObj<HttpEvent, HttpResponse>);
      const handler = chain.handler(async (event: HttpEvent, context: Context) => {
        const input = parsed.get(event);
        if (!input) throw new Error('request was not parsed: the parse middleware did not run');
        return fn({
          body: input.body,
          path: input.path,
          query: input.query,
          caller: input.caller as Caller,
          headers: event.headers ?? {},
          event,
          context,
        });
      });
      // The spec and parts travel with the handler, so a test can check each route's entry was built from them.
      return Object.assign(handler, { operation: spec, parts });
    },
  };
  return builder;
}

export interface HttpBuilder<B, P, Q, A extends Auth> {
  readonly operation: AnyOperation;
  use(middleware: MiddlewareObj<HttpEvent, HttpResponse>): HttpBuilder<B, P, Q, A>;
  handler(
    fn: (request: HttpRequest<B, P, Q, A>) => Promise<HttpResponse>,
  ): middy.MiddyfiedHandler<HttpEvent, HttpResponse, Error, Context> & { readonly operation: AnyOperation; readonly parts: RouteParts };
}
