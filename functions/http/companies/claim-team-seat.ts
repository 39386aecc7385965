/** POST /v1/companies/{companyId}/team-events/{teamEventId}/claims: an employee claims a team seat (their approved application). */
import * as teams from '../../../shared/domain/companies/team-events.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { created } from '../../../shared/middleware/responses.js';
import { teamPorts } from './ports.js';
import { claimTeamSeat } from './routes.js';

export const handler = http(claimTeamSeat, { idempotency: idempotent }).handler(async ({ path, caller }) => created(await teams.claimTeamSeat(teamPorts(), caller, path.companyId, path.teamEventId)));
