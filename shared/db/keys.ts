/**
 * Key layout of the single table, as pure functions. Every item carries `entity`.
 * Ids are ULIDs (time-ordered), so sort keys built from them list oldest first.
 *
 * Each area adds its keys and access patterns below; the table at the end of this file is
 * the list of every access pattern (pattern → key condition → index). No Scan, anywhere.
 */

import type { SearchDimension } from '../domain/opportunities/search.js';
import { outboxEvent } from './entities/outbox-event.js';
import { trainingAttempt, trainingAttemptLog } from './entities/training-attempt.js';
import { trainingCompletion } from './entities/training-completion.js';
import { trainingModule, trainingVersion } from './entities/training-module.js';

export interface AccessPattern {
  readonly pattern: string;
  /** The key condition, e.g. `PK = VOL#<sub> AND SK = PROFILE`. */
  readonly key: string;
  /** `table`, `GSI1`, … */
  readonly index: 'table' | 'GSI1' | 'GSI2' | 'GSI3';
  /** GetItem, Query, TransactWrite… */
  readonly operation: string;
}

// ── Volunteers ────────────────────────────────────────────────────────────────
export const volunteerKeys = {
  profile: (sub: string) => ({ PK: `VOL#${sub}`, SK: 'PROFILE' }),
  /** Uniqueness marker: one profile per national ID (keyed by an HMAC, never the ID itself). */
  nationalId: (nationalIdHash: string) => ({ PK: `NATID#${nationalIdHash}`, SK: 'NATID' }),
  charterAcceptance: (sub: string, version: string) => ({ PK: `VOL#${sub}`, SK: `CHARTER#${version}` }),
  /** Append-only trail of contact-consent changes (email/SMS opt-in and opt-out), oldest first. */
  consentChange: (sub: string, at: string, channel: string) => ({ PK: `VOL#${sub}`, SK: `CONSENT#${at}#${channel}` }),
} as const;

// ── Organisations ────────────────────────────────────────────────────────────
/**
 * An organisation is one partition: its profile, its status history, its volunteer
 * department and its managers. The task token of the onboarding workflow lives on the
 * profile item (`taskToken`), never outside the table.
 */
export const organizationKeys = {
  profile: (orgId: string) => ({ PK: `ORG#${orgId}`, SK: 'PROFILE' }),
  /** Uniqueness marker: one organisation per licence number (released on reject/expiry). */
  license: (licenseNumber: string) => ({ PK: `LICENSE#${licenseNumber}`, SK: 'LICENSE' }),
  /** `at` first, then a ULID, so the history lists in time order. */
  history: (orgId: string, at: string, changeId: string) => ({ PK: `ORG#${orgId}`, SK: `HISTORY#${at}#${changeId}` }),
  historyPrefix: 'HISTORY#',
  /** The volunteer department, established on approval; GSI1 lists every department (national KPI). */
  department: (orgId: string) => ({ PK: `ORG#${orgId}`, SK: 'DEPARTMENT' }),
  departmentIndex: (establishedAt: string, orgId: string) => ({ GSI1PK: 'DEPARTMENTS', GSI1SK: `${establishedAt}#${orgId}` }),
  manager: (orgId: string, sub: string) => ({ PK: `ORG#${orgId}`, SK: `MANAGER#${sub}` }),
  managerPrefix: 'MANAGER#',
  /** A user manages at most one organisation (`custom:orgId` holds one id): marker per user. */
  managerOf: (sub: string) => ({ PK: `USER#${sub}`, SK: 'MANAGES' }),
} as const;

