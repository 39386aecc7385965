/**
 * The retention table (Saudi PDPL: keep personal data only as long as its purpose needs), in one
 * place. Entity modules and the idempotency store turn these into the DynamoDB TTL attribute
 * (`expiresAt`, epoch seconds) when they write an item; the README lists the table.
 * DynamoDB deletes expired items within a few days of expiry, so readers that must not see an
 * expired item (one-time links, codes) also compare `expiresAt` with the clock.
 */
const DAY = 86_400;

export const RETENTION = {
  /** Email and SMS records (the notification outbox: address, parameters), from creation. */
  messages: { seconds: 365 * DAY, enforcedBy: 'TTL', what: 'message records (email/SMS outbox, with address and text)' },
  /** Rejected, withdrawn and expired applications, from their last change. */
  closedApplications: { seconds: 365 * DAY, enforcedBy: 'TTL', what: 'rejected, withdrawn and expired applications (with motivation text)' },
  /** Idempotency records: a replay needs the status and the id, never a body with contact data. */
  idempotency: { seconds: DAY, enforcedBy: 'TTL', what: 'idempotency records (no response bodies with contact data)' },
  /** A signed-in user who never completed a registration: nothing personal is written before it. */
  unverifiedRegistrations: { seconds: 30 * DAY, enforcedBy: 'not stored', what: 'unverified registrations (nothing is stored before the profile exists)' },
  /** The one-time download of a large export. */
  exportDownloads: { seconds: DAY, enforcedBy: 'TTL + checked on read', what: 'prepared personal-data exports (one download)' },
  /** The code confirming an erasure. */
  erasureCodes: { seconds: 15 * 60, enforcedBy: 'TTL + checked on read', what: 'erasure confirmation codes' },
  /** Who accessed whose personal data (append-only; the controller must be able to show it). */
  auditTrail: { seconds: 5 * 365 * DAY, enforcedBy: 'TTL', what: 'the audit trail of access to personal data (no data itself)' },
  /** Function logs (no personal data in them): per stage, set on the log groups. */
  logs: { seconds: 90 * DAY, enforcedBy: 'log group retention (prod 90 days, other stages shorter)', what: 'function logs' },
} as const;
export type RetainedKind = keyof typeof RETENTION;

/** The TTL attribute value of an item of `kind` written at `from`. */
export const expiresAt = (kind: RetainedKind, from: Date | string): number =>
  Math.floor(new Date(from).getTime() / 1000) + RETENTION[kind].seconds;
