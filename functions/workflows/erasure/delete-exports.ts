/** Erasure step deleteExports (see definition.ts and shared/domain/personal-data/erasure.ts). */
import * as erasure from '../../../shared/domain/personal-data/erasure.js';
import { task } from '../../../shared/middleware/task.js';
import { deleteExportsPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async ({ sub }) => erasure.deleteExports(deleteExportsPorts(), sub));
