/**
 * Shapes of opportunities and shifts: what managers send (CreateOpportunity), what is stored
 * (OpportunityRecord, ShiftRecord), what clients get back (OpportunityView, OpportunitySummary)
 * and the search query. Times are accepted with any offset and stored as UTC ISO strings, so
 * that they compare correctly as strings inside sort keys.
 */
import * as z from 'zod';
import { GeoPoint } from '../reference/contact.js';
import { Cause } from '../reference/causes.js';
import { CityId } from '../reference/cities.js';
import { Profession, SkillName } from '../reference/professions.js';
import { boundedText, uniqueItems } from '../organizations/schema.js';

export const MAX_SHIFTS = 50;
export const MAX_CAPACITY = 10_000;
/** A shift is a stretch of work one person does: at most a day (a 10-year "shift" is a typo or a probe). */
export const MAX_SHIFT_HOURS = 24;
/** Shifts are planned at most this far ahead (a shift in year 9999 is a typo or a probe). */
export const MAX_SHIFT_LEAD_DAYS = 2 * 365;
export const MAX_SKILLS = 20;
export const MAX_PROFESSIONS = 10;
export const MAX_TRAINING_MODULES = 20;

const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id (ULID)');

/** ISO 8601 date-time with an offset (`Z` or `+03:00`), normalised to UTC. */
export const Instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset, e.g. 2030-01-31T08:00:00+03:00' })
  .transform((value) => new Date(value).toISOString());

/** Roughly the bounding box of Saudi Arabia (WGS84). */
export { GeoPoint };

export const ShiftInput = z
  .object({
    start: Instant,
    end: Instant,
    capacity: z.int().min(1).max(MAX_CAPACITY).describe(`seats, 1–${MAX_CAPACITY}`),
  })
  .strict()
  .refine((shift) => shift.end > shift.start, { path: ['end'], message: 'must be after start' })
  .refine((shift) => Date.parse(shift.end) - Date.parse(shift.start) <= MAX_SHIFT_HOURS * 3_600_000, {
    path: ['end'],
    message: `must be at most ${MAX_SHIFT_HOURS} hours after start`,
  });

/** Two shifts with the same start and end are one shift typed twice: refused, naming the second. */
function noIdenticalShifts(shifts: readonly { start: string; end: string }[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  shifts.forEach((shift, index) => {
    const key = `${shift.start}/${shift.end}`;
    const first = seen.get(key);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: [index, 'start'], message: `is the same shift as shifts.${first} (same start and end); raise its capacity instead` });
    else seen.set(key, index);
  });
}

/** A training module id, e.g. `first-aid-basics` (the training area defines the modules). */
export const TrainingModuleId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a module id such as first-aid-basics').max(60);

/** A project (issue 19): professional work over a period rather than shifts — a legal review, a website, an audit. */
export const MAX_DELIVERABLES = 20;
export const MAX_PROJECT_DAYS = 366;
export const DeliverableInput = z.object({ titleAr: boundedText(3, 200), titleEn: boundedText(3, 200) }).strict();
export const ProjectInput = z
  .object({
    start: Instant.describe('the period starts (the project is one period, never shifts)'),
    end: Instant,
    estimatedHours: z.int().min(1).max(2_000).describe('estimated effort per volunteer, in hours'),
    seats: z.int().min(1).max(MAX_CAPACITY).describe('volunteers the project takes'),
    deliverables: z.array(DeliverableInput).min(1).max(MAX_DELIVERABLES).describe('what is to be delivered, in both languages; managers confirm each when done'),
  })
  .strict()
  .refine((p) => p.end > p.start, { path: ['end'], message: 'must be after start' })
  .refine((p) => Date.parse(p.end) - Date.parse(p.start) <= MAX_PROJECT_DAYS * 86_400_000, { path: ['end'], message: `must be at most ${MAX_PROJECT_DAYS} days after start` });
export type ProjectInput = z.output<typeof ProjectInput>;

/** What an opportunity stores about its project: the effort and the deliverables with their ids (the period is its one shift). */
export const ProjectRecord = z.object({
  estimatedHours: z.int(),
  deliverables: z.array(z.object({ id: z.string(), titleAr: z.string(), titleEn: z.string() })),
});
export type ProjectRecord = z.infer<typeof ProjectRecord>;

/**
 * The fields a manager gives, without defaults: CreateOpportunity adds the defaults and the
 * shifts or project; UpdateOpportunity makes every field optional (a default there would
 * overwrite what the patch leaves out).
 */
