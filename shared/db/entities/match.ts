/**
 * A volunteer's matching results, in `MATCH#VOL#<sub>`: ranked matches (`RANK#<nnn>`, 0 is the
 * best), invitations (`INV#<opportunity>`, once per opportunity) and the weekly invitation
 * counter (`INVWEEK#<ISO week, Riyadh>`) the cap is checked against.
 */
import * as z from 'zod';
import { Invitation } from '../../domain/matching/schema.js';
import type { StoredMatch } from '../../domain/matching/service.js';
import { defineEntity, storedRecord } from './entity.js';
import { pad } from './match-volunteer.js';

const partition = (sub: string) => `MATCH#VOL#${sub}`;
const RANK = 'RANK#';

export const match = defineEntity({
  name: 'Match',
  schema: storedRecord<StoredMatch & { volunteerId: string; rank: number }>({
    volunteerId: z.string(),
    rank: z.number().int(),
    opportunityId: z.string(),
    shiftId: z.string(),
    score: z.number(),
    matchedAt: z.string(),
  }),
  keys: {
    item: (sub: string, rank: number) => ({ PK: partition(sub), SK: `${RANK}${pad(rank, 3)}` }),
    partition,
    prefix: RANK,
    /** A page cursor's key is one of this volunteer's match items. */
    owns: (sub: string, key: { PK: string; SK: string }) => key.PK === partition(sub) && /^RANK#\d{3}$/.test(key.SK),
  },
  accessPatterns: [{ pattern: "a volunteer's ranked matches, paginated", key: 'PK = MATCH#VOL#<sub> AND begins_with(SK, RANK#)', index: 'table', operation: 'Query' }],
});

export const invitation = defineEntity({
  name: 'Invitation',
  schema: Invitation.extend({ volunteerId: z.string() }),
  keys: { item: (sub: string, opportunityId: string) => ({ PK: partition(sub), SK: `INV#${opportunityId}` }) },
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

export const invitationWeek = defineEntity({
  name: 'InvitationWeek',
  schema: z.object({ invitations: z.number().int() }),
  keys: { item: (sub: string, week: string) => ({ PK: partition(sub), SK: `INVWEEK#${week}` }) },
  accessPatterns: [],
});
