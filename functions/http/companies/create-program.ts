/** POST /v1/companies/{companyId}/programs: a company's admins create an employee volunteering programme. */
import * as programs from '../../../shared/domain/companies/programs.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { created } from '../../../shared/middleware/responses.js';
import { programPorts } from './ports.js';
import { createProgram } from './routes.js';

export const handler = http(createProgram, { idempotency: idempotent }).handler(async ({ path, body, caller }) => created(await programs.createProgram(programPorts(), caller, path.companyId, body)));
