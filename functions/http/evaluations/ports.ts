/** The ports the evaluation handlers hand to the service. */
import { systemClock } from '../../../shared/clock.js';
import { attendanceReads } from '../../../shared/db/attendance-reads.js';
import { evaluationRepository } from '../../../shared/db/evaluation-repository.js';
import type { EvaluationDeps } from '../../../shared/domain/evaluations/ports.js';

export const evaluationPorts = (): EvaluationDeps => {
  const repo = evaluationRepository();
  return { repo, shifts: { shift: (id) => repo.shift(id) }, attendance: attendanceReads(), clock: systemClock };
};
