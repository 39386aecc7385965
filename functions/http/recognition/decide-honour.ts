/** POST /v1/honours/{id}/decision: the ministry's choice; resumes the HonourNomination workflow. */
import * as honours from '../../../shared/domain/recognition/honours.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { honourDecisionPorts } from './ports.js';
import { decideHonour } from './routes.js';

export const handler = http(decideHonour).handler(async ({ caller, path, body }) => ok(await honours.decideHonour(honourDecisionPorts(), caller, path.id, body)));
