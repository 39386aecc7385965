/**
 * The composition root of the personal-data area's erasure: code emails and the Erasure workflow.
 * The export's ports are in reader.ts (its bundle carries no notifier or workflow client).
 */
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { erasureRepository } from '../../../shared/db/erasure-repository.js';
import type { ErasurePorts } from '../../../shared/domain/personal-data/erasure.js';
import { notifier } from '../../../shared/messaging/notifier.js';
import { workflowClient } from '../../../shared/workflows/client.js';
import { ERASURE, erasureExecutionName } from '../../workflows/erasure/definition.js';

export const erasurePorts = (): ErasurePorts => ({
  store: erasureRepository(),
  clock: systemClock,
  async sendCode(contact, code, expiresAt) {
    // To the profile's address whatever the marketing consent: the person asked for it.
    await notifier().notify({
      type: 'erasure-code',
      to: { kind: 'address', email: contact.email, locale: contact.locale, name: contact.locale === 'ar' ? contact.nameAr : contact.nameEn },
      // Every request sends its own code (a second request within a second is another message).
      about: `erasure-${ulid()}`,
      params: { nameAr: contact.nameAr, nameEn: contact.nameEn, code, expiresAt },
    });
  },
  async startWorkflow(sub) {
    await workflowClient().start(ERASURE, { sub }, { executionName: erasureExecutionName(sub) });
  },
});
