/**
 * Search: a published opportunity has one small *index item* per filter dimension under
 * `OPPIDX#<id>` (all, city, category, each skill, each profession, org), written in the
 * publish transaction and deleted in the close transaction. Each index item carries the
 * opportunity's summary and `GSI1PK = PUB#<dimension>#<value>`,
 * `GSI1SK = <last shift end>#<id>`. The sort key starts with the *last* shift end because it
 * is stable (the "next shift" changes with time, without any write) and because the key
 * condition `GSI1SK >= <from>` then drops finished opportunities without reading them.
 * Order is "ending soonest first", ties broken by id: stable across pages.
 */
import { OpportunitySummary } from '../../domain/opportunities/schema.js';
import type { SearchDimension } from '../../domain/opportunities/search.js';
import { defineEntity } from './entity.js';

/** The key builders of `opportunitySearchEntry` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const opportunitySearchEntryKeys = {
  item: (opportunityId: string, partition: string) => ({ PK: `OPPIDX#${opportunityId}`, SK: partition }),
  partition: (dimension: SearchDimension, value?: string) => (dimension === 'all' ? 'PUB#ALL' : `PUB#${dimension.toUpperCase()}#${value ?? ''}`),
  sort: (lastShiftEnd: string, opportunityId: string) => `${lastShiftEnd}#${opportunityId}`,
};

export const opportunitySearchEntry = /* @__PURE__ */ defineEntity({
  name: 'OpportunitySearchEntry',
  schema: OpportunitySummary,
  keys: opportunitySearchEntryKeys,
  accessPatterns: [
    {
      pattern:
        "search published opportunities: Query the most selective filter's partition (org > profession > skill > city > category > all); " +
        'the other filters are a FilterExpression on that page (pages may come back short, never wrong); ' +
        '`from` is the key condition, `to` a filter on the first shift start',
      key: 'GSI1PK = PUB#<dim>#<value> AND GSI1SK >= <from>',
      index: 'GSI1',
      operation: 'Query',
    },
  ],
});
