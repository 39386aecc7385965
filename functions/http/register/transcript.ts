/** GET /v1/volunteers/me/transcript: the caller's register, totals and a page of entries. */
import * as register from '../../../shared/domain/register/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { registerPorts } from './ports.js';
import { getTranscript } from './routes.js';

export const handler = http(getTranscript).handler(async ({ query, caller }) => ok(await register.transcript(registerPorts(), caller, query)));
