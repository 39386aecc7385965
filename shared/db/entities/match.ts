/**
 * A volunteer's matching results, in `MATCH#VOL#<sub>`: ranked matches (`RANK#<nnn>`, 0 is the
 * best), invitations (`INV#<opportunity>`, once per opportunity) and the weekly invitation
 * counter (`INVWEEK#<ISO week, Riyadh>`) the cap is checked against.
 */
import * as z from '../../zod.js';
import { Invitation } from '../../domain/matching/schema.js';
import type { StoredMatch } from '../../domain/matching/service.js';
import { defineEntity, storedRecord } from './entity.js';
import { pad } from './match-volunteer.js';

const partition = (sub: string) => `MATCH#VOL#${sub}`;
const RANK = 'RANK#';

/** The key builders of `match` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const matchKeys = {
  item: (sub: string, rank: number) => ({ PK: partition(sub), SK: `${RANK}${pad(rank, 3)}` }),
  partition,
  prefix: RANK,
  /** A page cursor's key is one of this volunteer's match items. */
  owns: (sub: string, key: { PK: string; SK: string }) => key.PK === partition(sub) && /^RANK#\d{3}$/.test(key.SK),
};

export const match = /* @__PURE__ */ defineEntity({
  name: 'Match',
  schema: /* @__PURE__ */ storedRecord<StoredMatch & { volunteerId: string; rank: number }>({
    volunteerId: /* @__PURE__ */ z.string(),
    rank: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int()),
    opportunityId: /* @__PURE__ */ z.string(),
    shiftId: /* @__PURE__ */ z.string(),
    score: /* @__PURE__ */ z.number(),
    matchedAt: /* @__PURE__ */ z.string(),
  }),
  keys: matchKeys,
  accessPatterns: [{ pattern: "a volunteer's ranked matches, paginated", key: 'PK = MATCH#VOL#<sub> AND begins_with(SK, RANK#)', index: 'table', operation: 'Query' }],
});

/** The key builders of `invitation` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const invitationKeys = { item: (sub: string, opportunityId: string) => ({ PK: partition(sub), SK: `INV#${opportunityId}` }) };

export const invitation = /* @__PURE__ */ defineEntity({
  name: 'Invitation',
  schema: /* @__PURE__ */ z.extend(Invitation, { volunteerId: /* @__PURE__ */ z.string() }),
  keys: invitationKeys,
  accessPatterns: [
    {
      pattern: 'invite a volunteer once per opportunity, at most N per week',
      key: 'Put PK = MATCH#VOL#<sub>, SK = INV#<opp> if attribute_not_exists(PK) + Update SK = INVWEEK#<week> if attribute_not_exists(invitations) OR invitations < :cap',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    { pattern: "a volunteer's invitations for the opportunities on one page of matches", key: 'PK = MATCH#VOL#<sub> AND SK = INV#<opp> (per match)', index: 'table', operation: 'BatchGetItem' },
  ],
});

/** The key builders of `invitationWeek` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const invitationWeekKeys = { item: (sub: string, week: string) => ({ PK: partition(sub), SK: `INVWEEK#${week}` }) };

export const invitationWeek = /* @__PURE__ */ defineEntity({
  name: 'InvitationWeek',
  schema: /* @__PURE__ */ z.object({ invitations: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int()) }),
  keys: invitationWeekKeys,
  accessPatterns: [],
});