// ── Opportunities and shifts ─────────────────────────────────────────────────
/**
 * `OPP#<id>` holds the opportunity and its shifts. A shift item carries `capacity` and a
 * `seatsTaken` counter (0 at creation): reserving a seat (applications) is one
 * TransactWriteItems with `UpdateItem SET seatsTaken = seatsTaken + :one` conditioned on
 * `seatsTaken < #capacity` (`capacity` is a DynamoDB reserved word: use a name placeholder)
 * beside the application's Put; freeing one is the reverse with `seatsTaken > :zero`.
 * `seatsLeft` is `capacity - seatsTaken`, read with the opportunity in one Query.
 *
 * Search: a published opportunity has one small *index item* per filter dimension under
 * `OPPIDX#<id>` (all, city, category, each skill, each profession, org), written in the
 * publish transaction and deleted in the close transaction. Each index item carries the
 * opportunity's summary and `GSI1PK = PUB#<dimension>#<value>`,
 * `GSI1SK = <last shift end>#<id>`. The sort key starts with the *last* shift end because it
 * is stable (the "next shift" changes with time, without any write) and because the key
 * condition `GSI1SK >= <from>` then drops finished opportunities without reading them.
 * Order is "ending soonest first", ties broken by id: stable across pages.
 */
export const opportunityKeys = {
  opportunity: (oppId: string) => ({ PK: `OPP#${oppId}`, SK: 'OPPORTUNITY' }),
  shift: (oppId: string, shiftId: string) => ({ PK: `OPP#${oppId}`, SK: `SHIFT#${shiftId}` }),
  shiftPrefix: 'SHIFT#',
  /** GSI1 on the shift item: find a shift (and its opportunity) by shift id alone. */
  shiftIndex: (shiftId: string) => ({ GSI1PK: `SHIFT#${shiftId}`, GSI1SK: 'SHIFT' }),
  searchItem: (oppId: string, partition: string) => ({ PK: `OPPIDX#${oppId}`, SK: partition }),
  searchPartition: (dimension: SearchDimension, value?: string) =>
    dimension === 'all' ? 'PUB#ALL' : `PUB#${dimension.toUpperCase()}#${value ?? ''}`,
  searchSort: (lastShiftEnd: string, oppId: string) => `${lastShiftEnd}#${oppId}`,
} as const;

const organizationAccessPatterns: readonly AccessPattern[] = [
  {
    pattern: 'register an organisation once per licence number',
    key: 'Put PK = ORG#<id>, SK = PROFILE + Put PK = LICENSE#<licence>, SK = LICENSE + Put HISTORY item, profile and marker attribute_not_exists(PK)',
    index: 'table',
    operation: 'TransactWriteItems',
  },
  { pattern: 'get an organisation', key: 'PK = ORG#<id> AND SK = PROFILE', index: 'table', operation: 'GetItem' },
  { pattern: 'who holds a licence number', key: 'PK = LICENSE#<licence> AND SK = LICENSE', index: 'table', operation: 'GetItem' },
  {
    pattern: "an organisation's status history, oldest first",
    key: 'PK = ORG#<id> AND begins_with(SK, HISTORY#)',
    index: 'table',
    operation: 'Query',
  },
  {
    pattern: 'record a reviewer decision once (second decision refused)',
    key: 'Update PK = ORG#<id>, SK = PROFILE if status = pending AND attribute_exists(taskToken) AND attribute_not_exists(decision)',
    index: 'table',
    operation: 'UpdateItem',
  },
  {
    pattern: 'approve: status pending → active, department established, history appended',
    key: 'Update PROFILE if status = pending + Put DEPARTMENT attribute_not_exists(PK) + Put HISTORY',
    index: 'table',
    operation: 'TransactWriteItems',
  },
  { pattern: "an organisation's volunteer department", key: 'PK = ORG#<id> AND SK = DEPARTMENT', index: 'table', operation: 'GetItem' },
  {
    pattern: 'organisations with an established volunteer department (national KPI)',
    key: 'GSI1PK = DEPARTMENTS AND GSI1SK > <since>',
    index: 'GSI1',
    operation: 'Query',
  },
  {
    pattern: 'add a manager (a user manages one organisation)',
    key: 'Put PK = ORG#<id>, SK = MANAGER#<sub> + Put PK = USER#<sub>, SK = MANAGES, both attribute_not_exists(PK)',
    index: 'table',
    operation: 'TransactWriteItems',
  },
  { pattern: "list an organisation's managers", key: 'PK = ORG#<id> AND begins_with(SK, MANAGER#)', index: 'table', operation: 'Query' },
];

