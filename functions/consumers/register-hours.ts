/**
 * HoursApproved / HoursReversed (issue 19) → the volunteer's national register: one ledger
 * entry per event and its running totals, in one transaction keyed by the event id, so a
 * duplicate delivery (even a concurrent one) records nothing twice. A reversal also revokes
 * every valid certificate that counted the reversed hours (its status list bit is set).
 */
import { ulid } from 'ulid';
import { systemClock } from '../../shared/clock.js';
import { certificateRepository } from '../../shared/db/certificate-repository.js';
import { registerRepository } from '../../shared/db/register-repository.js';
import * as certificates from '../../shared/domain/certificates/service.js';
import * as register from '../../shared/domain/register/service.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { registerHours } from './index.js';

export const handler = consumer(registerHours).handler(async (event) => {
  const ports = { register: registerRepository(), certificates: certificateRepository(), clock: systemClock, ids: () => ulid() };
  if (event.type === 'HoursApproved') return { ledger: await register.recordApproval(ports, event.eventId, event.detail) };
  const ledger = await register.recordReversal(ports, event.eventId, event.detail);
  const revoked = await certificates.revokeForReversal(ports, event.detail);
  return { ledger, certificatesRevoked: revoked };
});
