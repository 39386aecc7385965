/**
 * HoursApproved / HoursReversed (issue 19) → the volunteer's national register: one ledger
 * entry per event and its running totals, in one transaction keyed by the event id, so a
 * duplicate delivery (even a concurrent one) records nothing twice.
 */
import { systemClock } from '../../shared/clock.js';
import { registerRepository } from '../../shared/db/register-repository.js';
import * as register from '../../shared/domain/register/service.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { registerHours } from './index.js';

export const handler = consumer(registerHours).handler(async (event) => {
  const ports = { register: registerRepository(), clock: systemClock };
  if (event.type === 'HoursApproved') return { ledger: await register.recordApproval(ports, event.eventId, event.detail) };
  return { ledger: await register.recordReversal(ports, event.eventId, event.detail) };
});