const opportunityAccessPatterns: readonly AccessPattern[] = [
  {
    pattern: 'create a draft opportunity with its shifts',
    key: 'Put PK = OPP#<id>, SK = OPPORTUNITY + Put SK = SHIFT#<shiftId> per shift (≤ 50), attribute_not_exists(PK)',
    index: 'table',
    operation: 'TransactWriteItems',
  },
  {
    pattern: 'get an opportunity with its shifts and seats left',
    key: 'PK = OPP#<id> (OPPORTUNITY + SHIFT# items)',
    index: 'table',
    operation: 'Query',
  },
  { pattern: 'find a shift by its id', key: 'GSI1PK = SHIFT#<shiftId> AND GSI1SK = SHIFT', index: 'GSI1', operation: 'Query' },
  {
    pattern: 'reserve a seat on a shift (applications)',
    key: 'Update PK = OPP#<id>, SK = SHIFT#<shiftId> SET seatsTaken = seatsTaken + 1 if seatsTaken < #capacity (+ the application Put)',
    index: 'table',
    operation: 'TransactWriteItems',
  },
  {
    pattern: 'publish / close: status change and search index items in one step',
    key: 'Update OPPORTUNITY if status = draft|published + Put/Delete PK = OPPIDX#<id>, SK = PUB#<dim>#<value> (≤ 34 items)',
    index: 'table',
    operation: 'TransactWriteItems',
  },
  {
    pattern:
      'search published opportunities: Query the most selective filter\'s partition (org > profession > skill > city > category > all); ' +
      'the other filters are a FilterExpression on that page (pages may come back short, never wrong); ' +
      '`from` is the key condition, `to` a filter on the first shift start',
    key: 'GSI1PK = PUB#<dim>#<value> AND GSI1SK >= <from>',
    index: 'GSI1',
    operation: 'Query',
  },
];

// ── Notifications ────────────────────────────────────────────────────────────
/**
 * The outbox: one item per message per channel per person, keyed by its deterministic dedupe
 * key and written (conditionally) before anything is sent. Deferred (quiet-hours) SMS and
 * dead-lettered messages are also in sparse GSI1 partitions, removed when they leave that state.
 * Suppressions (SMS STOP, hard bounces, complaints) are per address, so they hold whoever owns
 * the number or mailbox.
 */
export const notificationKeys = {
  outbox: (id: string) => ({ PK: `NOTIF#${id}`, SK: 'NOTIF' }),
  /** Day bucket (UTC date of `sendAfter`) keeps the partition small; the job reads yesterday's and today's. */
  deferredIndex: (sendAfter: string, id: string) => ({ GSI1PK: `NOTIF#DEFERRED#${sendAfter.slice(0, 10)}`, GSI1SK: `${sendAfter}#${id}` }),
  deferredPartition: (day: string) => `NOTIF#DEFERRED#${day}`,
  deadIndex: (at: string, id: string) => ({ GSI1PK: 'NOTIF#DEAD', GSI1SK: `${at}#${id}` }),
  deadPartition: 'NOTIF#DEAD',
  suppression: (channel: 'email' | 'sms', address: string) => ({ PK: `SUPPRESS#${channel.toUpperCase()}#${address.toLowerCase()}`, SK: 'SUPPRESS' }),
  /** Local mode only: the SMS "phone network" (infra/local/sms.ts). */
  localSms: (at: string, id: string) => ({ PK: 'LOCALSMS', SK: `${at}#${id}` }),
  localSmsPartition: 'LOCALSMS',
  /** How far each reminder window has been covered (so a run never reads a shift twice). */
  reminderCursor: (window: string) => ({ PK: 'JOB#reminders', SK: `CURSOR#${window}` }),
  /**
   * Sparse GSI3 key on an approved seat (the applications area's BOOKING item): bookings by
   * shift start, in UTC-day partitions. The reminders job reads the bookings starting in a
   * window; a cancellation reads one shift's (begins_with `<start>#<shiftId>#`).
   */
  bookingStartIndex: (start: string, shiftId: string, volunteerId: string) => ({
    GSI3PK: `BOOKSTART#${start.slice(0, 10)}`,
    GSI3SK: `${start}#${shiftId}#${volunteerId}`,
  }),
  bookingStartPartition: (day: string) => `BOOKSTART#${day}`,
} as const;

