/**
 * OrganizationOnboarding (Standard): vets a registered organisation.
 *
 *   Validate ──OrganizationInvalid──────────────────────────────────────────────┐
 *     ↓                                                                          ↓
 *   NotifyReviewers → AwaitDecision ──approve──→ Approve        OrganizationRejected → Reject
 *                       │ 7 days                                                 ↑
 *                       ↓ States.Timeout                                         │
 *                     RemindReviewers → AwaitDecisionAgain ──approve──→ Approve  │
 *                                         │ 7 days  └──OrganizationRejected──────┘
 *                                         ↓ States.Timeout
 *                                       Expire
 *
 * The wait states call AwaitDecision with the task token, which keeps it on the organisation
 * item (never in an email or link); the decision route resumes the execution with
 * SendTaskSuccess (approve) or SendTaskFailure `OrganizationRejected` (reject). Every step after
 * Validate is idempotent, so it is retried on any failure.
 */
import { days, defineWorkflow, lambdaTask, waitForDecision, type AslObject } from '../../../shared/workflows/definition.js';

export const ORGANIZATION_REJECTED = 'OrganizationRejected';
export const ORGANIZATION_INVALID = 'OrganizationInvalid';
export const DECISION_TIMEOUT_SECONDS = days(7);

const entry = (step: string) => `functions/workflows/organization-onboarding/${step}.ts`;

/** Idempotent steps: transient failures (DynamoDB, SES) are retried. */
const RETRY: AslObject = { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 };
const ON_REJECTION: AslObject = { ErrorEquals: [ORGANIZATION_REJECTED], ResultPath: '$.rejection', Next: 'Reject' };

export const organizationOnboarding = defineWorkflow({
  name: 'OrganizationOnboarding',
  tasks: {
    Validate: { entry: entry('validate'), needs: ['table:read'] },
    NotifyReviewers: { entry: entry('notify-reviewers'), needs: ['table:read', 'email'] },
    AwaitDecision: { entry: entry('await-decision'), needs: ['table:read', 'table:write'] },
    RemindReviewers: { entry: entry('remind-reviewers'), needs: ['table:read', 'table:write', 'email'] },
    Approve: { entry: entry('approve'), needs: ['table:read', 'table:write', 'events', 'email'] },
    Reject: { entry: entry('reject'), needs: ['table:read', 'table:write', 'events', 'email'] },
    Expire: { entry: entry('expire'), needs: ['table:read', 'table:write', 'email'] },
  },
  asl: {
    Comment: 'Vets a registered organisation: validation, ministry decision (7 days, a reminder, 7 more days), then active, rejected or expired.',
    StartAt: 'Validate',
    States: {
      Validate: lambdaTask('Validate', {
        Next: 'NotifyReviewers',
        Catch: [{ ErrorEquals: [ORGANIZATION_INVALID], ResultPath: '$.rejection', Next: 'Reject' }],
      }),
      NotifyReviewers: lambdaTask('NotifyReviewers', { Next: 'AwaitDecision', Retry: [RETRY] }),
      AwaitDecision: waitForDecision('AwaitDecision', {
        timeoutSeconds: DECISION_TIMEOUT_SECONDS,
        onTimeout: 'RemindReviewers',
        Catch: [ON_REJECTION],
        Next: 'Approve',
      }),
      RemindReviewers: lambdaTask('RemindReviewers', { Next: 'AwaitDecisionAgain', Retry: [RETRY] }),
      AwaitDecisionAgain: waitForDecision('AwaitDecision', {
        timeoutSeconds: DECISION_TIMEOUT_SECONDS,
        onTimeout: 'Expire',
        Catch: [ON_REJECTION],
        Next: 'Approve',
      }),
      Approve: lambdaTask('Approve', { End: true, Retry: [RETRY] }),
      Reject: lambdaTask('Reject', { End: true, Retry: [RETRY] }),
      Expire: lambdaTask('Expire', { End: true, Retry: [RETRY] }),
    },
  },
});
