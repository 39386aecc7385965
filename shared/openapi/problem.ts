/**
 * The error bodies of the API as zod schemas, for the OpenAPI document only: the handler
 * stack builds them in shared/middleware/problem.ts, and the type check at the end of this
 * file keeps the two in step.
 */
import * as z from '../zod.js';
import type { Problem } from '../middleware/problem.js';

export const FieldErrorDocument = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    path: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'dotted path of the offending field, e.g. `skills.0.level` or `query.limit`'),
    message: /* @__PURE__ */ z.string(),
  }), { id: 'FieldError' });

export const ProblemDocument = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    type: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'URI of the problem type, e.g. https://tatawwu.sa/problems/validation-failed'),
    title: /* @__PURE__ */ z.string(),
    status: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(400), /* @__PURE__ */ z.lte(599)),
    detail: /* @__PURE__ */ z.string(),
    instance: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), 'the request path'),
    errors: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(FieldErrorDocument)), 'one entry per invalid field (400 and 422)'),
  }), {
    id: 'Problem',
    description: 'RFC 9457 problem details. Never carries a stack trace.',
    examples: [
      {
        type: 'https://tatawwu.sa/problems/validation-failed',
        title: 'Unprocessable content',
        status: 422,
        detail: 'invalid body: nationalId check digit does not match',
        instance: '/v1/volunteers',
        errors: [{ path: 'nationalId', message: 'check digit does not match' }],
      },
    ],
  });

/** What API Gateway's JWT authorizer (and the local gateway) answers before any handler runs. */
export const GatewayMessageDocument = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({ message: /* @__PURE__ */ z.string() }), { id: 'GatewayMessage', description: 'answer of the gateway itself, e.g. `{"message":"Unauthorized"}`', examples: [{ message: 'Unauthorized' }] });

// Compile-time guard: the documented shape accepts every problem the middleware builds.
type Assignable<A, B extends A> = B;
type DocumentedProblem = Omit<z.output<typeof ProblemDocument>, 'errors'> & {
  readonly errors?: readonly z.output<typeof FieldErrorDocument>[];
};
export type ProblemMatchesMiddleware = Assignable<DocumentedProblem, Problem>;
