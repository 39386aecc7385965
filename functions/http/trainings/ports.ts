/** The ports the training handlers hand to the service. */
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { trainingRepository } from '../../../shared/db/training-repository.js';
import { profileFieldReads } from '../../../shared/db/volunteer-fields.js';
import type { ServiceDeps } from '../../../shared/domain/training/service.js';
import * as z from '../../../shared/zod.js';

/**
 * All the training service asks of a volunteer is whether they have a profile (confirming a
 * practical): the profile's id, by projection, not the volunteer repository with the profile
 * schema and its reference tables (issue 17).
 */
const ProfileId = /* @__PURE__ */ z.object({ id: /* @__PURE__ */ z.string() });

export const trainingPorts = (): ServiceDeps => ({
  repo: trainingRepository(),
  volunteers: profileFieldReads(ProfileId),
  clock: systemClock,
  ids: () => ulid(),
});
