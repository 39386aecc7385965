/**
 * Shapes of the personal-data rights (Saudi PDPL, issue 18): the export of everything held
 * about a volunteer. Every section is a list of records as stored (minus key attributes and
 * what identifies other people); `other` keeps every remaining kind of item the volunteer's
 * partitions hold, by entity name, so that nothing held is left out of the copy.
 */
import * as z from '../../zod.js';

const Timestamp = /* @__PURE__ */ z.iso.datetime({ offset: true });
const Rows = /* @__PURE__ */ z.array(/* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown()));

/** The sections of an export, in the order of the ZIP's CSV files. */
export const EXPORT_SECTIONS = [
  'consentHistory',
  'charterAcceptances',
  'applications',
  'hours',
  'register',
  'certificates',
  'badges',
  'points',
  'trainings',
  'evaluationsGiven',
  'evaluationsReceived',
  'messages',
  'companies',
] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];

export const PersonalDataExport = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    volunteerId: /* @__PURE__ */ z.string(),
    generatedAt: Timestamp,
    profile: /* @__PURE__ */ z.described(/* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown()), 'the profile as held (the national ID only masked; its keyed hash is not personal data one can use)'),
    consentHistory: /* @__PURE__ */ z.described(Rows, 'each grant and withdrawal: channel (email, sms, publication, companyReports), granted, at, via'),
    charterAcceptances: Rows,
    applications: Rows,
    hours: Rows,
    register: /* @__PURE__ */ z.described(Rows, 'the national register: ledger entries and running totals'),
    certificates: Rows,
    badges: Rows,
    points: Rows,
    trainings: /* @__PURE__ */ z.described(Rows, 'completions and quiz attempts'),
    evaluationsGiven: /* @__PURE__ */ z.described(Rows, 'the volunteer’s ratings of the shifts they attended'),
    evaluationsReceived: /* @__PURE__ */ z.described(Rows, 'the managers’ ratings of the volunteer, without who rated'),
    messages: /* @__PURE__ */ z.described(Rows, 'email and SMS sent (or suppressed) to the volunteer'),
    companies: /* @__PURE__ */ z.described(Rows, 'company employment: the membership, the employee records with the work email and stints, join codes sent to the work address, programme participations and time-off balances'),
    other: /* @__PURE__ */ z.described(/* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), Rows), 'every other kind of item held, by entity (bookings, matches, counters…)'),
  }), { id: 'PersonalDataExport' });
export type PersonalDataExport = z.output<typeof PersonalDataExport>;

/** A copy prepared asynchronously: requested, ready (stored, its one-time link emailed), downloaded. */
export const ExportJob = /* @__PURE__ */ z.object({
  exportId: /* @__PURE__ */ z.string(),
  volunteerId: /* @__PURE__ */ z.string(),
  status: /* @__PURE__ */ z.enum(['preparing', 'ready', 'downloaded']),
  items: /* @__PURE__ */ z.int(),
  requestedAt: /* @__PURE__ */ z.string(),
  validUntil: /* @__PURE__ */ z.string(),
  objectKey: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  readyAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  downloadedAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type ExportJob = z.infer<typeof ExportJob>;

export const PersonalDataExportRequestedDetail = /* @__PURE__ */ z.strictObject({ exportId: /* @__PURE__ */ z.string(), volunteerId: /* @__PURE__ */ z.string(), requestedAt: Timestamp });

export const ExportDownloadPath = /* @__PURE__ */ z.object({ exportId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an export id (ULID)')) });
export const ExportDownloadQuery = /* @__PURE__ */ z.strictObject({ token: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[A-Za-z0-9_-]{43}$/, 'must be the token of the emailed link')) });

export const ExportPreparing = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    exportId: /* @__PURE__ */ z.string(),
    status: /* @__PURE__ */ z.literal('preparing'),
    items: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int(), 'how many records the export holds'),
    expiresAt: /* @__PURE__ */ z.described(Timestamp, 'the emailed link works once, until then'),
  }), { id: 'ExportPreparing' });
export type ExportPreparing = z.output<typeof ExportPreparing>;

/** The second call of `DELETE /v1/volunteers/me`: the emailed code (the first call has no body). */
export const ErasureConfirmation = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.strictObject({ code: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^\d{6}$/, 'must be the 6 digits sent by email')) }));
export type ErasureConfirmation = z.output<typeof ErasureConfirmation>;

export const ErasureAnswer = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    status: /* @__PURE__ */ z.enum(['code-sent', 'erasing']),
    expiresAt: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(Timestamp), 'code-sent: the code works until then'),
  }), { id: 'ErasureAnswer' });
