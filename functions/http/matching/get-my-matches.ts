/** GET /v1/volunteers/me/matches: the caller's ranked matches with reasons, invitation and one-step application. */
import { matchingReads } from '../../../shared/db/matching-reads.js';
import { matchingTrainingReads } from '../../../shared/db/matching-training-reads.js';
import { myMatches } from '../../../shared/domain/matching/read.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { getMyMatches } from './routes.js';

export const handler = http(getMyMatches).handler(async ({ query, caller }) => ok(await myMatches({ ...matchingReads(), ...matchingTrainingReads() }, caller, query)));
