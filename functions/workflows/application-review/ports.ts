/** The ports of the review steps: the real adapters. */
import { ulid } from 'ulid';
import * as z from '../../../shared/zod.js';
import { systemClock } from '../../../shared/clock.js';
import { applicationRepository } from '../../../shared/db/application-repository.js';
import { opportunityReads } from '../../../shared/db/opportunity-reads.js';
import { trainingCompletions } from '../../../shared/db/training-completions.js';
import { screeningProfiles } from '../../../shared/db/volunteer-fields.js';
import type { ApplicationDeps } from '../../../shared/domain/applications/ports.js';
import type { ReviewStepDeps } from '../../../shared/domain/applications/review.js';

/**
 * Screening: the application store and the reads applying screens with (the profile fields by
 * projection, the opportunity with its shifts, the training completions); no volunteer,
 * opportunity or training repository (issue 17).
 */
export const reviewPorts = (): ApplicationDeps => ({
  repo: applicationRepository(),
  volunteers: screeningProfiles(),
  opportunities: opportunityReads(),
  training: trainingCompletions(),
  clock: systemClock,
  ids: () => ulid(),
});

/** The steps after screening: the application store and the clock only, so their bundles carry no volunteer, opportunity or training repository (issue 17). */
export const reviewStepPorts = (): ReviewStepDeps => ({ repo: applicationRepository(), clock: systemClock });

/** Cancelling a closed opportunity's applications: the application store and the opportunity's one read (opportunity-reads.ts), not the opportunity repository (issue 17). */
export const cancellationPorts = (): Pick<ApplicationDeps, 'repo' | 'opportunities'> => ({ repo: applicationRepository(), opportunities: opportunityReads() });

/** What every step receives (the state's input; other fields such as `$.decision` pass through). */
export const StepInput = /* @__PURE__ */ z.object({ applicationId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)) });
