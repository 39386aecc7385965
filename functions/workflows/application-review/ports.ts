/** The ports of the review steps: the real adapters. */
import { ulid } from 'ulid';
import * as z from '../../../shared/zod.js';
import { systemClock } from '../../../shared/clock.js';
import { applicationRepository } from '../../../shared/db/application-repository.js';
import { opportunityRepository } from '../../../shared/db/opportunity-repository.js';
import { trainingRepository } from '../../../shared/db/training-repository.js';
import { volunteerRepository } from '../../../shared/db/volunteer-repository.js';
import type { ApplicationDeps } from '../../../shared/domain/applications/ports.js';

export const reviewPorts = (): ApplicationDeps => ({
  repo: applicationRepository(),
  volunteers: volunteerRepository(),
  opportunities: opportunityRepository(),
  training: trainingRepository(),
  clock: systemClock,
  ids: () => ulid(),
});

/** What every step receives (the state's input; other fields such as `$.decision` pass through). */
export const StepInput = /* @__PURE__ */ z.object({ applicationId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)) });
