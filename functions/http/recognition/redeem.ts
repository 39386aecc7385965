/** POST /v1/rewards/{id}/redemptions: a volunteer redeems points for a reward. */
import * as recognition from '../../../shared/domain/recognition/service.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { created } from '../../../shared/middleware/responses.js';
import { recognitionStore } from './store.js';
import { redeemReward } from './routes.js';

export const handler = http(redeemReward, { idempotency: idempotent }).handler(async ({ caller, path }) => created(await recognition.redeem(recognitionStore(), caller, path.id)));
