/** GET /v1/volunteers/me/hours: the caller's hours and attendance record. */
import { hoursAttendanceSummary, hoursLists } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { storePorts } from './reads.js';
import { listMyHours } from './routes.js';

export const handler = http(listMyHours).handler(async ({ query, caller }) => ok(await hours.listMine(storePorts({ ...hoursLists(), ...hoursAttendanceSummary() }), caller, query)));