const OpportunityFields = z
  .object({
    titleAr: boundedText(3, 120),
    titleEn: boundedText(3, 120),
    descriptionAr: boundedText(10, 4000),
    descriptionEn: boundedText(10, 4000),
    category: Cause,
    city: CityId,
    location: GeoPoint.optional(),
    remote: z.boolean(),
    skills: z.array(SkillName).max(MAX_SKILLS).superRefine(uniqueItems('skill')),
    professions: z.array(Profession).max(MAX_PROFESSIONS).superRefine(uniqueItems('profession')),
    minAge: z.int().min(12).max(100).optional().describe('youngest age a volunteer may have on the shift'),
    requiresApproval: z.boolean().describe('true: a manager approves each application; false: eligible volunteers get a seat at once'),
    trainingModules: z.array(TrainingModuleId).max(MAX_TRAINING_MODULES).superRefine(uniqueItems('training module')),
  })
  .strict();
const field = OpportunityFields.shape;

const CreateOpportunityFields = OpportunityFields.extend({
  remote: field.remote.default(false),
  skills: field.skills.default([]),
  professions: field.professions.default([]),
  trainingModules: field.trainingModules.default([]),
  shifts: z.array(ShiftInput).min(1).max(MAX_SHIFTS).superRefine(noIdenticalShifts).optional().describe('the shifts; give either shifts or a project'),
  project: ProjectInput.optional().describe('a project instead of shifts: a period, the estimated effort, seats and deliverables (issue 19)'),
}).strict();
export const CreateOpportunity = CreateOpportunityFields.superRefine((o, ctx) => {
  if (o.shifts === undefined && o.project === undefined) ctx.addIssue({ code: 'custom', path: ['shifts'], message: 'give the shifts, or a project' });
  if (o.shifts !== undefined && o.project !== undefined) ctx.addIssue({ code: 'custom', path: ['project'], message: 'a project has no shifts: give one or the other' });
});
export type CreateOpportunity = z.output<typeof CreateOpportunity>;

export const OpportunityStatus = z.enum(['draft', 'published', 'closed']);
export type OpportunityStatus = z.infer<typeof OpportunityStatus>;

export interface OpportunityRecord extends Omit<CreateOpportunity, 'shifts' | 'project'> {
  /** `project`: one period (its only shift) with deliverables; hours are claimed, not checked in. Absent: shifts. */
  readonly kind?: 'project';
  readonly project?: ProjectRecord;
  readonly id: string;
  readonly orgId: string;
  readonly status: OpportunityStatus;
  readonly firstShiftStart: string;
  readonly lastShiftEnd: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly publishedAt?: string;
  readonly closedAt?: string;
}

/** `seatsTaken` is the counter applications reserve seats against (condition seatsTaken < capacity). */
export interface ShiftRecord {
  readonly id: string;
  readonly opportunityId: string;
  readonly orgId: string;
  readonly start: string;
  readonly end: string;
  readonly capacity: number;
  readonly seatsTaken: number;
  /** Waitlist entries of the shift (kept by the applications area). */
  readonly waiting?: number;
  /** The period of a project (its only shift): it neither blocks nor is blocked by shifts (double-booking guard). */
  readonly project?: boolean;
}

export const ShiftView = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  capacity: z.int(),
  seatsLeft: z.int(),
});
export type ShiftView = z.infer<typeof ShiftView>;

export const OpportunityView = CreateOpportunityFields.omit({ shifts: true, project: true }).extend({
  kind: z.literal('project').optional().describe('a project: one period (its only shift) with deliverables; hours are claimed'),
  project: ProjectRecord.optional(),
  id: z.string(),
  orgId: z.string(),
  status: OpportunityStatus,
  firstShiftStart: z.string(),
  lastShiftEnd: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().optional(),
  closedAt: z.string().optional(),
  shifts: z.array(ShiftView),
});
export type OpportunityView = z.infer<typeof OpportunityView>;

/** What a search result carries (the index items hold exactly this; no descriptions). */
export const OpportunitySummary = z.object({
  id: z.string(),
  orgId: z.string(),
  titleAr: z.string(),
  titleEn: z.string(),
  category: Cause,
  city: CityId,
  location: GeoPoint.optional(),
  remote: z.boolean(),
  skills: z.array(z.string()),
  professions: z.array(Profession),
  minAge: z.int().optional(),
  requiresApproval: z.boolean(),
  firstShiftStart: z.string(),
  lastShiftEnd: z.string(),
  publishedAt: z.string(),
});
export type OpportunitySummary = z.infer<typeof OpportunitySummary>;

