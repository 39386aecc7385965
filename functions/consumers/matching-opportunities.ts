/**
 * OpportunityPublished → the open-opportunity catalogue item and a change marker (the next
 * `matching` job ranks its candidates and invites the top K). OpportunityClosed → the catalogue
 * item and the opportunity's candidates are removed (matches pointing at it are hidden at once,
 * since reads check the catalogue). The record is read, so redelivery is harmless.
 */
import { matchingStorePorts } from '../workflows/matching-run/ports.js';
import { opportunityRepository } from '../../shared/db/opportunity-repository.js';
import { syncOpportunity } from '../../shared/domain/matching/service.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { matchingIndexOpportunities } from './index.js';

export const handler = consumer(matchingIndexOpportunities).handler(async ({ detail }) => ({
  status: await syncOpportunity(matchingStorePorts(), await opportunityRepository().get(detail.opportunityId), detail.opportunityId),
}));
