/** TrainingCompleted → the volunteer's training count (the trained-3 badge) and the change marker of the daily awards run, once per module. */
import * as recognition from '../../shared/domain/recognition/service.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { recognitionTrainingStore } from '../../shared/db/recognition-repository.js';
import { recognitionTraining } from './index.js';

export const handler = consumer(recognitionTraining).handler(async (event) => ({
  counted: await recognition.recordTrainingCompleted({ repo: recognitionTrainingStore() }, event.detail),
}));
