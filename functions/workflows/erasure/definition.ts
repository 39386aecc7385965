/**
 * Erasure (Standard): destroys a volunteer's personal data at their request (issue 18), after
 * `DELETE /v1/volunteers/me` was confirmed with the emailed code.
 *
 *   Begin → ReleaseSeats → RevokeCertificates → DeleteExports → EraseRecords → DeleteIdentity → Finish → Erased
 *
 * Every step is idempotent (shared/domain/personal-data/erasure.ts): it finds what is left and
 * finishes it. A step that fails (a crash, a throttled table, the identity provider down) is
 * retried with backoff for about an hour; an execution that still fails can be redriven from
 * the failed step (Step Functions redrive) or started again under a new name, and completes the
 * same erasure. The tombstone written by Begin keeps replays and late events from recreating
 * the person while it runs. One execution per person: `erasure-<sub>`.
 */
import { defineWorkflow, lambdaTask, type AslObject } from '../../../shared/workflows/definition.js';

export const ERASURE = 'Erasure';

/** One execution per person: a repeated confirmation finds the same one. */
export const erasureExecutionName = (sub: string) => `erasure-${sub}`.slice(0, 80);

const entry = (step: string) => `functions/workflows/erasure/${step}.ts`;

/** A crash or a dependency down: try again, for about an hour in all. */
const RETRY: readonly AslObject[] = [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 2, MaxAttempts: 10, BackoffRate: 2, MaxDelaySeconds: 900 }];

const STEPS = ['Begin', 'ReleaseSeats', 'RevokeCertificates', 'DeleteExports', 'EraseRecords', 'DeleteIdentity', 'Finish'] as const;

export const erasure = /* @__PURE__ */ (() =>
  defineWorkflow({
    name: ERASURE,
    tasks: {
      Begin: { entry: /* @__PURE__ */ entry('begin'), needs: ['table:read', 'table:write'] },
      ReleaseSeats: { entry: /* @__PURE__ */ entry('release-seats'), needs: ['table:read', 'table:write', 'workflow:ApplicationReview'], timeout: 120 },
      RevokeCertificates: { entry: /* @__PURE__ */ entry('revoke-certificates'), needs: ['table:read', 'table:write'], timeout: 120 },
      // The files before their jobs (which name them): EraseRecords deletes the jobs with the person's items.
      DeleteExports: { entry: /* @__PURE__ */ entry('delete-exports'), needs: ['table:read', 'exports:delete'] },
      EraseRecords: { entry: /* @__PURE__ */ entry('erase-records'), needs: ['table:read', 'table:write'], timeout: 300 },
      DeleteIdentity: { entry: /* @__PURE__ */ entry('delete-identity'), needs: ['cognito:erase'] },
      Finish: { entry: /* @__PURE__ */ entry('finish'), needs: ['table:read', 'table:write'], timeout: 120 },
    },
    asl: {
      Comment: "Erases a volunteer's personal data at their request: tombstone, seats released, certificates revoked, prepared export files deleted, records scrubbed and deleted, the sign-in account deleted, the profile last.",
      StartAt: STEPS[0],
      States: {
        .../* @__PURE__ */ Object.fromEntries(
          /* @__PURE__ */ STEPS.map((step, i) => [step, lambdaTask(step, { payload: { 'sub.$': '$.sub' }, Retry: [...RETRY], Next: STEPS[i + 1] ?? 'Erased' })]),
        ),
        Erased: { Type: 'Succeed', Comment: 'Nothing personal is left; the tombstone says erased.' },
      },
    },
  }))();
