/**
 * The ports the application handlers hand to the service: the real adapters, built per call,
 * each handler only those it uses, and the ApplicationReview workflow.
 */
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { applicationCoreRepository, applicationRepository } from '../../../shared/db/application-repository.js';
import { opportunityReads } from '../../../shared/db/opportunity-reads.js';
import { trainingCompletions } from '../../../shared/db/training-completions.js';
import { screeningProfiles } from '../../../shared/db/volunteer-fields.js';
import { DecisionNotOpenError } from '../../../shared/domain/applications/errors.js';
import type { ApplicationDeps, ReviewWorkflow } from '../../../shared/domain/applications/ports.js';
import type { DecisionDeps, SubmitDeps } from '../../../shared/domain/applications/service.js';
import { decisionNotOpenText, resumeDecision, workflowClient } from '../../../shared/workflows/client.js';
import { WorkflowTaskClosedError } from '../../../shared/workflows/errors.js';
import {
  APPLICATION_REJECTED,
  APPLICATION_REVIEW,
  APPLICATION_WITHDRAWN,
  reviewExecutionName,
} from '../../workflows/application-review/definition.js';

const startReview: ReviewWorkflow['start'] = async (applicationId) => {
  await workflowClient().start(APPLICATION_REVIEW, { applicationId }, { executionName: reviewExecutionName(applicationId) });
};

export const reviewWorkflow = (): ReviewWorkflow => ({
  start: startReview,
  resume: (taskToken, decision) =>
    resumeDecision(taskToken, decision, {
      rejectedError: APPLICATION_REJECTED,
      rejectedCause: 'rejected by a manager of the organisation',
      notOpen: (cause) =>
        new DecisionNotOpenError(decisionNotOpenText(cause.reason, 'decide again once the managers are reminded'), { cause }),
    }),
  async cancel(taskToken) {
    try {
      await workflowClient().sendTaskFailure(taskToken, APPLICATION_WITHDRAWN, 'withdrawn by the volunteer');
    } catch (error) {
      // Nothing waits on that token any more (timed out, or the review is between two waits):
      // the next step finds the application withdrawn and ends the review.
      if (!(error instanceof WorkflowTaskClosedError)) throw error;
    }
  },
});

/** The reads (one application, the volunteer's list, the organisation's queue): the table and the clock, no Step Functions client (issue 17). */
export const applicationReadPorts = (): Pick<ApplicationDeps, 'repo' | 'clock'> => ({ repo: applicationRepository(), clock: systemClock });

/** The lists (the volunteer's, the organisation's queue): the application reads of application-core.ts and the clock; no seat, waitlist or decision writes (issue 17). */
export const applicationListPorts = () => ({ repo: applicationCoreRepository(), clock: systemClock });

/** Decisions and withdrawals: the table, the clock and the review workflow; no volunteer, opportunity or training repository (issue 17). */
export const applicationDecisionPorts = (): DecisionDeps => ({ ...applicationReadPorts(), workflow: reviewWorkflow() });

/**
 * Applying: the profile fields screening reads (a projection), the opportunity, the training
 * completions, creating the application and starting its review; no volunteer or training
 * repository, no seat, waitlist or decision writes (issue 17).
 */
export const submitPorts = (): SubmitDeps => ({
  repo: applicationCoreRepository(),
  volunteers: screeningProfiles(),
  opportunities: opportunityReads(),
  training: trainingCompletions(),
  clock: systemClock,
  ids: () => ulid(),
  workflow: { start: startReview },
});
