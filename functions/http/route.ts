/**
 * The shape of one HTTP route. The route table (routes.ts) is read by the CDK HttpApi
 * construct (one Lambda per distinct `entry`, authorizer per `auth`, grants per `needs`),
 * by the local gateway (same paths, same JWT rules, same handler modules) and by the
 * OpenAPI generator (`docs`).
 */
import type { z } from 'zod';

import type { HttpMethod } from './operation.js';

export type { HttpMethod };

import type { Need } from './operation.js';

export type { Need };

export interface RouteDocs {
  readonly summary: string;
  readonly tags: readonly string[];
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  /** Success status → response schema (omit the schema for an empty body). */
  readonly responses: Readonly<Record<number, z.ZodType | { readonly description: string; readonly contentType: string }>>;
  /** Error statuses this route can answer with (problem+json). */
  readonly errors?: readonly number[];
  readonly idempotent?: boolean;
}

export interface Route {
  /** PascalCase, stable: the construct id of the function and the OpenAPI operationId. */
  readonly id: string;
  readonly method: HttpMethod;
  /** API Gateway path template, e.g. `/v1/opportunities/{id}`. */
  readonly path: string;
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  /**
   * `required`: behind the JWT authorizer. `optional`/`none`: no authorizer (public); with
   * `optional` the handler verifies a bearer token itself if one is sent.
   */
  readonly auth: 'required' | 'optional' | 'none';
  readonly needs: readonly Need[];
  /** @default 256 */
  readonly memorySize?: number;
  /** Seconds. @default 10 */
  readonly timeout?: number;
  readonly docs: RouteDocs;
}

export const defineRoutes = <const T extends readonly Route[]>(routes: T): T => routes;
