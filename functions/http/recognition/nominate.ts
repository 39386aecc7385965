/** POST /v1/organizations/{orgId}/nominations: the managers' volunteer of the month. */
import * as recognition from '../../../shared/domain/recognition/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { recognitionStore } from './store.js';
import { nominateVolunteer } from './routes.js';

export const handler = http(nominateVolunteer).handler(async ({ caller, path, body }) =>
  ok(await recognition.nominate(recognitionStore(), caller, path.orgId, body)),
);
