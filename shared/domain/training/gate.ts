/**
 * The training gate other areas call: which of an opportunity's required modules the volunteer
 * has no valid completion of at a given time. Applying and screening ask it for "now";
 * check-in asks it at the check-in (a completion may expire between approval and the shift).
 */
import { missingModules } from './grading.js';
import type { TrainingCompletions } from './ports.js';

export { missingModules };

export const missingTrainings = async (port: TrainingCompletions, volunteerId: string, moduleIds: readonly string[], at: Date): Promise<string[]> => {
  if (moduleIds.length === 0) return [];
  return missingModules(moduleIds, await port.completions(volunteerId, moduleIds), at);
};
