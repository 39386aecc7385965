/**
 * OpportunityPublished → the open-opportunity catalogue item and a change marker (the next
 * `matching` job ranks its candidates and invites the top K). OpportunityClosed → the catalogue
 * item and the opportunity's candidates are removed (matches pointing at it are hidden at once,
 * since reads check the catalogue). The record is read, so redelivery is harmless.
 */
import * as z from 'zod';
import type { DomainEventEnvelope } from './definition.js';
import { matchingPorts } from '../../shared/db/matching-repository.js';
import { opportunityRepository } from '../../shared/db/opportunity-repository.js';
import { toMatchOpportunity } from '../../shared/domain/matching/adapters.js';
import { closeOpportunity, openOpportunity } from '../../shared/domain/matching/service.js';

const Detail = z.object({ opportunityId: z.string().min(1) });

export const handler = async (event: DomainEventEnvelope): Promise<{ status: 'open' | 'closed' | 'unknown' }> => {
  const { opportunityId } = Detail.parse(event.detail);
  const found = await opportunityRepository().get(opportunityId);
  const ports = matchingPorts();
  if (found?.opportunity.status === 'published') {
    await openOpportunity(ports, toMatchOpportunity(found.opportunity, found.shifts));
    return { status: 'open' };
  }
  await closeOpportunity(ports, opportunityId);
  return { status: found ? 'closed' : 'unknown' };
};
