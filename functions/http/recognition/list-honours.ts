/** GET /v1/honours?month=: the month's region and national honours, for the ministry. */
import * as honours from '../../../shared/domain/recognition/honours.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { recognitionStore } from './store.js';
import { listHonours } from './routes.js';

export const handler = http(listHonours).handler(async ({ caller, query }) => ok(await honours.listHonours(recognitionStore(), caller, query.month)));
