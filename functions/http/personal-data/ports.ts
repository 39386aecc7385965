/**
 * The composition root of the personal-data area's erasure (code emails, the Erasure workflow)
 * and of the prepared export's consumer (files, link email). The export route's ports are in
 * reader.ts (its bundle carries no notifier, workflow client or S3 client).
 */
import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { erasureCodes, profileContact } from '../../../shared/db/erasure-codes.js';
import type { ErasurePorts } from '../../../shared/domain/personal-data/erasure.js';
import type { ExportJobPorts } from '../../../shared/domain/personal-data/export-jobs.js';
import { zip } from '../../../shared/formats/zip.js';
import { appUrl } from '../../../shared/messaging/links.js';
import { notifier } from '../../../shared/messaging/notifier.js';
import { personalDataRepository } from '../../../shared/db/personal-data-repository.js';
import { exportRepository } from '../../../shared/db/export-repository.js';
import { exportFileWriter } from '../../../shared/storage/export-files.js';
import { workflowClient } from '../../../shared/workflows/client.js';
import { ERASURE, erasureExecutionName } from '../../workflows/erasure/definition.js';

/** The prepared copy's consumer: the jobs in the table, the files in the exports bucket (a directory locally), the link by email. */
export const exportJobPorts = (): ExportJobPorts => ({
  clock: systemClock,
  jobs: exportRepository(),
  files: exportFileWriter(),
  reader: personalDataRepository(),
  ids: ulid,
  token: () => randomBytes(32).toString('base64url'),
  contact: (sub) => profileContact()(sub),
  linkOf: (exportId, token) => appUrl(`/exports/${exportId}?token=${token}`),
  zip: (files, at) => zip(files, at),
  async sendLink(contact, { exportId, link, validUntil }) {
    // To the profile's address whatever the marketing consent: the person asked for it.
    await notifier().notify({
      type: 'export-ready',
      to: { kind: 'address', email: contact.email, locale: contact.locale, name: contact.locale === 'ar' ? contact.nameAr : contact.nameEn },
      about: `export-${exportId}-${ulid()}`,
      params: { nameAr: contact.nameAr, nameEn: contact.nameEn, link, expiresAt: validUntil },
    });
  },
});

/** The request and its confirmation: the code, tombstone and contact only (erasure-codes.ts; issue 17). */
export const erasurePorts = (): ErasurePorts => ({
  store: erasureCodes(),
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
