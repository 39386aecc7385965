/**
 * ApplicationReview (Standard): screens an application, waits for the organisation's managers
 * when the opportunity requires approval, and reserves a seat (or a waitlist place).
 *
 *   Screen ─ineligible──────────────────────────────────────────────→ RejectIneligible
 *     ├─no approval required────────────────────────────────────────→ ReserveSeat
 *     └→ RequestDecision → AwaitDecision ─approve→ ScreenAgain ─eligible→ ReserveSeat
 *                            │  72 h  └ApplicationRejected→ Reject  └ineligible→ RejectIneligible
 *                            ↓ States.Timeout
 *                          NudgeManagers → AwaitDecisionAgain ─approve→ ScreenAgain …
 *                                            │ 72 h └ApplicationRejected→ Reject
 *                                            ↓ States.Timeout
 *                                          Expire
 *   Any step → ApplicationClosed / ApplicationWithdrawn (the volunteer withdrew) → Closed
 *
 * The wait states call AwaitDecision with the task token, which keeps it on the application
 * item (never returned to a client); the decision route resumes the execution with
 * SendTaskSuccess (approve) or SendTaskFailure `ApplicationRejected`; a withdrawal sends
 * `ApplicationWithdrawn`. ScreenAgain re-checks everything that can change during a wait of
 * days (charter version, profile, the opportunity, the volunteer's other bookings). Every step
 * is idempotent (see shared/domain/applications/review.ts), so transient failures are retried.
 */
import { defineWorkflow, hours, lambdaTask, waitForDecision, type AslObject } from '../../../shared/workflows/definition.js';

export const APPLICATION_REVIEW = 'ApplicationReview';
export const APPLICATION_REJECTED = 'ApplicationRejected';
export const APPLICATION_WITHDRAWN = 'ApplicationWithdrawn';
export const APPLICATION_CLOSED = 'ApplicationClosed';
export const DECISION_TIMEOUT_SECONDS = /* @__PURE__ */ hours(72);

/** Execution name derived from the application id: a retried start finds the same execution. */
export const reviewExecutionName = (applicationId: string) => `app-${applicationId}`;

const entry = (step: string) => `functions/workflows/application-review/${step}.ts`;

/** A closed application is final: never retried, caught below. Anything else is transient. */
const RETRY: readonly AslObject[] = [
  { ErrorEquals: [APPLICATION_CLOSED], MaxAttempts: 0 },
  { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 },
];
const CLOSED: AslObject = { ErrorEquals: [APPLICATION_CLOSED, APPLICATION_WITHDRAWN], ResultPath: '$.closed', Next: 'Closed' };
const ON_REJECTION: AslObject = { ErrorEquals: [APPLICATION_REJECTED], ResultPath: '$.rejection', Next: 'Reject' };

const step = (taskId: string, next: { Next: string } | { End: true }) => lambdaTask(taskId, { ...next, Retry: RETRY, Catch: [CLOSED] });

export const applicationReview = /* @__PURE__ */ defineWorkflow({
  name: APPLICATION_REVIEW,
  tasks: {
    Screen: { entry: /* @__PURE__ */ entry('screen'), needs: ['table:read'] },
    RejectIneligible: { entry: /* @__PURE__ */ entry('reject-ineligible'), needs: ['table:read', 'table:write', 'events'] },
    RequestDecision: { entry: /* @__PURE__ */ entry('request-decision'), needs: ['table:read', 'table:write', 'events'] },
    AwaitDecision: { entry: /* @__PURE__ */ entry('await-decision'), needs: ['table:read', 'table:write'] },
    NudgeManagers: { entry: /* @__PURE__ */ entry('nudge-managers'), needs: ['table:read', 'table:write', 'events'] },
    ReserveSeat: { entry: /* @__PURE__ */ entry('reserve-seat'), needs: ['table:read', 'table:write', 'events'], timeout: 60 },
    Reject: { entry: /* @__PURE__ */ entry('reject'), needs: ['table:read', 'table:write', 'events'] },
    Expire: { entry: /* @__PURE__ */ entry('expire'), needs: ['table:read', 'table:write', 'events'] },
  },
  asl: {
    Comment:
      'Reviews an application: screening, the managers’ decision (72 h, a nudge, 72 h more) when approval is required, then a seat, a waitlist place, a rejection or expiry.',
    StartAt: 'Screen',
    States: {
      Screen: /* @__PURE__ */ step('Screen', { Next: 'Route' }),
      Route: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.eligible', BooleanEquals: false, Next: 'RejectIneligible' },
          { Variable: '$.requiresApproval', BooleanEquals: false, Next: 'ReserveSeat' },
        ],
        Default: 'RequestDecision',
      },
      RequestDecision: /* @__PURE__ */ step('RequestDecision', { Next: 'AwaitDecision' }),
      AwaitDecision: /* @__PURE__ */ waitForDecision('AwaitDecision', {
        timeoutSeconds: DECISION_TIMEOUT_SECONDS,
        onTimeout: 'NudgeManagers',
        Catch: [ON_REJECTION, CLOSED],
        Next: 'ScreenAgain',
      }),
      NudgeManagers: /* @__PURE__ */ step('NudgeManagers', { Next: 'AwaitDecisionAgain' }),
      AwaitDecisionAgain: /* @__PURE__ */ waitForDecision('AwaitDecision', {
        timeoutSeconds: DECISION_TIMEOUT_SECONDS,
        onTimeout: 'Expire',
        Catch: [ON_REJECTION, CLOSED],
        Next: 'ScreenAgain',
      }),
      ScreenAgain: /* @__PURE__ */ step('Screen', { Next: 'RouteAfterDecision' }),
      RouteAfterDecision: {
        Type: 'Choice',
        Choices: [{ Variable: '$.eligible', BooleanEquals: false, Next: 'RejectIneligible' }],
        Default: 'ReserveSeat',
      },
      ReserveSeat: /* @__PURE__ */ step('ReserveSeat', { End: true }),
      RejectIneligible: /* @__PURE__ */ step('RejectIneligible', { End: true }),
      Reject: /* @__PURE__ */ step('Reject', { End: true }),
      Expire: /* @__PURE__ */ step('Expire', { End: true }),
      Closed: { Type: 'Succeed', Comment: 'The volunteer withdrew, or the application ended elsewhere: nothing left to do.' },
    },
  },
});
