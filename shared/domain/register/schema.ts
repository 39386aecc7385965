/**
 * The national register (issue 12): an append-only ledger per volunteer, fed by the hours
 * events, and the totals kept beside it. Shapes of what is stored (LedgerEntry, TotalRow) and
 * of what the transcript answers.
 */
import * as z from '../../zod.js';

const Id = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1));
const At = /* @__PURE__ */ z.iso.datetime({ offset: true });

export const Track = /* @__PURE__ */ z.enum(['general', 'skills', 'professional']);

/**
 * One ledger entry: an approval adds minutes, a reversal is its own entry with negative
 * minutes and value. Never edited. `valueHalalas` is the value in halalas (1/100 SAR), an
 * integer, so that sums are exact.
 */
export const LedgerEntry = /* @__PURE__ */ z.object({
  eventId: Id,
  kind: /* @__PURE__ */ z.enum(['approval', 'reversal']),
  hoursId: Id,
  reversalId: /* @__PURE__ */ z.optional(Id),
  volunteerId: Id,
  orgId: Id,
  opportunityId: Id,
  /** The day the hours were given (Asia/Riyadh): their year is the `byYear` bucket. */
  date: /* @__PURE__ */ z.iso.date(),
  minutes: /* @__PURE__ */ z.int(),
  valueHalalas: /* @__PURE__ */ z.int(),
  track: Track,
  causes: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  /** approvedAt / reversedAt of the event. */
  at: At,
  /** When the register recorded it. */
  recordedAt: At,
});
export type LedgerEntry = z.output<typeof LedgerEntry>;

export const TOTAL_DIMENSIONS = ['all', 'org', 'year', 'cause', 'track'] as const;
export type TotalDimension = (typeof TOTAL_DIMENSIONS)[number];

/** One running total (a DynamoDB item per dimension value, updated with ADD). */
export const TotalRow = /* @__PURE__ */ z.object({
  dimension: /* @__PURE__ */ z.enum(TOTAL_DIMENSIONS),
  /** org id, year, cause or track; `all` for the grand total. */
  value: /* @__PURE__ */ z.string(),
  minutes: /* @__PURE__ */ z.int(),
  valueHalalas: /* @__PURE__ */ z.int(),
  entries: /* @__PURE__ */ z.int(),
});
export type TotalRow = z.output<typeof TotalRow>;

export const TranscriptQuery = /* @__PURE__ */ z.strictObject({
  limit: /* @__PURE__ */ z._default(/* @__PURE__ */ z.coerce.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(100)), 50),
  cursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(512))),
});

const Sum = { minutes: /* @__PURE__ */ z.int(), valueSar: /* @__PURE__ */ z.number() };

export const TranscriptEntryView = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.described(Id, 'the id of the event that made the entry'),
  kind: /* @__PURE__ */ z.enum(['approval', 'reversal']),
  hoursId: Id,
  reversalId: /* @__PURE__ */ z.optional(Id),
  orgId: Id,
  opportunityId: Id,
  date: /* @__PURE__ */ z.iso.date(),
  minutes: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int(), 'negative for a reversal'),
  valueSar: /* @__PURE__ */ z.number(),
  track: Track,
  causes: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  at: At,
});

export const Transcript = /* @__PURE__ */ (() =>
  z.object({
    totalMinutes: /* @__PURE__ */ z.int(),
    totalValueSar: /* @__PURE__ */ z.number(),
    byOrganization: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ orgId: Id, nameAr: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), nameEn: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), ...Sum })),
    byYear: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ year: /* @__PURE__ */ z.string(), ...Sum })),
    byCause: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ cause: /* @__PURE__ */ z.string(), ...Sum })),
    byTrack: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ track: Track, ...Sum })),
    entries: /* @__PURE__ */ z.described(/* @__PURE__ */ z.array(TranscriptEntryView), 'newest first'),
    projects: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z
      .array(
        /* @__PURE__ */ z.object({
          opportunityId: Id,
          titleAr: /* @__PURE__ */ z.string(),
          titleEn: /* @__PURE__ */ z.string(),
          minutes: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int(), "this page's minutes on the project"),
          deliverables: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ id: Id, titleAr: /* @__PURE__ */ z.string(), titleEn: /* @__PURE__ */ z.string(), confirmedAt: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(At), 'confirmed as done by the managers') })),
        }),
      )), "the projects (professional volunteering, issue 19) of this page's entries, named with their deliverables"),
    nextCursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  }))();
export type Transcript = z.output<typeof Transcript>;

// The repository checks that `after` is a key of the ledger it reads.
export const TranscriptCursor = /* @__PURE__ */ z.strictObject({ after: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(300)) });
