/**
 * The ports the application handlers hand to the service: the real adapters (the same as the
 * review steps'), built per call, and the ApplicationReview workflow.
 */
import { systemClock } from '../../../shared/clock.js';
import { applicationRepository } from '../../../shared/db/application-repository.js';
import { DecisionNotOpenError } from '../../../shared/domain/applications/errors.js';
import type { ApplicationDeps, ReviewWorkflow } from '../../../shared/domain/applications/ports.js';
import type { DecisionDeps, ServiceDeps } from '../../../shared/domain/applications/service.js';
import { decisionNotOpenText, resumeDecision, workflowClient } from '../../../shared/workflows/client.js';
import { WorkflowTaskClosedError } from '../../../shared/workflows/errors.js';
import {
  APPLICATION_REJECTED,
  APPLICATION_REVIEW,
  APPLICATION_WITHDRAWN,
  reviewExecutionName,
} from '../../workflows/application-review/definition.js';
import { reviewPorts } from '../../workflows/application-review/ports.js';

export const reviewWorkflow = (): ReviewWorkflow => ({
  async start(applicationId) {
    await workflowClient().start(APPLICATION_REVIEW, { applicationId }, { executionName: reviewExecutionName(applicationId) });
  },
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

/** Decisions and withdrawals: the table, the clock and the review workflow; no volunteer, opportunity or training repository (issue 17). */
export const applicationDecisionPorts = (): DecisionDeps => ({ ...applicationReadPorts(), workflow: reviewWorkflow() });

/** The review steps' adapters plus the workflow the HTTP side starts and resumes. */
export const applicationPorts = (): ServiceDeps => ({ ...reviewPorts(), workflow: reviewWorkflow() });
