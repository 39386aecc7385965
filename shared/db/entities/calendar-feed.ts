/**
 * A volunteer's secret calendar feed (a calendar app subscribes to its URL without a bearer
 * token): the key `FEED#<sha256 of the secret>` names the volunteer (the secret itself is never
 * stored), and `VOL#<sub>` / `CALENDARFEED` remembers the current hash so that issuing a new
 * URL or revoking deletes the old key in the same transaction.
 */
import * as z from '../../zod.js';
import { defineEntity } from './entity.js';
import { volunteerPartition } from './partitions.js';

/** The key builders of `calendarFeedKey` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const calendarFeedKeyKeys = { item: (secretHash: string) => ({ PK: `FEED#${secretHash}`, SK: 'FEED' }) };

export const calendarFeedKey = /* @__PURE__ */ defineEntity({
  name: 'CalendarFeedKey',
  schema: /* @__PURE__ */ z.object({ volunteerId: /* @__PURE__ */ z.string(), createdAt: /* @__PURE__ */ z.string() }),
  keys: calendarFeedKeyKeys,
  accessPatterns: [{ pattern: 'the volunteer of a calendar feed secret (public feed URL)', key: 'PK = FEED#<sha256(secret)> AND SK = FEED', index: 'table', operation: 'GetItem' }],
});

/** The key builders of `calendarFeed` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const calendarFeedKeys = { item: (sub: string) => ({ PK: volunteerPartition(sub), SK: 'CALENDARFEED' }) };

export const calendarFeed = /* @__PURE__ */ defineEntity({
  name: 'CalendarFeed',
  schema: /* @__PURE__ */ z.object({ secretHash: /* @__PURE__ */ z.string(), createdAt: /* @__PURE__ */ z.string() }),
  keys: calendarFeedKeys,
  accessPatterns: [
    {
      pattern: "issue or revoke a volunteer's calendar feed URL (the old key deleted in the same transaction)",
      key: 'Put/Delete PK = VOL#<sub>, SK = CALENDARFEED + Put FEED#<new> + Delete FEED#<old>',
      index: 'table',
      operation: 'TransactWriteItems',
    },
  ],
});
