/** POST /v1/rewards: a ministry-admin adds a reward to the catalogue. */
import * as recognition from '../../../shared/domain/recognition/service.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { created } from '../../../shared/middleware/responses.js';
import { recognitionStore } from './store.js';
import { createReward } from './routes.js';

export const handler = http(createReward, { idempotency: idempotent }).handler(async ({ caller, body }) => {
  const reward = await recognition.createReward(recognitionStore(), caller, body);
  return created(reward, `/v1/rewards/${reward.id}`);
});
