/** AwaitChoice (.waitForTaskToken): keeps the task token on the honour; the ministry's decision route resumes the execution. */
import * as honours from '../../../shared/domain/recognition/honours.js';
import { task } from '../../../shared/middleware/task.js';
import { decisionRequest } from '../../../shared/workflows/definition.js';
import { recognitionStore } from '../../http/recognition/store.js';
import { StepInput } from './ports.js';

export const handler = task(decisionRequest(StepInput), async ({ input, taskToken }) => {
  await honours.awaitHonourChoice(recognitionStore(), input.honourId, taskToken);
});
