/**
 * HoursApproved / HoursReversed (issue 15) → companies. An approval consumes the time off the
 * employee reserved for those hours under a programme (the approved minutes, at most those
 * reserved; the rest goes back to their quota). Each step is conditional, so a redelivery
 * changes nothing.
 */
import { companyProgramRepository } from '../../shared/db/company-program-repository.js';
import * as programs from '../../shared/domain/companies/programs.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { companyHours } from './index.js';

export const handler = consumer(companyHours).handler(async (event) => {
  if (event.type !== 'HoursApproved') return { vto: 'none' };
  return { vto: await programs.consumeVto({ programs: companyProgramRepository() }, event.detail) };
});
