/**
 * HonourNomination (Standard): the volunteer of the month of a region or of the Kingdom, chosen
 * by the ministry from the organisations' volunteers of the month, or by the rule after 10 days.
 *
 *   AwaitChoice ──choice (POST /v1/honours/{id}/decision)──→ Award
 *     │ 10 days (States.Timeout)                      ↑
 *     └──────────────→ Award (the rule decides) ──────┘
 *   AwaitChoice finds the honour already decided (HonourAlreadyDecidedError) → Award
 *
 * The choice is written by the decision route in one conditional write on the honour (pending →
 * decided), then the wait is resumed; Award decides a still-pending honour by the rule under the
 * same condition, so whichever comes first stands, and records the award once.
 */
import { days, defineWorkflow, lambdaTask, waitForDecision, type AslObject } from '../../../shared/workflows/definition.js';

export const HONOUR_NOMINATION = 'HonourNomination';
/** The error AwaitChoice's handler throws for an honour already decided (the domain error's class name). */
export const HONOUR_DECIDED = 'HonourAlreadyDecidedError';
export const CHOICE_TIMEOUT_SECONDS = /* @__PURE__ */ days(10);

const entry = (step: string) => `functions/workflows/honour-nomination/${step}.ts`;

const RETRY: readonly AslObject[] = [
  { ErrorEquals: [HONOUR_DECIDED], MaxAttempts: 0 },
  { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 },
];

export const honourNomination = /* @__PURE__ */ defineWorkflow({
  name: HONOUR_NOMINATION,
  tasks: {
    AwaitChoice: { entry: /* @__PURE__ */ entry('await-choice'), needs: ['table:read', 'table:write'] },
    Award: { entry: /* @__PURE__ */ entry('award'), needs: ['table:read', 'table:write', 'notify'] },
  },
  asl: {
    Comment: "A region's or the Kingdom's volunteer of the month: the ministry's choice among the organisations' winners, or the rule after 10 days.",
    StartAt: 'AwaitChoice',
    States: {
      AwaitChoice: /* @__PURE__ */ waitForDecision('AwaitChoice', {
        timeoutSeconds: CHOICE_TIMEOUT_SECONDS,
        onTimeout: 'Award',
        Catch: [{ ErrorEquals: [HONOUR_DECIDED], ResultPath: '$.decided', Next: 'Award' }],
        Retry: RETRY,
        Next: 'Award',
      }),
      Award: /* @__PURE__ */ lambdaTask('Award', {
        payload: { 'honourId.$': '$.honourId' },
        Retry: [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
        End: true,
        Comment: 'A pending honour is decided by the rule; the award, its points and the public achievement are recorded once.',
      }),
    },
  },
});
