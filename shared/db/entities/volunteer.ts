/** A volunteer's profile (`VOL#<sub>` / `PROFILE`) and the national-ID uniqueness claim. */
import * as z from '../../zod.js';
import { VolunteerRecord } from '../../domain/volunteers/schema.js';
import { defineEntity, entityItem, type Item } from './entity.js';
import { volunteerPartition } from './partitions.js';

/** The profile's keys, on their own for the projected reads that carry no profile schema (shared/db/volunteer-fields.ts). */
export const volunteerKeys = {
  item: (sub: string) => ({ PK: volunteerPartition(sub), SK: 'PROFILE' }),
  partition: volunteerPartition,
  /** Sparse GSI2 on the profile: profiles by phone number (an inbound STOP / START finds its profiles). */
  byPhone: (phone: string, sub: string) => ({ GSI2PK: `PHONE#${phone}`, GSI2SK: volunteerPartition(sub) }),
  phonePartition: (phone: string) => `PHONE#${phone}`,
};

const VOLUNTEER = 'Volunteer';

/** The profile's item as `volunteer.toItem` writes it, without the profile schema (registration writes, never reads: issue 17). */
export const profileItem = (record: VolunteerRecord): Item =>
  entityItem(VOLUNTEER, record, { ...volunteerKeys.item(record.id), ...volunteerKeys.byPhone(record.phone, record.id) });

export const volunteer = /* @__PURE__ */ defineEntity({
  name: VOLUNTEER,
  schema: VolunteerRecord,
  keys: volunteerKeys,
  accessPatterns: [
    { pattern: 'get a volunteer profile by user (sub)', key: 'PK = VOL#<sub> AND SK = PROFILE', index: 'table', operation: 'GetItem' },
    { pattern: 'the profiles of a phone number (inbound SMS STOP / START)', key: 'GSI2PK = PHONE#<e164>', index: 'GSI2', operation: 'Query' },
    {
      pattern: 'register a volunteer once per user and per national ID',
      key: 'Put PK = VOL#<sub>, SK = PROFILE + Put PK = NATID#<hmac>, SK = NATID, both attribute_not_exists(PK)',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    {
      pattern: 'update a volunteer profile (optimistic: revision must match) and append consent changes',
      key: 'Update PK = VOL#<sub>, SK = PROFILE if attribute_exists(PK) AND revision = :seen + Put PK = VOL#<sub>, SK = CONSENT#<at>#<channel>',
      index: 'table',
      operation: 'TransactWriteItems',
    },
  ],
});

/** The key builders of `nationalIdClaim` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const nationalIdClaimKeys = { item: (nationalIdHash: string) => ({ PK: `NATID#${nationalIdHash}`, SK: 'NATID' }) };

/** Uniqueness marker: one profile per national ID (keyed by an HMAC, never the ID itself). */
export const nationalIdClaim = /* @__PURE__ */ defineEntity({
  name: 'NationalIdClaim',
  schema: /* @__PURE__ */ z.object({ volunteerId: /* @__PURE__ */ z.string(), createdAt: /* @__PURE__ */ z.string() }),
  keys: nationalIdClaimKeys,
  accessPatterns: [],
});
