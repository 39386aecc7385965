/** The ports the training handlers hand to the service. */
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { trainingRepository } from '../../../shared/db/training-repository.js';
import { volunteerRepository } from '../../../shared/db/volunteer-repository.js';
import type { ServiceDeps } from '../../../shared/domain/training/service.js';

export const trainingPorts = (): ServiceDeps => ({
  repo: trainingRepository(),
  volunteers: volunteerRepository(),
  clock: systemClock,
  ids: () => ulid(),
});
