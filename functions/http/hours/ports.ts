/** The composition root of attendance and hours: the real adapters behind the domain's ports. */
import { trainingCompletions } from '../../../shared/db/training-completions.js';
import { volunteerTrackReads } from '../../../shared/db/volunteer-track.js';
import { hoursAttendance, hoursShifts, hoursWrites } from '../../../shared/db/hours-repository.js';
import type { VerificationWorkflow } from '../../../shared/domain/hours/ports.js';
import { attendanceCodeKey } from '../../../shared/security/attendance-code-key.js';
import { workflowClient } from '../../../shared/workflows/client.js';
import { WorkflowTaskClosedError } from '../../../shared/workflows/errors.js';
import { HOURS_VERIFICATION, verificationExecutionName } from '../../workflows/hours-verification/definition.js';
import { storePorts } from './reads.js';

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

/** The attendance code: the shift read and the key of the codes only (issue 17). */
export const attendanceCodePorts = () => ({ ...storePorts(hoursShifts()), codeKey: attendanceCodeKey });

/** Check-in: the shift, seat and attendance reads, the write, the key of the codes and the training gate (the completions alone, not the training repository); not the Step Functions client nor the volunteers (issue 17). */
export const codePorts = () => ({ ...storePorts({ ...hoursShifts(), ...hoursAttendance(), ...hoursWrites() }), training: trainingCompletions(), codeKey: attendanceCodeKey });

/** Decisions and disputes: the given parts of the hours store and the verification workflow; no volunteer or training reads (issue 17). */
export const decisionPorts = <R>(repo: R) => ({ ...storePorts(repo), workflow: verification });

/** What creates pending hours and starts their verification (claims, roster, check-out, the attendance close): not the Secrets Manager client nor the training reads (issue 17). */
export const verificationPorts = <R>(repo: R) => ({ ...decisionPorts(repo), volunteers: volunteerTrackReads() });

/** Check-out: checks a code and creates pending hours. */
export const hoursPorts = <R>(repo: R) => ({ ...verificationPorts(repo), codeKey: attendanceCodeKey });
