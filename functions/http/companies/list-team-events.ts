/** GET /v1/companies/{companyId}/team-events: the company's team events, for its admins and employees. */
import * as teams from '../../../shared/domain/companies/team-events.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { teamListPorts } from './ports.js';
import { listTeamEvents } from './routes.js';

export const handler = http(listTeamEvents).handler(async ({ path, caller }) => ok(await teams.listTeamEvents(teamListPorts(), caller, path.companyId)));
