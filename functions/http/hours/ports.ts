/** The composition root of attendance and hours: the real adapters behind the domain's ports. */
import type { HoursDeps, VerificationWorkflow } from '../../../shared/domain/hours/ports.js';
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

/** Every port of attendance and hours; the list and rate reads take hoursReadPorts() (reads.ts), without the workflow client or the code key. */
export const hoursPorts = (): HoursDeps => ({
  ...hoursReadPorts(),
  codeKey: attendanceCodeKey,
  workflow: verification,
});
