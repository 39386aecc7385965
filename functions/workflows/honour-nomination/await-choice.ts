/** AwaitChoice (.waitForTaskToken): keeps the task token on the honour; the ministry's decision route resumes the execution. */
import * as honours from '../../../shared/domain/recognition/honours.js';
import { task } from '../../../shared/middleware/task.js';
import { decisionRequest } from '../../../shared/workflows/definition.js';
import { systemClock } from '../../../shared/clock.js';
import { recognitionHonours } from '../../../shared/db/recognition-honours.js';
import { StepInput } from './ports.js';

export const handler = task(decisionRequest(StepInput), async ({ input, taskToken }) => {
  // The honours' store alone (recognition-honours.ts), not the recognition repository (issue 17).
  await honours.awaitHonourChoice({ repo: recognitionHonours(), clock: systemClock }, input.honourId, taskToken);
});
