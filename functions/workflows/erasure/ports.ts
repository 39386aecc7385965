/** What every Erasure step receives, and the ports the steps hand to the domain. */
import * as z from '../../../shared/zod.js';
import { systemClock } from '../../../shared/clock.js';
import { erasureCodes } from '../../../shared/db/erasure-codes.js';
import { erasureRepository } from '../../../shared/db/erasure-repository.js';
import { openApplicationReads } from '../../../shared/db/open-applications.js';
import { withdrawApplication } from '../../../shared/domain/applications/service.js';
import { withdrawAtHolderRequest } from '../../../shared/domain/certificates/service.js';
import type { BeginPorts, ErasureStepPorts, ReleaseSeatsPorts } from '../../../shared/domain/personal-data/erasure.js';
import { identityEraser } from '../../../shared/identity/identity-eraser.js';
import { applicationDecisionPorts } from '../../http/applications/ports.js';
import { certificateRepository } from '../../../shared/db/certificate-repository.js';
import { ulid } from 'ulid';
import { exportObjectKeys } from '../../../shared/db/export-repository.js';
import { exportFileDeleter } from '../../../shared/storage/export-files.js';

export const StepInput = /* @__PURE__ */ z.object({ sub: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(128)) });

/**
 * Each step's ports: a step's bundle carries only the clients its step uses (issue 17: the S3
 * client alone added ~13 ms to every step's cold start, the Cognito client to every step but one).
 */
export const storePorts = (): Pick<ErasureStepPorts, 'store' | 'clock'> => ({ store: erasureRepository(), clock: systemClock });

/** Begin writes the tombstone only: the code and tombstone store (erasure-codes.ts), not the steps' writes of every entity. */
export const beginPorts = (): BeginPorts => ({ store: erasureCodes(), clock: systemClock });

/** Releasing the seats: the open applications alone of the erasure store, and the withdrawal. */
export const releaseSeatsPorts = (): ReleaseSeatsPorts => ({
  store: openApplicationReads(),
  clock: systemClock,
  async withdraw(sub, applicationId) {
    // As the volunteer would: the seat is freed and the first waitlisted applicant promoted.
    await withdrawApplication(applicationDecisionPorts(), { sub, groups: ['volunteer'] }, applicationId);
  },
});

export const revokeCertificatesPorts = (): Pick<ErasureStepPorts, 'revokeCertificates'> => ({
  revokeCertificates: (sub) => withdrawAtHolderRequest({ certificates: certificateRepository(), clock: systemClock, ids: () => ulid() }, sub),
});

/** Deleting the prepared exports' files: their keys (a projected read) and the bucket; nothing else of the table. */
export const deleteExportsPorts = (): Pick<ErasureStepPorts, 'deleteExports'> => ({
  async deleteExports(sub) {
    const files = exportFileDeleter();
    const keys = await exportObjectKeys()(sub);
    for (const key of keys) await files.delete(key);
    return keys.length;
  },
});

/** The records: the erasure store and the clock (no S3 client: the files went in DeleteExports). */
export const eraseRecordsPorts = storePorts;

export const deleteIdentityPorts = (): Pick<ErasureStepPorts, 'deleteIdentity'> => ({ deleteIdentity: (sub) => identityEraser().disableAndDelete(sub) });

/** All of them (tests that drive several steps with one object). */
export const erasureStepPorts = (): ErasureStepPorts => ({
  ...releaseSeatsPorts(),
  ...revokeCertificatesPorts(),
  ...eraseRecordsPorts(),
  ...deleteExportsPorts(),
  ...deleteIdentityPorts(),
});
