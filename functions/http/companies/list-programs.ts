/** GET /v1/companies/{companyId}/programs: the company's programmes, for its admins and employees. */
import * as programs from '../../../shared/domain/companies/programs.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { programPorts } from './ports.js';
import { listPrograms } from './routes.js';

export const handler = http(listPrograms).handler(async ({ path, caller }) => ok(await programs.listPrograms(programPorts(), caller, path.companyId)));
