/**
 * The national register (issue 12): an append-only ledger per volunteer, fed by the hours
 * events, and the totals kept beside it. Shapes of what is stored (LedgerEntry, TotalRow) and
 * of what the transcript answers.
 */
import * as z from 'zod';

const Id = z.string().min(1);
const At = z.iso.datetime({ offset: true });

export const Track = z.enum(['general', 'skills', 'professional']);

/**
 * One ledger entry: an approval adds minutes, a reversal is its own entry with negative
 * minutes and value. Never edited. `valueHalalas` is the value in halalas (1/100 SAR), an
 * integer, so that sums are exact.
 */
export const LedgerEntry = z.object({
  eventId: Id,
  kind: z.enum(['approval', 'reversal']),
  hoursId: Id,
  reversalId: Id.optional(),
  volunteerId: Id,
  orgId: Id,
  opportunityId: Id,
  /** The day the hours were given (Asia/Riyadh): their year is the `byYear` bucket. */
  date: z.iso.date(),
  minutes: z.int(),
  valueHalalas: z.int(),
  track: Track,
  causes: z.array(z.string()),
  /** approvedAt / reversedAt of the event. */
  at: At,
  /** When the register recorded it. */
  recordedAt: At,
});
export type LedgerEntry = z.output<typeof LedgerEntry>;

export const TOTAL_DIMENSIONS = ['all', 'org', 'year', 'cause', 'track'] as const;
export type TotalDimension = (typeof TOTAL_DIMENSIONS)[number];

/** One running total (a DynamoDB item per dimension value, updated with ADD). */
export const TotalRow = z.object({
  dimension: z.enum(TOTAL_DIMENSIONS),
  /** org id, year, cause or track; `all` for the grand total. */
  value: z.string(),
  minutes: z.int(),
  valueHalalas: z.int(),
  entries: z.int(),
});
export type TotalRow = z.output<typeof TotalRow>;

export const TranscriptQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().min(1).max(512).optional(),
  })
  .strict();

const Sum = { minutes: z.int(), valueSar: z.number() };

export const TranscriptEntryView = z.object({
  id: Id.describe('the id of the event that made the entry'),
  kind: z.enum(['approval', 'reversal']),
  hoursId: Id,
  reversalId: Id.optional(),
  orgId: Id,
  opportunityId: Id,
  date: z.iso.date(),
  minutes: z.int().describe('negative for a reversal'),
  valueSar: z.number(),
  track: Track,
  causes: z.array(z.string()),
  at: At,
});

export const Transcript = z.object({
  totalMinutes: z.int(),
  totalValueSar: z.number(),
  byOrganization: z.array(z.object({ orgId: Id, nameAr: z.string().optional(), nameEn: z.string().optional(), ...Sum })),
  byYear: z.array(z.object({ year: z.string(), ...Sum })),
  byCause: z.array(z.object({ cause: z.string(), ...Sum })),
  byTrack: z.array(z.object({ track: Track, ...Sum })),
  entries: z.array(TranscriptEntryView).describe('newest first'),
  projects: z
    .array(
      z.object({
        opportunityId: Id,
        titleAr: z.string(),
        titleEn: z.string(),
        minutes: z.int().describe("this page's minutes on the project"),
        deliverables: z.array(z.object({ id: Id, titleAr: z.string(), titleEn: z.string(), confirmedAt: At.optional().describe('confirmed as done by the managers') })),
      }),
    )
    .optional()
    .describe("the projects (professional volunteering, issue 19) of this page's entries, named with their deliverables"),
  nextCursor: z.string().optional(),
});
export type Transcript = z.output<typeof Transcript>;

// The repository checks that `after` is a key of the ledger it reads.
export const TranscriptCursor = z.object({ after: z.string().min(1).max(300) }).strict();
