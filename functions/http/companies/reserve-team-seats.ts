/** POST /v1/companies/{companyId}/team-events: an admin takes N seats on a shift for the team, all or none. */
import * as teams from '../../../shared/domain/companies/team-events.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { created } from '../../../shared/middleware/responses.js';
import { teamReservePorts } from './ports.js';
import { reserveTeamSeats } from './routes.js';

export const handler = http(reserveTeamSeats, { idempotency: idempotent }).handler(async ({ path, body, caller }) => created(await teams.reserveTeamSeats(teamReservePorts(), caller, path.companyId, body)));
