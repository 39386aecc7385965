/** POST /v1/companies/{companyId}/programs/{programId}/participations: an employee tags an application with the programme. */
import * as programs from '../../../shared/domain/companies/programs.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { created } from '../../../shared/middleware/responses.js';
import { programPorts } from './ports.js';
import { participateInProgram } from './routes.js';

export const handler = http(participateInProgram, { idempotency: idempotent }).handler(async ({ path, body, caller }) =>
  created(await programs.participate(programPorts(), caller, path.companyId, path.programId, body.applicationId)),
);
