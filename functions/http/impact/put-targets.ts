/** PUT /v1/targets: a ministry-admin adds national targets to the history. */
import { putTargets as setTargets } from '../../../shared/domain/impact/targets.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { impactPorts } from './ports.js';
import { putTargets } from './routes.js';

export const handler = http(putTargets).handler(async ({ body, caller }) => ok(await setTargets(impactPorts(), caller, body)));
