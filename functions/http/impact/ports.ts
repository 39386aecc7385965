/** The ports the impact handlers hand to the domain. */
import { systemClock } from '../../../shared/clock.js';
import { impactRepository } from '../../../shared/db/impact-repository.js';

export const impactPorts = () => {
  const repo = impactRepository();
  return { store: repo, targets: repo, clock: systemClock };
};
