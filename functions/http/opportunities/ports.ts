/** The ports the opportunity handlers hand to the service. */
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { opportunityRepository } from '../../../shared/db/opportunity-repository.js';
import { organizationRepository } from '../../../shared/db/organization-repository.js';

export const opportunityPorts = () => ({
  repo: opportunityRepository(),
  organizations: organizationRepository(),
  clock: systemClock,
  ids: () => ulid(),
});
