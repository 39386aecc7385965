/** A volunteer's acceptance of one charter version (`VOL#<sub>` / `CHARTER#<version>`), written once. */
import * as z from '../../zod.js';
import { CharterAcceptance } from '../../domain/volunteers/schema.js';
import { defineEntity } from './entity.js';
import { volunteerPartition } from './partitions.js';

/** The key builders of `charterAcceptance` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const charterAcceptanceKeys = {
  item: (sub: string, version: string) => ({ PK: volunteerPartition(sub), SK: `CHARTER#${version}` }),
  prefix: 'CHARTER#',
};

export const charterAcceptance = /* @__PURE__ */ defineEntity({
  name: 'CharterAcceptance',
  schema: /* @__PURE__ */ z.extend(CharterAcceptance, { volunteerId: /* @__PURE__ */ z.string() }),
  keys: charterAcceptanceKeys,
  accessPatterns: [
    {
      pattern: 'accept a charter version once and mark it on the profile',
      key: 'Put PK = VOL#<sub>, SK = CHARTER#<version> if attribute_not_exists(PK) + Update PK = VOL#<sub>, SK = PROFILE if attribute_exists(PK)',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    { pattern: 'get one charter acceptance', key: 'PK = VOL#<sub> AND SK = CHARTER#<version>', index: 'table', operation: 'GetItem' },
    { pattern: "list a volunteer's charter acceptances", key: 'PK = VOL#<sub> AND begins_with(SK, CHARTER#)', index: 'table', operation: 'Query' },
  ],
});
