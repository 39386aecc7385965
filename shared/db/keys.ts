/**
 * Key layout of the single table, as pure functions. Every item carries `entity`.
 * Ids are ULIDs (time-ordered), so sort keys built from them list oldest first.
 *
 * Each area adds its keys and access patterns below; the table at the end of this file is
 * the list of every access pattern (pattern → key condition → index). No Scan, anywhere.
 */

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

export const accessPatterns: readonly AccessPattern[] = [
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
