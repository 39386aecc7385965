/** The ports the opportunity handlers hand to the service. */
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { opportunityCreation } from '../../../shared/db/opportunity-create.js';
import { opportunityRepository } from '../../../shared/db/opportunity-repository.js';
import { organizationStatusReads } from '../../../shared/db/organization-reads.js';
import type { OpportunityCreateDeps, OpportunityDeps, OpportunityStoreDeps } from '../../../shared/domain/opportunities/service.js';

/** Editing, closing, reading and listing: the opportunities store only, no organisation repository (issue 17). */
export const opportunityStorePorts = (): OpportunityStoreDeps => ({
  repo: opportunityRepository(),
  clock: systemClock,
  ids: () => ulid(),
});

/** Creating and publishing also check that the organisation is active: its status, by projection. */
export const opportunityPorts = (): OpportunityDeps => ({ ...opportunityStorePorts(), organizations: organizationStatusReads() });

/** Posting a draft: the organisation's status and the create write (opportunity-create.ts), not the repository with its search index (issue 17). */
export const opportunityCreatePorts = (): OpportunityCreateDeps => ({
  repo: opportunityCreation(),
  clock: systemClock,
  ids: () => ulid(),
  organizations: organizationStatusReads(),
});
