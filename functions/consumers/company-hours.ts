/**
 * HoursApproved / HoursReversed (issue 15) → companies. An approval counts for the company of
 * the volunteer (the contribution ledger entry, the employee's activity and the month counters
 * of the company report; not when the volunteer withdrew their consent to it) and consumes the time off they reserved for those hours under a
 * programme (the approved minutes, at most those reserved; the rest goes back). A reversal takes
 * the minutes back from the company they counted for. Every write is conditional, so a
 * redelivery changes nothing.
 */
import { companyContributionRepository } from '../../shared/db/company-contribution-repository.js';
import { companyMemberships } from '../../shared/db/company-memberships.js';
import { vtoHours } from '../../shared/db/company-program-repository.js';
import { companyReportConsents } from '../../shared/db/volunteer-fields.js';
import * as contributions from '../../shared/domain/companies/contributions.js';
import * as programs from '../../shared/domain/companies/programs.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { companyHours } from './index.js';

export const handler = consumer(companyHours).handler(async (event) => {
  const deps = { store: companyContributionRepository(), membership: companyMemberships().membership, consents: companyReportConsents() };
  if (event.type === 'HoursReversed') return { contribution: await contributions.recordReversal(deps, event.detail) };
  return {
    contribution: await contributions.recordApproval(deps, event.detail),
    vto: await programs.consumeVto({ programs: vtoHours() }, event.detail),
  };
});
