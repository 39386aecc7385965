/** GET /v1/targets: the target history (ministry). */
import { targetHistory } from '../../../shared/domain/impact/targets.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { impactPorts } from './ports.js';
import { getTargets } from './routes.js';

export const handler = http(getTargets).handler(async ({ caller }) => ok(await targetHistory(impactPorts(), caller)));
