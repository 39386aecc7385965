/**
 * HoursVerification (Standard): waits for the organisation's managers to decide on a pending
 * hours record, reminds them after 7 days, and after 7 more days escalates it to the ministry
 * reviewers' queue, where it waits (re-announced every 30 days) until someone decides. Nothing is
 * ever approved by the workflow itself.
 *
 *   AwaitDecision ─decided→ Decided
 *     │ 7 days
 *     ↓ States.Timeout
 *   RemindManagers ─decided meanwhile→ Decided
 *     ↓
 *   AwaitDecisionAgain ─decided→ Decided
 *     │ 7 days
 *     ↓
 *   Escalate ─decided meanwhile→ Decided
 *     ↓
 *   AwaitEscalated ─decided→ Decided
 *     │ 30 days → Escalate (announced again)
 *   Any step → HoursDecided (the record left pending) → Decided
 *
 * The decision itself is written by the decision route in one conditional write (so a second
 * or concurrent decision is a 409 whatever the workflow is doing); the route then resumes the
 * wait with SendTaskSuccess. The wait states keep their task token on the record (AwaitDecision);
 * a step that finds the record decided ends the execution quietly.
 */
import { days, defineWorkflow, lambdaTask, waitForDecision, type AslObject } from '../../../shared/workflows/definition.js';

export const HOURS_VERIFICATION = 'HoursVerification';
export const HOURS_DECIDED = 'HoursDecided';
export const REMIND_AFTER_SECONDS = /* @__PURE__ */ days(7);
export const ESCALATE_AFTER_SECONDS = /* @__PURE__ */ days(7);
export const ESCALATED_REMINDER_SECONDS = /* @__PURE__ */ days(30);

/** One execution per record and decision round: a retried start finds the same one. */
export const verificationExecutionName = (hoursId: string, round: number) => `hours-${hoursId}-${round}`;

const entry = (step: string) => `functions/workflows/hours-verification/${step}.ts`;

const RETRY: readonly AslObject[] = [
  { ErrorEquals: [HOURS_DECIDED], MaxAttempts: 0 },
  { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 },
];
const DECIDED: AslObject = { ErrorEquals: [HOURS_DECIDED], ResultPath: '$.decided', Next: 'Decided' };
const step = (taskId: string, next: string) => lambdaTask(taskId, { Next: next, Retry: RETRY, Catch: [DECIDED] });
const routeDecided = (next: string): AslObject => ({
  Type: 'Choice',
  Choices: [{ Variable: '$.decided', BooleanEquals: true, Next: 'Decided' }],
  Default: next,
});

export const hoursVerification = /* @__PURE__ */ defineWorkflow({
  name: HOURS_VERIFICATION,
  tasks: {
    AwaitDecision: { entry: /* @__PURE__ */ entry('await-decision'), needs: ['table:read', 'table:write'] },
    RemindManagers: { entry: /* @__PURE__ */ entry('remind-managers'), needs: ['table:read', 'table:write'] },
    Escalate: { entry: /* @__PURE__ */ entry('escalate'), needs: ['table:read', 'table:write'] },
  },
  asl: {
    Comment: "Verifies an hours record: the managers' decision (7 days, a reminder, 7 more days), then the ministry reviewers' queue. Never auto-approved.",
    StartAt: 'AwaitDecision',
    States: {
      AwaitDecision: /* @__PURE__ */ waitForDecision('AwaitDecision', { timeoutSeconds: REMIND_AFTER_SECONDS, onTimeout: 'RemindManagers', Catch: [DECIDED], Retry: RETRY, Next: 'Decided' }),
      RemindManagers: /* @__PURE__ */ step('RemindManagers', 'AfterReminder'),
      AfterReminder: /* @__PURE__ */ routeDecided('AwaitDecisionAgain'),
      AwaitDecisionAgain: /* @__PURE__ */ waitForDecision('AwaitDecision', { timeoutSeconds: ESCALATE_AFTER_SECONDS, onTimeout: 'Escalate', Catch: [DECIDED], Retry: RETRY, Next: 'Decided' }),
      Escalate: /* @__PURE__ */ step('Escalate', 'AfterEscalation'),
      AfterEscalation: /* @__PURE__ */ routeDecided('AwaitEscalated'),
      AwaitEscalated: /* @__PURE__ */ waitForDecision('AwaitDecision', { timeoutSeconds: ESCALATED_REMINDER_SECONDS, onTimeout: 'Escalate', Catch: [DECIDED], Retry: RETRY, Next: 'Decided' }),
      Decided: { Type: 'Succeed', Comment: 'A manager (or a ministry reviewer) decided; the decision route wrote it.' },
    },
  },
});
