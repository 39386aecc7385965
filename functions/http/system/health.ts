import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';

export const handler = http({ auth: 'none' }).handler(async () => ok({ status: 'ok' }));
