/** The composition root of attendance and hours: the real adapters behind the domain's ports. */
import { trainingRepository } from '../../../shared/db/training-repository.js';
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { hoursRepository } from '../../../shared/db/hours-repository.js';
import { volunteerRepository } from '../../../shared/db/volunteer-repository.js';
import type { HoursDeps, VerificationWorkflow } from '../../../shared/domain/hours/ports.js';
import { attendanceCodeKey } from '../../../shared/security/attendance-code-key.js';
import { workflowClient } from '../../../shared/workflows/client.js';
import { WorkflowTaskClosedError } from '../../../shared/workflows/errors.js';
import { HOURS_VERIFICATION, verificationExecutionName } from '../../workflows/hours-verification/definition.js';

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

export const hoursPorts = (): HoursDeps => ({
  repo: hoursRepository(),
  volunteers: volunteerRepository(),
  codeKey: attendanceCodeKey,
  workflow: verification,
  training: trainingRepository(),
  clock: systemClock,
  ids: () => ulid(),
});
