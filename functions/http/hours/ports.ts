/** The composition root of attendance and hours: the real adapters behind the domain's ports. */
import type { HoursCodeDeps, HoursDeps, HoursWorkflowDeps, VerificationWorkflow } from '../../../shared/domain/hours/ports.js';
import { attendanceCodeKey } from '../../../shared/security/attendance-code-key.js';
import { workflowClient } from '../../../shared/workflows/client.js';
import { WorkflowTaskClosedError } from '../../../shared/workflows/errors.js';
import { HOURS_VERIFICATION, verificationExecutionName } from '../../workflows/hours-verification/definition.js';
import { hoursReadPorts } from './reads.js';

const verification: VerificationWorkflow = {
  async start(hoursId, round) {
    await workflowClient().start(HOURS_VERIFICATION, { hoursId, round }, { executionName: verificationExecutionName(hoursId, round) });
  },
  async resume(taskToken, decision) {
    try {
      await workflowClient().sendTaskSuccess(taskToken, decision);
    } catch (error) {
      // The wait timed out meanwhile: the next step reads the record, sees the decision and ends.
      if (!(error instanceof WorkflowTaskClosedError)) throw error;
    }
  },
};

/** Check-in and the attendance code: the key of the codes, not the Step Functions client (issue 17). */
export const codePorts = (): HoursCodeDeps => ({ ...hoursReadPorts(), codeKey: attendanceCodeKey });

/** What starts or resumes a verification (claims, roster, decisions, disputes, the attendance close): not the Secrets Manager client (issue 17). */
export const verificationPorts = (): HoursWorkflowDeps => ({ ...hoursReadPorts(), workflow: verification });

/**
 * Every port of attendance and hours: check-out checks a code and starts a verification. The
 * reads and the writes that do neither take hoursReadPorts() (reads.ts), without either client.
 */
export const hoursPorts = (): HoursDeps => ({ ...codePorts(), workflow: verification });
