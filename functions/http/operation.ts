/**
 * One declaration per HTTP operation. An operation spec owns every fact about a route:
 * method, path, who may call it (auth, groups), its request schemas (path, query, body), its
 * responses, what it may touch (needs), whether it honours `Idempotency-Key`, and its docs.
 *
 * - The handler is built from its own spec: `export const handler = http(spec).handler(...)`.
 * - `functions/http/<area>/routes.ts` declares the area's specs and only gathers them.
 * - The CDK HttpApi construct, the local gateway, the OpenAPI generator and the README's
 *   route table (`npm run docs:routes`) all read the same specs.
 */
import type { z } from '../../shared/zod.js';
import type { Group } from '../../shared/domain/caller.js';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a Lambda may touch; the CDK turns each into a least-privilege grant. */
export type Need =
  | 'table:read'
  | 'table:write'
  | 'idempotency'
  | 'events'
  /** queue notifications: the outbox record and its NotificationQueued event (a table write), the app's base URL for links */
  | 'notify'
  /** send email through SES (the DeliverNotifications consumer only) */
  | 'email'
  /** send SMS through the region's sender ID (the DeliverNotifications consumer only) */
  | 'sms'
  | 'cognito'
  /** disable and delete users of the pool (the erasure of a person's account, issue 18) */
  | 'cognito:erase'
  /** append to the audit trail of access to personal data (PutItem/BatchWriteItem on the table only) */
  | 'audit'
  /** read the secret pepper used to hash national IDs */
  | 'national-id-pepper'
  /** sign credentials with the region's key and read its public keys (kms:Sign, kms:GetPublicKey) */
  | 'signing'
  /** read the secret key of the rotating attendance codes */
  | 'attendance-code-key'
  /** store prepared personal-data exports in the region's exports bucket (s3:PutObject, kms encrypt) */
  | 'exports:write'
  /** presign links to prepared personal-data exports (s3:GetObject, kms decrypt) */
  | 'exports:read'
  /** delete prepared personal-data exports (s3:DeleteObject; the erasure) */
  | 'exports:delete'
  | `workflow:${string}`;

/**
 * `required`: behind the JWT authorizer. `optional`/`none`: no authorizer (public); with
 * `optional` the handler verifies a bearer token itself if one is sent.
 */
export type Auth = 'required' | 'optional' | 'none';

/**
 * A zod schema (JSON), or a described body: another content type (`text/calendar`), or JSON
 * given as a plain JSON Schema where bundling zod into the handler is not worth it (`/health`).
 */
export type ResponseSpec =
  | z.ZodMiniType
  | { readonly description: string; readonly contentType: string; readonly schema?: Readonly<Record<string, unknown>> }
  /** No body (HEAD). */
  | { readonly description: string; readonly contentType?: undefined };

export interface OperationRequest<P extends z.ZodMiniType | undefined, Q extends z.ZodMiniType | undefined, B extends z.ZodMiniType | undefined> {
  readonly path?: P;
  readonly query?: Q;
  /** zod schema of the JSON body; omitted → the route takes no body. */
  readonly body?: B;
  /** @default 65536 */
  readonly maxBodyBytes?: number;
}

export interface Operation<
  P extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  Q extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  B extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  A extends Auth = Auth,
> {
  /** PascalCase, stable: the construct id of the function and the OpenAPI operationId. */
  readonly id: string;
  readonly method: HttpMethod;
  /** API Gateway path template, e.g. `/v1/opportunities/{id}`. */
  readonly path: string;
  /** Handler module, relative to the repository root; it exports `handler = http(thisSpec)…`. */
  readonly entry: string;
  readonly auth: A;
  /** The caller must be in one of these groups (403 otherwise). Record-level rules stay in the domain. */
  readonly groups?: readonly Group[];
  readonly request?: OperationRequest<P, Q, B>;
  /** Honours `Idempotency-Key` (the same key and body → the same answer, the work done once). */
  readonly idempotent?: boolean;
  /** What the function may touch (`idempotency` is implied by `idempotent`). */
  readonly needs: readonly Need[];
  /** @default 256 */
  readonly memorySize?: number;
  /** Seconds. @default 10 */
  readonly timeout?: number;
  readonly summary: string;
  readonly tags: readonly string[];
  /** Success status → response schema (omit the schema for an empty body). */
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  /** Error statuses this route can answer with (problem+json). */
  readonly errors?: readonly number[];
  /**
   * Examples: the request body and the success response body (the OpenAPI document shows them),
   * and the path and query parameters of that request (the sample events under events/http/
   * are built from them). Plain literals, so bundles can drop them with the spec.
   */
  readonly examples?: {
    readonly path?: Readonly<Record<string, string>>;
    readonly query?: Readonly<Record<string, string>>;
    readonly request?: unknown;
    readonly response?: unknown;
    /** The example of another success status whose schema differs from the first's (e.g. a 202 beside a 200), by status. */
    readonly responses?: Readonly<Record<number, unknown>>;
  };
}

/** Declares one operation; the generic parameters keep the schema types for `http(spec)`. */
export const defineOperation = <
  P extends z.ZodMiniType | undefined = undefined,
  Q extends z.ZodMiniType | undefined = undefined,
  B extends z.ZodMiniType | undefined = undefined,
  A extends Auth = 'required',
>(
  spec: Operation<P, Q, B, A>,
): Operation<P, Q, B, A> => spec;

/** The needs the CDK grants: the declared ones plus `idempotency` for idempotent operations. */
export const needsOf = (spec: Pick<Operation, 'needs' | 'idempotent'>): readonly Need[] =>
  spec.idempotent && !spec.needs.includes('idempotency') ? [...spec.needs, 'idempotency'] : spec.needs;

export type AnyOperation = Operation<z.ZodMiniType | undefined, z.ZodMiniType | undefined, z.ZodMiniType | undefined, Auth>;