const notificationAccessPatterns: readonly AccessPattern[] = [
  {
    pattern: 'write a notification once, before sending it (dedupe)',
    key: 'Put PK = NOTIF#<dedupe key>, SK = NOTIF if attribute_not_exists(PK)',
    index: 'table',
    operation: 'PutItem',
  },
  {
    pattern: 'record a send result / take over an abandoned send',
    key: 'Update PK = NOTIF#<id>, SK = NOTIF if status = sending (AND leaseUntil = <seen>)',
    index: 'table',
    operation: 'UpdateItem',
  },
  {
    pattern: 'deferred (quiet hours) SMS that are due',
    key: 'GSI1PK = NOTIF#DEFERRED#<yyyy-mm-dd> AND GSI1SK <= <now>',
    index: 'GSI1',
    operation: 'Query',
  },
  { pattern: 'dead-lettered notifications, newest first', key: 'GSI1PK = NOTIF#DEAD', index: 'GSI1', operation: 'Query' },
  {
    pattern: 'is an address suppressed (STOP, bounce, complaint) — both channels of a person at once',
    key: 'PK = SUPPRESS#<EMAIL|SMS>#<address> AND SK = SUPPRESS',
    index: 'table',
    operation: 'BatchGetItem',
  },
  { pattern: 'local SMS box, newest first (local mode)', key: 'PK = LOCALSMS', index: 'table', operation: 'Query' },
  { pattern: 'reminder window cursor', key: 'PK = JOB#reminders AND SK = CURSOR#<window>', index: 'table', operation: 'GetItem / PutItem' },
  {
    pattern: 'approved seats whose shift starts in a window (reminders)',
    key: 'GSI3PK = BOOKSTART#<yyyy-mm-dd> AND GSI3SK BETWEEN <from> AND <to>',
    index: 'GSI3',
    operation: 'Query',
  },
  {
    pattern: 'approved volunteers of one shift (cancellations)',
    key: 'GSI3PK = BOOKSTART#<yyyy-mm-dd of start> AND begins_with(GSI3SK, <start>#<shiftId>#)',
    index: 'GSI3',
    operation: 'Query',
  },
  { pattern: "a volunteer's approved shifts (calendar feed)", key: 'PK = VOL#<sub> AND begins_with(SK, BOOKING#)', index: 'table', operation: 'Query' },
];

// ── Applications ─────────────────────────────────────────────────────────────
/**
 * An application is one partition `APP#<id>`: the application item (status, `version`, the
 * task token of its review workflow, never returned) and one HISTORY item per transition
 * (SK = HISTORY#<version>, so a retried transition cannot write a second one).
 * - GSI1 `VOL#<sub>#APPS` lists a volunteer's applications (newest first);
 * - GSI2 `ORG#<orgId>#APP#<status>` is the review queue, re-keyed on every transition,
 *   sorted by the time of the last transition (oldest first).
 * Beside the volunteer's profile (`VOL#<sub>`):
 * - `APPLIED#<shiftId>`: one application per volunteer and shift, put in the transaction that
 *   creates the application, released when it is withdrawn or expires;
 * - `BOOKING#<start>#<shiftId>` (with `end`): an approved seat; `BOOKINGS` holds `version`
 *   (bumped by every booking) and `longestMs` (the longest booking), so the overlap query is
 *   `SK BETWEEN BOOKING#<start - longestMs> AND BOOKING#<end>` and the seat transaction's
 *   condition `version = <seen>` refuses a booking made since the overlap was read.
 * The waitlist of a shift is its own partition `WAITLIST#<shiftId>`: `WAIT#<seq>` items (FIFO)
 * and a `SEQUENCE` counter handing out `seq`. The shift item (opportunities) carries
 * `seatsTaken` and `waiting` (how many WAIT items exist), written only in transactions.
 */
