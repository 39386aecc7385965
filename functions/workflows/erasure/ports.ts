/** What every Erasure step receives, and the ports the steps hand to the domain. */
import * as z from 'zod';
import { systemClock } from '../../../shared/clock.js';
import { erasureRepository } from '../../../shared/db/erasure-repository.js';
import { withdrawApplication } from '../../../shared/domain/applications/service.js';
import { withdrawAtHolderRequest } from '../../../shared/domain/certificates/service.js';
import type { ErasureStepPorts } from '../../../shared/domain/personal-data/erasure.js';
import { identityEraser } from '../../../shared/identity/identity-eraser.js';
import { applicationPorts } from '../../http/applications/ports.js';
import { certificateRepository } from '../../../shared/db/certificate-repository.js';
import { ulid } from 'ulid';
import { exportRepository } from '../../../shared/db/export-repository.js';
import { exportFiles } from '../../../shared/storage/export-files.js';

export const StepInput = /* @__PURE__ */ z.object({ sub: /* @__PURE__ */ z.string().min(1).max(128) });

export const erasureStepPorts = (): ErasureStepPorts => ({
  store: erasureRepository(),
  clock: systemClock,
  async withdraw(sub, applicationId) {
    // As the volunteer would: the seat is freed and the first waitlisted applicant promoted.
    await withdrawApplication(applicationPorts(), { sub, groups: ['volunteer'] }, applicationId);
  },
  revokeCertificates: (sub) => withdrawAtHolderRequest({ certificates: certificateRepository(), clock: systemClock, ids: () => ulid() }, sub),
  deleteIdentity: (sub) => identityEraser().disableAndDelete(sub),
  async deleteExports(sub) {
    const files = exportFiles();
    const keys = await exportRepository().objectKeys(sub);
    for (const key of keys) await files.delete(key);
    return keys.length;
  },
});