export const SearchOpportunities = z
  .object({
    city: CityId.optional(),
    category: Cause.optional(),
    skill: SkillName.optional(),
    profession: Profession.optional(),
    orgId: Ulid.optional(),
    from: Instant.optional().describe('opportunities with a shift ending at or after this time (default: now)'),
    to: Instant.optional().describe('opportunities with a shift starting at or before this time'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().min(1).max(2048).optional().describe('nextCursor of the previous page (opaque)'),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.to >= q.from, { path: ['to'], message: 'must not be before from' });
export type SearchOpportunities = z.output<typeof SearchOpportunities>;

export const SearchPage = z.object({ items: z.array(OpportunitySummary), nextCursor: z.string().optional() });
export type SearchPage = z.infer<typeof SearchPage>;

export const OpportunityPath = z.object({ id: Ulid });

/** One shift of an edit: `id` keeps (and changes) an existing shift; without it a new shift is added. */
export const ShiftEdit = z
  .object({
    id: Ulid.optional().describe('an existing shift of this opportunity; omit for a new shift'),
    start: Instant,
    end: Instant,
    capacity: z.int().min(1).max(MAX_CAPACITY).describe(`seats, 1–${MAX_CAPACITY}; never below the seats already taken`),
  })
  .strict()
  .refine((shift) => shift.end > shift.start, { path: ['end'], message: 'must be after start' })
  .refine((shift) => Date.parse(shift.end) - Date.parse(shift.start) <= MAX_SHIFT_HOURS * 3_600_000, {
    path: ['end'],
    message: `must be at most ${MAX_SHIFT_HOURS} hours after start`,
  });
export type ShiftEdit = z.output<typeof ShiftEdit>;

/**
 * `PATCH /v1/opportunities/{id}`: the fields to change. `shifts`, when given, is the whole new
 * list: shifts with an `id` are kept (with their new times and capacity), shifts without one are
 * added, shifts left out are removed.
 */
export const UpdateOpportunity = OpportunityFields.partial()
  .extend({
    location: field.location.unwrap().nullable().optional().describe('null removes it'),
    minAge: field.minAge.unwrap().nullable().optional().describe('null removes it'),
    shifts: z.array(ShiftEdit).min(1).max(MAX_SHIFTS).superRefine(noIdenticalShifts).optional(),
  })
  .strict()
  .refine((edit) => Object.keys(edit).length > 0, { message: 'nothing to change' });
export type UpdateOpportunity = z.output<typeof UpdateOpportunity>;

/** What a manager's list shows of each opportunity (no descriptions, no shifts). */
export const OrganizationOpportunity = z.object({
  id: z.string(),
  orgId: z.string(),
  titleAr: z.string(),
  titleEn: z.string(),
  category: Cause,
  city: CityId,
  status: OpportunityStatus,
  requiresApproval: z.boolean(),
  firstShiftStart: z.string(),
  lastShiftEnd: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().optional(),
  closedAt: z.string().optional(),
});
export type OrganizationOpportunity = z.infer<typeof OrganizationOpportunity>;
export const OrganizationOpportunityPage = z.object({ items: z.array(OrganizationOpportunity), nextCursor: z.string().optional() });
export type OrganizationOpportunityPage = z.infer<typeof OrganizationOpportunityPage>;
export const OrganizationOpportunitiesQuery = z
  .object({
    status: OpportunityStatus.optional().describe('draft, published or closed; all when omitted'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().min(1).max(1024).optional().describe('nextCursor of the previous page (opaque)'),
  })
  .strict();
export type OrganizationOpportunitiesQuery = z.output<typeof OrganizationOpportunitiesQuery>;
export const StatusResponse = z.object({ id: z.string(), status: OpportunityStatus });

// ── Domain events (contracts in events/catalog.ts) ──────────────────────────
export const OpportunityPublishedDetail = z
  .object({
    opportunityId: z.string(),
    orgId: z.string(),
    category: Cause,
    city: CityId,
    skills: z.array(z.string()),
    professions: z.array(Profession),
    requiresApproval: z.boolean(),
    firstShiftStart: z.iso.datetime({ offset: true }),
    lastShiftEnd: z.iso.datetime({ offset: true }),
    publishedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type OpportunityPublishedDetail = z.infer<typeof OpportunityPublishedDetail>;

/** The optional body of `POST /v1/opportunities/{id}/close`. */
export const CloseOpportunity = z
  .object({
    beneficiaries: z.int().min(0).max(10_000_000).optional().describe('people the opportunity served (impact reports); reported once, when closing'),
  })
  .strict()
  .optional();
export type CloseOpportunity = z.output<typeof CloseOpportunity>;

export const OpportunityClosedDetail = z
  .object({
    opportunityId: z.string(),
    orgId: z.string(),
    previousStatus: z.enum(['draft', 'published']),
    closedAt: z.iso.datetime({ offset: true }),
    /** People the opportunity served, as its managers reported when closing it (impact, issue 16). */
    beneficiaries: z.int().min(0).optional(),
  })
  .strict();
export type OpportunityClosedDetail = z.infer<typeof OpportunityClosedDetail>;

/** A published opportunity was edited in a way its volunteers must hear about: its place, or shift times. */
export const OpportunityUpdatedDetail = z
  .object({
    opportunityId: z.string(),
    orgId: z.string(),
    /** City or location changed: every volunteer with a seat is told. */
    placeChanged: z.boolean(),
    /** Shifts whose start or end moved (only shifts without seats may move). */
    movedShifts: z.array(z.object({ shiftId: z.string(), start: z.string(), end: z.string(), previousStart: z.string(), previousEnd: z.string() })),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type OpportunityUpdatedDetail = z.infer<typeof OpportunityUpdatedDetail>;
