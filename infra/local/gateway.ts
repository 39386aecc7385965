/**
 * The local gateway: an HTTP server that behaves like API Gateway HTTP API in front of the
 * same handler modules the CDK deploys. For each request it finds the route (static
 * segments win over parameters, like API Gateway), enforces the JWT authorizer on
 * `auth: 'required'` routes with the cloud's rules (401 `{"message":"Unauthorized"}`, as
 * API Gateway answers), builds a payload-format-2.0 event and maps the handler's result back.
 * Extra local-only routes (`/local/...`, `/health`, `/docs`) are plugged in by the platform.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import type { AnyOperation } from '../../functions/http/operation.js';
import type { HttpEvent } from '../../shared/middleware/http.js';
import { bearerToken, toGatewayClaims, verifyJwt, type JwtSettings } from '../../shared/middleware/jwt.js';
import { securityHeaders } from '../../shared/middleware/security-headers.js';
import { corsHeaders, LOCAL_ORIGIN, preflightHeaders } from '../cors.js';

export interface LocalRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

export interface LocalResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
}

/** A local-only route (token issuer, schedules, docs…), answered before the API routes. */
export type LocalRoute = {
  readonly method: string;
  readonly path: string | RegExp;
  handle(request: LocalRequest, match: RegExpExecArray | null): Promise<LocalResponse>;
};

export interface GatewayOptions {
  /** The operation specs (functions/http/routes.ts). */
  readonly operations: readonly AnyOperation[];
  readonly jwt: JwtSettings;
  readonly keys: JWTVerifyGetKey;
  readonly localRoutes?: readonly LocalRoute[];
  /** Repository root the route entries are relative to. */
  readonly root: string;
  /**
   * Browser origins allowed by CORS (infra/cors.ts).
   * @default any `http://localhost:<port>`
   */
  readonly corsOrigin?: (origin: string) => boolean;
  /** API Gateway's own payload limit. @default 10 MiB */
  readonly maxPayloadBytes?: number;
}

interface CompiledRoute {
  readonly route: AnyOperation;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly specificity: number;
}

type LambdaHandler = (event: HttpEvent, context: Context) => Promise<APIGatewayProxyResultV2>;

const compile = (route: AnyOperation): CompiledRoute => {
  const names: string[] = [];
  const segments = route.path.split('/').filter(Boolean);
  const pattern = segments
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      return '([^/]+)';
    })
    .join('/');
  return {
    route,
    pattern: new RegExp(`^/${pattern}/?$`),
    names,
    specificity: segments.filter((s) => !s.startsWith('{')).length,
  };
};

/** Everything the gateway sends carries the security headers (shared/middleware/security-headers.ts). */
const send = (res: ServerResponse, response: LocalResponse): void => {
  res.writeHead(response.status, securityHeaders(response.headers));
  res.end(response.body);
};

const jsonMessage = (status: number, message: string): LocalResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ message }),
});

/**
 * True when the path's percent-encoding cannot be decoded (`%E0%A4%A`, a lone `%`). API
 * Gateway answers those with 400 before any route; decoding them later would throw (a 500).
 */
const malformedPath = (path: string): boolean => {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
};

const NO_BODY = Buffer.alloc(0);

