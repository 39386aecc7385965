/**
 * The hourly `matching` job: consumes the change markers the matching consumers wrote —
 * new opportunities get their candidates ranked and their top K volunteers invited (weekly cap,
 * never twice), changed volunteers (and the new candidates) get their matches recomputed.
 * No Scan: markers, postings and the open catalogue are all Queries on known partitions.
 * Locally `POST /local/schedules/matching` runs it and answers with this summary.
 */
import { matchingPorts } from '../workflows/matching-run/ports.js';
import { runChanges, type ChangesSummary } from '../../shared/domain/matching/service.js';
import { job } from '../../shared/middleware/job.js';
import { matchingSchedule } from './index.js';

export const handler = job(matchingSchedule).handler(async (): Promise<ChangesSummary> => runChanges(matchingPorts()));
