/**
 * Running totals of a volunteer's ledger, beside it in `REG#<volunteerId>`: one item per
 * dimension value (`TOTAL#all#all`, `TOTAL#org#<id>`, `TOTAL#year#<yyyy>`, `TOTAL#cause#<c>`,
 * `TOTAL#track#<t>`), moved with `ADD` in the entry's transaction. A volunteer's hours arrive
 * a few times a week, so these items are never hot: no sharding needed.
 */
import { TotalRow } from '../../domain/register/schema.js';
import type { TotalDimension } from '../../domain/register/schema.js';
import { defineEntity } from './entity.js';
import { registerPartition } from './register-entry.js';

/** The key builders of `registerTotal` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const registerTotalKeys = {
  item: (volunteerId: string, dimension: TotalDimension, value: string) => ({ PK: registerPartition(volunteerId), SK: `TOTAL#${dimension}#${value}` }),
  prefix: 'TOTAL#',
};

export const registerTotal = /* @__PURE__ */ defineEntity({
  name: 'RegisterTotal',
  schema: TotalRow,
  keys: registerTotalKeys,
  accessPatterns: [{ pattern: "a volunteer's running totals (transcript)", key: 'PK = REG#<vol> AND begins_with(SK, TOTAL#)', index: 'table', operation: 'Query' }],
});