export const applicationKeys = {
  application: (id: string) => ({ PK: `APP#${id}`, SK: 'APPLICATION' }),
  history: (id: string, version: number) => ({ PK: `APP#${id}`, SK: `HISTORY#${String(version).padStart(4, '0')}` }),
  historyPrefix: 'HISTORY#',
  byVolunteer: (sub: string, createdAt: string, id: string) => ({ GSI1PK: `VOL#${sub}#APPS`, GSI1SK: `${createdAt}#${id}` }),
  volunteerPartition: (sub: string) => `VOL#${sub}#APPS`,
  reviewQueue: (orgId: string, status: string, at: string, id: string) => ({ GSI2PK: `ORG#${orgId}#APP#${status}`, GSI2SK: `${at}#${id}` }),
  reviewPartition: (orgId: string, status: string) => `ORG#${orgId}#APP#${status}`,
  applied: (sub: string, shiftId: string) => ({ PK: `VOL#${sub}`, SK: `APPLIED#${shiftId}` }),
  booking: (sub: string, start: string, shiftId: string) => ({ PK: `VOL#${sub}`, SK: `BOOKING#${start}#${shiftId}` }),
  bookingSort: (start: string) => `BOOKING#${start}`,
  bookings: (sub: string) => ({ PK: `VOL#${sub}`, SK: 'BOOKINGS' }),
  waitlistEntry: (shiftId: string, seq: number) => ({ PK: `WAITLIST#${shiftId}`, SK: `WAIT#${String(seq).padStart(10, '0')}` }),
  waitlistPrefix: 'WAIT#',
  waitlistSequence: (shiftId: string) => ({ PK: `WAITLIST#${shiftId}`, SK: 'SEQUENCE' }),
} as const;

const applicationAccessPatterns: readonly AccessPattern[] = [
  {
    pattern: 'apply: the application, the volunteer–shift marker and history item 1 at once (already applied → 409)',
    key: 'Put PK = APP#<id>, SK = APPLICATION + Put PK = VOL#<sub>, SK = APPLIED#<shiftId> + Put HISTORY#0001, all attribute_not_exists(PK)',
    index: 'table',
    operation: 'TransactWriteItems',
  },
  { pattern: 'get an application', key: 'PK = APP#<id> AND SK = APPLICATION', index: 'table', operation: 'GetItem' },
  { pattern: "an application's history, oldest first", key: 'PK = APP#<id> AND begins_with(SK, HISTORY#)', index: 'table', operation: 'Query' },
  { pattern: "a volunteer's applications, newest first", key: 'GSI1PK = VOL#<sub>#APPS', index: 'GSI1', operation: 'Query' },
  {
    pattern: "an organisation's review queue per status, oldest transition first",
    key: 'GSI2PK = ORG#<orgId>#APP#<status>',
    index: 'GSI2',
    operation: 'Query',
  },
  { pattern: 'which application holds a volunteer–shift pair', key: 'PK = VOL#<sub> AND SK = APPLIED#<shiftId>', index: 'table', operation: 'GetItem' },
  {
    pattern: "a volunteer's approved bookings that may overlap a shift (double-booking guard)",
    key: 'PK = VOL#<sub> AND SK BETWEEN BOOKING#<start - longestMs> AND BOOKING#<end> (+ GetItem SK = BOOKINGS first)',
    index: 'table',
    operation: 'Query',
  },
  {
    pattern: 'status transition (pending, rejected, expired, withdrawn): application + history',
    key: 'Update APP#<id> if status = <from> AND version = <seen> + Put HISTORY#<version+1> (+ Delete APPLIED# when it ends)',
    index: 'table',
    operation: 'TransactWriteItems',
  },
  {
    pattern: 'reserve a seat: shift counter, application, booking, bookings version, history',
    key: 'Update OPP#<opp>/SHIFT#<id> seatsTaken + 1 if seatsTaken < #capacity + Update APP if status/version + Put BOOKING# + Update BOOKINGS if version = <seen> + Put HISTORY',
    index: 'table',
    operation: 'TransactWriteItems',
  },
  { pattern: 'next waitlist sequence number of a shift', key: 'Update PK = WAITLIST#<shiftId>, SK = SEQUENCE ADD seq 1', index: 'table', operation: 'UpdateItem' },
  {
    pattern: 'join the waitlist: shift waiting + 1 if full, WAIT item, application, history',
    key: 'Update SHIFT# waiting + 1 if seatsTaken >= #capacity + Put WAITLIST#<shiftId>/WAIT#<seq> + Update APP + Put HISTORY',
    index: 'table',
    operation: 'TransactWriteItems',
  },
  { pattern: 'first waitlisted applicants of a shift (FIFO)', key: 'PK = WAITLIST#<shiftId> AND begins_with(SK, WAIT#)', index: 'table', operation: 'Query' },
  {
    pattern: 'withdraw an approved application and promote the first waitlisted one, in one step',
    key: 'Update APP (approved → withdrawn) + Delete BOOKING + Delete APPLIED + Put HISTORY + [Delete WAIT#<seq> if exists + Update candidate APP if waitlisted + Put candidate BOOKING + Update candidate BOOKINGS if version + Put HISTORY + Update SHIFT waiting - 1] or [Update SHIFT seatsTaken - 1 if waiting = 0]',
    index: 'table',
    operation: 'TransactWriteItems',
  },
  {
    pattern: 'record a manager decision once (second decision refused)',
    key: 'Update APP#<id> if status = pending AND attribute_exists(taskToken) AND attribute_not_exists(decision)',
    index: 'table',
    operation: 'UpdateItem',
  },
];