/** A request target `new URL` would hand back unchanged (no dot segment, escape or odd character). */
const PLAIN_TARGET = /^\/(?!\/)[A-Za-z0-9_~\-/]*(\?[A-Za-z0-9_~\-.%&=+,:@*!$'()/;]*)?$/;

/** The path and query of a request target, parsed as `new URL` does (which runs only where it would change something). */
export const parseTarget = (target: string): { path: string; query: URLSearchParams } => {
  if (PLAIN_TARGET.test(target)) {
    const at = target.indexOf('?');
    return at < 0 ? { path: target, query: new URLSearchParams() } : { path: target.slice(0, at), query: new URLSearchParams(target.slice(at + 1)) };
  }
  const url = new URL(target, 'http://localhost');
  return { path: url.pathname, query: url.searchParams };
};

const readBody = (req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> | Buffer => {
  // Without Content-Length or Transfer-Encoding an HTTP/1.1 request has no body (most GETs):
  // nothing to wait for.
  const length = req.headers['content-length'];
  if ((length === undefined || length === '0') && req.headers['transfer-encoding'] === undefined) {
    req.resume();
    return NO_BODY;
  }
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(size > limit ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
};

const isText = (contentType: string | undefined): boolean =>
  !contentType || /^(text\/|application\/(.+\+)?(json|xml|x-www-form-urlencoded)|application\/javascript)/i.test(contentType);

const lambdaContext = (route: AnyOperation): Context => {
  const started = Date.now();
  const timeoutMs = (route.timeout ?? 10) * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `local-${route.id}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:local-${route.id}`,
    memoryLimitInMB: String(route.memorySize ?? 256),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/local-${route.id}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

/** Maps a Lambda result to HTTP the way API Gateway's payload format 2.0 does. */
const toResponse = (result: APIGatewayProxyResultV2): LocalResponse => {
  if (typeof result === 'object' && result !== null && 'statusCode' in result && result.statusCode !== undefined) {
    const headers: Record<string, string> = { ...(result.headers as Record<string, string> | undefined) };
    const body = result.body === undefined ? undefined : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
    return { status: result.statusCode, headers, ...(body !== undefined && { body }) };
  }
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) };
};

export const createGateway = (options: GatewayOptions) => {
  const compiled = options.operations.map(compile).sort((a, b) => b.specificity - a.specificity);
  // A path without parameters is found by one lookup (it is the most specific match of its
  // length); only the others are tried in order of specificity.
  const exact = new Map(compiled.filter((c) => c.names.length === 0).map((c) => [`${c.route.method} ${c.route.path}`, c.route]));
  const parameterised = compiled.filter((c) => c.names.length > 0);
  const handlers = new Map<string, Promise<LambdaHandler>>();
  const allowed = options.corsOrigin ?? ((origin: string) => LOCAL_ORIGIN.test(origin));
  // A repeat token gets the same payload from verifyJwt's cache: flatten its claims once.
  const flatClaims = new WeakMap<JWTPayload, Record<string, string>>();
  const maxPayload = options.maxPayloadBytes ?? 10 * 1024 * 1024;

  const load = (entry: string): Promise<LambdaHandler> => {
    let handler = handlers.get(entry);
    if (!handler) {
      handler = import(pathToFileURL(resolve(options.root, entry)).href).then((module: { handler?: LambdaHandler }) => {
        if (typeof module.handler !== 'function') throw new Error(`${entry} does not export a handler`);
        return module.handler;
      });
      handlers.set(entry, handler);
    }
    return handler;
  };

  const match = (method: string, path: string) => {
    const route = exact.get(`${method} ${path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path}`);
    if (route) return { route, params: {} };
    for (const candidate of parameterised) {
      if (candidate.route.method !== method) continue;
      const found = candidate.pattern.exec(path);
      if (found) {
        const params = Object.fromEntries(candidate.names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]));
        return { route: candidate.route, params };
      }
    }
    return undefined;
  };

  const invoke = async (request: LocalRequest, sourceIp: string): Promise<LocalResponse> => {
    if (malformedPath(request.path)) return jsonMessage(400, 'Bad Request');
    const found = match(request.method, request.path);
    if (!found) return jsonMessage(404, 'Not Found');
    const { route, params } = found;
    let claims: Record<string, string> | undefined;
    if (route.auth === 'required') {
      const token = bearerToken(request.headers.authorization);
      if (!token) return { ...jsonMessage(401, 'Unauthorized'), headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' } };
      try {
        const payload = await verifyJwt(token, options.jwt, options.keys);
        let flat = flatClaims.get(payload);
        if (!flat) flatClaims.set(payload, (flat = toGatewayClaims(payload)));
        claims = { ...flat };
      } catch {
        return {
          ...jsonMessage(401, 'Unauthorized'),
          headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token"' },
        };
      }
    }
    const now = new Date();
    const requestId = randomUUID();
    const query: Record<string, string> = {};
    for (const [key, value] of request.query) query[key] = key in query ? `${query[key]},${value}` : value;
    const text = isText(request.headers['content-type']);
    const event: HttpEvent = {
      version: '2.0',
      routeKey: `${route.method} ${route.path}`,
      rawPath: request.path,
      rawQueryString: request.query.toString(),
      headers: request.headers,
      ...(Object.keys(query).length > 0 && { queryStringParameters: query }),
      ...(route.path.includes('{') && { pathParameters: params }),
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: request.headers.host ?? 'localhost',
        domainPrefix: 'localhost',
        http: {
          method: request.method,
          path: request.path,
          protocol: 'HTTP/1.1',
          sourceIp,
          userAgent: request.headers['user-agent'] ?? '',
        },
        requestId,
        routeKey: `${route.method} ${route.path}`,
        stage: '$default',
        time: now.toUTCString(),
        timeEpoch: now.getTime(),
        ...(claims && { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } } }),
      },
      ...(request.body.length > 0 && {
        body: text ? request.body.toString('utf8') : request.body.toString('base64'),
      }),
      isBase64Encoded: request.body.length > 0 && !text,
    };
    try {
      const handler = await load(route.entry);
      return toResponse(await handler(event, lambdaContext(route)));
    } catch (error) {
      // A handler that throws past its middleware is what API Gateway reports as a 500.
      console.error(`[gateway] ${route.id} failed`, error);
      return jsonMessage(500, 'Internal Server Error');
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { path, query } = parseTarget(req.url ?? '/');
    const read = readBody(req, maxPayload);
    const body = read === NO_BODY ? NO_BODY : await read;
    if (body === 'too-large') return send(res, jsonMessage(413, 'Request Entity Too Large'));
    const headers: Record<string, string> = {};
    for (const name in req.headers) {
      const value = req.headers[name];
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
    }
    const request: LocalRequest = { method: req.method ?? 'GET', path, query, headers, body };
    // CORS as API Gateway applies it (infra/cors.ts): it answers the preflight itself, before
    // any route or authorizer, and adds the headers to every answer to an allowed origin.
    if (request.method === 'OPTIONS' && headers['access-control-request-method']) {
      return send(res, { status: 204, headers: preflightHeaders(headers.origin, allowed) });
    }
    const cors = headers.origin === undefined ? undefined : corsHeaders(headers.origin, allowed);
    const respond = (response: LocalResponse) => send(res, cors ? { ...response, headers: { ...response.headers, ...cors } } : response);
    if (malformedPath(request.path)) return respond(jsonMessage(400, 'Bad Request'));
    for (const local of options.localRoutes ?? []) {
      if (local.method !== request.method) continue;
      const found = typeof local.path === 'string' ? (local.path === request.path ? null : undefined) : local.path.exec(request.path) ?? undefined;
      if (found === undefined) continue;
      return respond(await local.handle(request, found));
    }
    respond(await invoke(request, req.socket.remoteAddress ?? '127.0.0.1'));
  };

  return {
    invoke,
    listen(port: number, host = '127.0.0.1'): Promise<Server> {
      const server = createServer((req, res) => {
        handle(req, res).catch((error: unknown) => {
          console.error('[gateway] request failed', error);
          if (!res.headersSent) send(res, jsonMessage(500, 'Internal Server Error'));
        });
      });
      server.keepAliveTimeout = 5000;
      return new Promise((resolvePromise, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolvePromise(server));
      });
    },
  };
};
