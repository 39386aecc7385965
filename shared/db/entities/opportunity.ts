/**
 * `OPP#<id>` holds the opportunity and its shifts (shift.ts). A published opportunity also has
 * search index items (opportunity-search-entry.ts).
 */
import * as z from '../../zod.js';
import { OpportunityStatus, type OpportunityRecord } from '../../domain/opportunities/schema.js';
import { defineEntity, storedRecord } from './entity.js';
import { opportunityPartition } from './partitions.js';

/** The key builders of `opportunity` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const opportunityKeys = {
  item: (opportunityId: string) => ({ PK: opportunityPartition(opportunityId), SK: 'OPPORTUNITY' }),
  partition: opportunityPartition,
  /** An organisation's own list (GSI2): one partition per organisation, by status then creation. */
  byOrganization: (orgId: string, status: string, createdAt: string, opportunityId: string) => ({
    GSI2PK: `ORGOPP#${orgId}`,
    GSI2SK: `${status}#${createdAt}#${opportunityId}`,
  }),
  organizationList: (orgId: string) => `ORGOPP#${orgId}`,
};

/** The entity's name, for writers that build its item from the keys alone (opportunity-create.ts). */
export const OPPORTUNITY = 'Opportunity';

export const opportunity = /* @__PURE__ */ defineEntity({
  name: OPPORTUNITY,
  schema: /* @__PURE__ */ storedRecord<OpportunityRecord>({
    id: /* @__PURE__ */ z.string(),
    orgId: /* @__PURE__ */ z.string(),
    status: OpportunityStatus,
    titleAr: /* @__PURE__ */ z.string(),
    titleEn: /* @__PURE__ */ z.string(),
  }),
  keys: opportunityKeys,
  accessPatterns: [
    {
      pattern: 'create a draft opportunity with its shifts',
      key: 'Put PK = OPP#<id>, SK = OPPORTUNITY + Put SK = SHIFT#<shiftId> per shift (≤ 50), attribute_not_exists(PK)',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    { pattern: 'get an opportunity with its shifts and seats left', key: 'PK = OPP#<id> (OPPORTUNITY + SHIFT# items)', index: 'table', operation: 'Query' },
    {
      pattern: "an organisation's opportunities in one status (or all), newest first",
      key: 'GSI2PK = ORGOPP#<orgId> AND begins_with(GSI2SK, <status>#)',
      index: 'GSI2',
      operation: 'Query',
    },
    {
      pattern: 'edit an opportunity: the opportunity if unchanged, its shifts if capacity ≥ seatsTaken (and seatsTaken = 0 where moved or removed), search items',
      key: 'Put OPPORTUNITY if updatedAt = <seen> + Update/Put/Delete SHIFT#<id> + Put/Delete OPPIDX#<id>',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    {
      pattern: 'publish / close: status change and search index items in one step',
      key: 'Update OPPORTUNITY if status = draft|published + Put/Delete PK = OPPIDX#<id>, SK = PUB#<dim>#<value> (≤ 34 items)',
      index: 'table',
      operation: 'TransactWriteItems',
    },
  ],
});