// ── Matching (shared/db/matching-repository.ts; design in shared/domain/matching/retrieval.ts) ──
/** Zero-padded so that sort keys order numerically. */
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const matchingKeys = {
  /** A volunteer's matching view in its shard (the unit of work of MatchingRun). */
  shardMember: (shard: number, sub: string) => ({ PK: `MATCH#SHARD#${pad(shard, 3)}`, SK: `VOL#${sub}` }),
  /** Volunteer posting: who can be a candidate for an opportunity gated by `feature` in `cell`. */
  volunteerPosting: (feature: string, cell: string, sub: string) => ({ PK: `MATCH#VPOST#${feature}#${cell}`, SK: `VOL#${sub}` }),
  /** An open opportunity's matching view, spread over a few partitions (read whole by every run). */
  openOpportunity: (bucket: number, id: string) => ({ PK: `MATCH#OPEN#${pad(bucket, 2)}`, SK: `OPP#${id}` }),
  /** Change marker: this volunteer or opportunity must be matched again by the next job. */
  change: (kind: 'VOL' | 'OPP', id: string) => ({ PK: 'MATCH#CHANGES', SK: `${kind}#${id}` }),
  /** A volunteer's ranked match; `rank` 0 is the best. */
  match: (sub: string, rank: number) => ({ PK: `MATCH#VOL#${sub}`, SK: `RANK#${pad(rank, 3)}` }),
  invitation: (sub: string, opportunityId: string) => ({ PK: `MATCH#VOL#${sub}`, SK: `INV#${opportunityId}` }),
  /** Invitations counted per volunteer and ISO week (Asia/Riyadh), against the weekly cap. */
  invitationWeek: (sub: string, week: string) => ({ PK: `MATCH#VOL#${sub}`, SK: `INVWEEK#${week}` }),
  /** A candidate of an opportunity; GSI1 orders them by score (higher first), then volunteer. */
  candidate: (opportunityId: string, sub: string) => ({ PK: `MATCH#CAND#${opportunityId}`, SK: `VOL#${sub}` }),
  candidateRank: (opportunityId: string, score: number, sub: string) => ({
    GSI1PK: `MATCH#CAND#${opportunityId}`,
    GSI1SK: `${pad(10_000 - Math.round(score * 100), 5)}#${sub}`,
  }),
} as const;

