/** The ports of the review steps: the real adapters. */
import { ulid } from 'ulid';
import * as z from '../../../shared/zod.js';
import { systemClock } from '../../../shared/clock.js';
import { applicationRepository } from '../../../shared/db/application-repository.js';
import { opportunityReads } from '../../../shared/db/opportunity-reads.js';
import { opportunityRepository } from '../../../shared/db/opportunity-repository.js';
import { trainingRepository } from '../../../shared/db/training-repository.js';
import { volunteerRepository } from '../../../shared/db/volunteer-repository.js';
import type { ApplicationDeps } from '../../../shared/domain/applications/ports.js';
import type { ReviewStepDeps } from '../../../shared/domain/applications/review.js';

/** Screening: the application store, the profile, the opportunity and the training completions. */
export const reviewPorts = (): ApplicationDeps => ({
  repo: applicationRepository(),
  volunteers: volunteerRepository(),
  opportunities: opportunityRepository(),
  training: trainingRepository(),
  clock: systemClock,
  ids: () => ulid(),
});

/** The steps after screening: the application store and the clock only, so their bundles carry no volunteer, opportunity or training repository (issue 17). */
export const reviewStepPorts = (): ReviewStepDeps => ({ repo: applicationRepository(), clock: systemClock });

/** Cancelling a closed opportunity's applications: the application store and the opportunity's one read (opportunity-reads.ts), not the opportunity repository (issue 17). */
export const cancellationPorts = (): Pick<ApplicationDeps, 'repo' | 'opportunities'> => ({ repo: applicationRepository(), opportunities: opportunityReads() });

/** What every step receives (the state's input; other fields such as `$.decision` pass through). */
export const StepInput = /* @__PURE__ */ z.object({ applicationId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)) });
