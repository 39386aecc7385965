/**
 * The `team-seats` schedule (every 15 minutes; `POST /local/schedules/team-seats` locally): team
 * events whose release time (48 h before the shift) has come give their unclaimed seats back
 * to the shift, once (shared/domain/companies/team-events.ts).
 */
import { companyTeamRepository } from '../../shared/db/company-team-repository.js';
import { releaseTeamSeats } from '../../shared/domain/companies/team-events.js';
import { job } from '../../shared/middleware/job.js';
import { teamSeatsSchedule } from './index.js';

export const handler = job(teamSeatsSchedule).handler(async ({ now }) => releaseTeamSeats({ teams: companyTeamRepository() }, now));