const matchingAccessPatterns: readonly AccessPattern[] = [
  { pattern: 'volunteers of one matching shard (MatchingRun, one shard per child)', key: 'PK = MATCH#SHARD#<nnn>', index: 'table', operation: 'Query' },
  {
    pattern: 'candidate volunteers of an opportunity: those posted under its gate feature in a cell within reach',
    key: 'PK = MATCH#VPOST#<prof:x|skill:x|cause:x>#<cell> (one Query per feature and cell, bounded)',
    index: 'table',
    operation: 'Query',
  },
  { pattern: 'every open opportunity (matching runs build their in-memory index from it)', key: 'PK = MATCH#OPEN#<00..15>', index: 'table', operation: 'Query' },
  { pattern: 'pending matching changes (volunteers and opportunities to match again)', key: 'PK = MATCH#CHANGES', index: 'table', operation: 'Query' },
  {
    pattern: 'consume a change marker unless it changed meanwhile',
    key: 'Delete PK = MATCH#CHANGES, SK = <VOL|OPP>#<id> if changedAt = :seen',
    index: 'table',
    operation: 'DeleteItem',
  },
  { pattern: "a volunteer's ranked matches, paginated", key: 'PK = MATCH#VOL#<sub> AND begins_with(SK, RANK#)', index: 'table', operation: 'Query' },
  {
    pattern: 'invite a volunteer once per opportunity, at most N per week',
    key: 'Put PK = MATCH#VOL#<sub>, SK = INV#<opp> if attribute_not_exists(PK) + Update SK = INVWEEK#<week> if attribute_not_exists(invitations) OR invitations < :cap',
    index: 'table',
    operation: 'TransactWriteItems',
  },
  { pattern: "a volunteer's invitations for the opportunities on one page of matches", key: 'PK = MATCH#VOL#<sub> AND SK = INV#<opp> (per match)', index: 'table', operation: 'BatchGetItem' },
  {
    pattern: "an opportunity's candidates by score, paginated",
    key: 'GSI1PK = MATCH#CAND#<opp> (GSI1SK = <10000 − score×100>#<sub>, ascending)',
    index: 'GSI1',
    operation: 'Query',
  },
];

// ── The transactional outbox (shared/db/entities/outbox-event.ts) ─────────────────
export { EVENT_OUTBOX_SHARDS } from './entities/outbox-event.js';
export const eventOutboxKeys = { parked: outboxEvent.keys.item, shard: outboxEvent.keys.shard } as const;

const eventOutboxAccessPatterns: readonly AccessPattern[] = outboxEvent.accessPatterns;

export const accessPatterns: readonly AccessPattern[] = [
  ...eventOutboxAccessPatterns,
  ...[trainingModule, trainingVersion, trainingCompletion, trainingAttemptLog, trainingAttempt].flatMap((e) => e.accessPatterns),
  ...matchingAccessPatterns,
  ...applicationAccessPatterns,
  ...notificationAccessPatterns,
  ...organizationAccessPatterns,
  ...opportunityAccessPatterns,
  { pattern: 'get a volunteer profile by user (sub)', key: 'PK = VOL#<sub> AND SK = PROFILE', index: 'table', operation: 'GetItem' },
  {
    pattern: 'register a volunteer once per user and per national ID',
    key: 'Put PK = VOL#<sub>, SK = PROFILE + Put PK = NATID#<hmac>, SK = NATID, both attribute_not_exists(PK)',
    index: 'table',
    operation: 'TransactWriteItems',
  },
  {
    pattern: "list a volunteer's charter acceptances",
    key: 'PK = VOL#<sub> AND begins_with(SK, CHARTER#)',
    index: 'table',
    operation: 'Query',
  },
  {
    pattern: 'update a volunteer profile (optimistic: revision must match) and append consent changes',
    key: 'Update PK = VOL#<sub>, SK = PROFILE if attribute_exists(PK) AND revision = :seen + Put PK = VOL#<sub>, SK = CONSENT#<at>#<channel>',
    index: 'table',
    operation: 'TransactWriteItems',
  },
  {
    pattern: 'accept a charter version once and mark it on the profile',
    key: 'Put PK = VOL#<sub>, SK = CHARTER#<version> if attribute_not_exists(PK) + Update PK = VOL#<sub>, SK = PROFILE if attribute_exists(PK)',
    index: 'table',
    operation: 'TransactWriteItems',
  },
  { pattern: 'get one charter acceptance', key: 'PK = VOL#<sub> AND SK = CHARTER#<version>', index: 'table', operation: 'GetItem' },
  {
    pattern: "list a volunteer's contact-consent changes (opt-in/opt-out history)",
    key: 'PK = VOL#<sub> AND begins_with(SK, CONSENT#)',
    index: 'table',
    operation: 'Query',
  },
];
