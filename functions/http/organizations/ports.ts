/**
 * The ports the organisation handlers hand to the service: the real adapters, built per call
 * (each is a cheap wrapper over process-wide clients).
 */
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { organizationRegistration } from '../../../shared/db/organization-registration.js';
import { organizationRepository } from '../../../shared/db/organization-repository.js';
import { DecisionNotOpenError } from '../../../shared/domain/organizations/errors.js';
import type { OnboardingWorkflow } from '../../../shared/domain/organizations/service.js';
import { decisionNotOpenText, resumeDecision, workflowClient } from '../../../shared/workflows/client.js';

export const WORKFLOW = 'OrganizationOnboarding';

/** The rejection error the state machine's Catch routes to the Reject step. */
export const REJECTED_ERROR = 'OrganizationRejected';

/** Execution name derived from the organisation id: a retried start finds the same execution. */
export const executionName = (orgId: string) => `org-${orgId}`;

/** Registering starts the onboarding and never resumes it: only `start`, no decision code in its bundle (issue 17). */
export const onboardingStart = (): Pick<OnboardingWorkflow, 'start'> => ({
  async start(orgId) {
    await workflowClient().start(WORKFLOW, { orgId }, { executionName: executionName(orgId) });
  },
});

export const onboardingWorkflow = (): OnboardingWorkflow => ({
  ...onboardingStart(),
  resume: (taskToken, decision) =>
    resumeDecision(taskToken, decision, {
      rejectedError: REJECTED_ERROR,
      rejectedCause: 'rejected by a ministry reviewer',
      notOpen: (cause) =>
        new DecisionNotOpenError(decisionNotOpenText(cause.reason, 'decide again once the reviewers are reminded'), { cause }),
    }),
});

export const organizationPorts = () => ({
  repo: organizationRepository(),
  clock: systemClock,
  ids: () => ulid(),
});

/** Registering writes and reads through the registration alone (organization-registration.ts), not the whole repository (issue 17). */
export const registrationPorts = () => ({
  repo: organizationRegistration(),
  clock: systemClock,
  ids: () => ulid(),
  workflow: onboardingStart(),
});
