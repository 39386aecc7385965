/** POST /v1/companies/{companyId}/programs/{programId}/participations/{participationId}/decision: an admin approves (reserves) or rejects. */
import * as programs from '../../../shared/domain/companies/programs.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { programPorts } from './ports.js';
import { decideParticipation } from './routes.js';

export const handler = http(decideParticipation).handler(async ({ path, body, caller }) => ok(await programs.decideParticipation(programPorts(), caller, path, body)));
