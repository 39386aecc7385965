/**
 * Append-only history of a volunteer's consents (email, SMS, publication in achievements,
 * company reports): each grant and withdrawal with its time and how it was given, oldest first.
 */
import * as z from '../../zod.js';
import { ConsentPurpose } from '../../domain/volunteers/schema.js';
import { defineEntity } from './entity.js';
import { volunteerPartition } from './partitions.js';

/** The key builders of `consentChange` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const consentChangeKeys = {
  item: (sub: string, at: string, channel: string) => ({ PK: volunteerPartition(sub), SK: `CONSENT#${at}#${channel}` }),
  prefix: 'CONSENT#',
};

export const consentChange = /* @__PURE__ */ defineEntity({
  name: 'ConsentChange',
  schema: /* @__PURE__ */ z.looseObject({ volunteerId: /* @__PURE__ */ z.string(), channel: ConsentPurpose, granted: /* @__PURE__ */ z.boolean(), at: /* @__PURE__ */ z.string(), via: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['registration', 'profile-update'])) }),
  keys: consentChangeKeys,
  accessPatterns: [
    {
      pattern: "list a volunteer's consent history (grants and withdrawals of email, SMS, publication, company reports)",
      key: 'PK = VOL#<sub> AND begins_with(SK, CONSENT#)',
      index: 'table',
      operation: 'Query',
    },
  ],
});
