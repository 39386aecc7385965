/**
 * The onboarding workflow, declared once for everything the ministry vets (organisations,
 * companies): each kind is an instance of this definition with its own name, task handlers
 * and error names, so both state machines always have the same shape.
 *
 *   Validate ──<Kind>Invalid────────────────────────────────────────────────────┐
 *     ↓                                                                          ↓
 *   NotifyReviewers → AwaitDecision ──approve──→ Approve             <Kind>Rejected → Reject
 *                       │ 7 days                                                 ↑
 *                       ↓ States.Timeout                                         │
 *                     RemindReviewers → AwaitDecisionAgain ──approve──→ Approve  │
 *                                         │ 7 days  └──<Kind>Rejected────────────┘
 *                                         ↓ States.Timeout
 *                                       Expire
 *
 * The wait states call AwaitDecision with the task token, which keeps it on the vetted item
 * (never in an email or link); the decision route resumes the execution with SendTaskSuccess
 * (approve) or SendTaskFailure `<Kind>Rejected` (reject). Every step after Validate is
 * idempotent, so it is retried on any failure.
 */
import type { Need } from '../http/operation.js';
import { days, defineWorkflow, lambdaTask, waitForDecision, type AslObject, type WorkflowDefinition } from '../../shared/workflows/definition.js';

export const DECISION_TIMEOUT_SECONDS = /* @__PURE__ */ days(7);

export interface OnboardingKind {
  /** PascalCase workflow name, e.g. `CompanyOnboarding`. */
  readonly name: string;
  /** The folder of the task handlers under functions/workflows/ (one file per step, same names). */
  readonly folder: string;
  /** What is vetted, for the state machine's comment: `a registered company`. */
  readonly subject: string;
  /** The error the decision route fails the wait with on a rejection. */
  readonly rejectedError: string;
  /** The error Validate throws to send the registration to the rejection path. */
  readonly invalidError: string;
  /** Needs of the Approve step besides the table, events and email (e.g. `cognito` to grant a group). */
  readonly approveNeeds?: readonly Need[];
}

/** Idempotent steps: transient failures (DynamoDB, SES) are retried. */
const RETRY: AslObject = { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 };

export const defineOnboarding = (kind: OnboardingKind): WorkflowDefinition => {
  const entry = (step: string) => `functions/workflows/${kind.folder}/${step}.ts`;
  const onRejection: AslObject = { ErrorEquals: [kind.rejectedError], ResultPath: '$.rejection', Next: 'Reject' };
  return defineWorkflow({
    name: kind.name,
    tasks: {
      Validate: { entry: entry('validate'), needs: ['table:read'] },
      NotifyReviewers: { entry: entry('notify-reviewers'), needs: ['table:read', 'notify'] },
      AwaitDecision: { entry: entry('await-decision'), needs: ['table:read', 'table:write'] },
      RemindReviewers: { entry: entry('remind-reviewers'), needs: ['table:read', 'table:write', 'notify'] },
      Approve: { entry: entry('approve'), needs: ['table:read', 'table:write', 'events', 'notify', ...(kind.approveNeeds ?? [])] },
      Reject: { entry: entry('reject'), needs: ['table:read', 'table:write', 'events', 'notify'] },
      Expire: { entry: entry('expire'), needs: ['table:read', 'table:write', 'notify'] },
    },
    asl: {
      Comment: `Vets ${kind.subject}: validation, ministry decision (7 days, a reminder, 7 more days), then active, rejected or expired.`,
      StartAt: 'Validate',
      States: {
        Validate: lambdaTask('Validate', {
          Next: 'NotifyReviewers',
          Catch: [{ ErrorEquals: [kind.invalidError], ResultPath: '$.rejection', Next: 'Reject' }],
        }),
        NotifyReviewers: lambdaTask('NotifyReviewers', { Next: 'AwaitDecision', Retry: [RETRY] }),
        AwaitDecision: waitForDecision('AwaitDecision', {
          timeoutSeconds: DECISION_TIMEOUT_SECONDS,
          onTimeout: 'RemindReviewers',
          Catch: [onRejection],
          Next: 'Approve',
        }),
        RemindReviewers: lambdaTask('RemindReviewers', { Next: 'AwaitDecisionAgain', Retry: [RETRY] }),
        AwaitDecisionAgain: waitForDecision('AwaitDecision', {
          timeoutSeconds: DECISION_TIMEOUT_SECONDS,
          onTimeout: 'Expire',
          Catch: [onRejection],
          Next: 'Approve',
        }),
        Approve: lambdaTask('Approve', { End: true, Retry: [RETRY] }),
        Reject: lambdaTask('Reject', { End: true, Retry: [RETRY] }),
        Expire: lambdaTask('Expire', { End: true, Retry: [RETRY] }),
      },
    },
  });
};
