/**
 * Shapes of opportunities and shifts: what managers send (CreateOpportunity), what is stored
 * (OpportunityRecord, ShiftRecord), what clients get back (OpportunityView, OpportunitySummary)
 * and the search query. Times are accepted with any offset and stored as UTC ISO strings, so
 * that they compare correctly as strings inside sort keys.
 */
import * as z from '../../zod.js';
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

const Ulid = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id (ULID)'));

/** ISO 8601 date-time with an offset (`Z` or `+03:00`), normalised to UTC. */
export const Instant = /* @__PURE__ */ z.pipe(/* @__PURE__ */ z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset, e.g. 2030-01-31T08:00:00+03:00' }), /* @__PURE__ */ z.transform((value) => new Date(value).toISOString()));

/** Roughly the bounding box of Saudi Arabia (WGS84). */
export { GeoPoint };

export const ShiftInput = /* @__PURE__ */ (() => z.strictObject({
    start: Instant,
    end: Instant,
    capacity: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(MAX_CAPACITY)), `seats, 1–${MAX_CAPACITY}`),
  })
  .check(/* @__PURE__ */ z.refine((shift) => shift.end > shift.start, { path: ['end'], message: 'must be after start' }), /* @__PURE__ */ z.refine((shift) => Date.parse(shift.end) - Date.parse(shift.start) <= MAX_SHIFT_HOURS * 3_600_000, {
    path: ['end'],
    message: `must be at most ${MAX_SHIFT_HOURS} hours after start`,
  })))();

/** Two shifts with the same start and end are one shift typed twice: refused, naming the second. */
function noIdenticalShifts(shifts: readonly { start: string; end: string }[], ctx: z.core.$RefinementCtx): void {
  const seen = new Map<string, number>();
  shifts.forEach((shift, index) => {
    const key = `${shift.start}/${shift.end}`;
    const first = seen.get(key);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: [index, 'start'], message: `is the same shift as shifts.${first} (same start and end); raise its capacity instead` });
    else seen.set(key, index);
  });
}

/** A training module id, e.g. `first-aid-basics` (the training area defines the modules). */
export const TrainingModuleId = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a module id such as first-aid-basics'), /* @__PURE__ */ z.maxLength(60));

/** A project (issue 19): professional work over a period rather than shifts — a legal review, a website, an audit. */
export const MAX_DELIVERABLES = 20;
export const MAX_PROJECT_DAYS = 366;
export const DeliverableInput = /* @__PURE__ */ z.strictObject({ titleAr: /* @__PURE__ */ boundedText(3, 200), titleEn: /* @__PURE__ */ boundedText(3, 200) });
export const ProjectInput = /* @__PURE__ */ (() => z.strictObject({
  start: /* @__PURE__ */ z.described(Instant, 'the period starts (the project is one period, never shifts)'),
  end: Instant,
  estimatedHours: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(2_000)), 'estimated effort per volunteer, in hours'),
  seats: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(MAX_CAPACITY)), 'volunteers the project takes'),
  deliverables: /* @__PURE__ */ z.described(/* @__PURE__ */ z.array(DeliverableInput).check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(MAX_DELIVERABLES)), 'what is to be delivered, in both languages; managers confirm each when done'),
})
  .check(/* @__PURE__ */ z.refine((p) => p.end > p.start, { path: ['end'], message: 'must be after start' }), /* @__PURE__ */ z.refine((p) => Date.parse(p.end) - Date.parse(p.start) <= MAX_PROJECT_DAYS * 86_400_000, { path: ['end'], message: `must be at most ${MAX_PROJECT_DAYS} days after start` })))();
export type ProjectInput = z.output<typeof ProjectInput>;

/** What an opportunity stores about its project: the effort and the deliverables with their ids (the period is its one shift). */
export const ProjectRecord = /* @__PURE__ */ z.object({
  estimatedHours: /* @__PURE__ */ z.int(),
  deliverables: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ id: /* @__PURE__ */ z.string(), titleAr: /* @__PURE__ */ z.string(), titleEn: /* @__PURE__ */ z.string() })),
});
export type ProjectRecord = z.infer<typeof ProjectRecord>;

/**
 * The fields a manager gives, without defaults: CreateOpportunity adds the defaults and the
 * shifts or project; UpdateOpportunity makes every field optional (a default there would
 * overwrite what the patch leaves out).
 */
const OpportunityFields = /* @__PURE__ */ z.strictObject({
  titleAr: /* @__PURE__ */ boundedText(3, 120),
  titleEn: /* @__PURE__ */ boundedText(3, 120),
  descriptionAr: /* @__PURE__ */ boundedText(10, 4000),
  descriptionEn: /* @__PURE__ */ boundedText(10, 4000),
  category: Cause,
  city: CityId,
  location: /* @__PURE__ */ z.optional(GeoPoint),
  remote: /* @__PURE__ */ z.boolean(),
  skills: /* @__PURE__ */ z.array(SkillName).check(/* @__PURE__ */ z.maxLength(MAX_SKILLS), /* @__PURE__ */ z.superRefine(/* @__PURE__ */ uniqueItems('skill'))),
  professions: /* @__PURE__ */ z.array(Profession).check(/* @__PURE__ */ z.maxLength(MAX_PROFESSIONS), /* @__PURE__ */ z.superRefine(/* @__PURE__ */ uniqueItems('profession'))),
  minAge: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(12), /* @__PURE__ */ z.lte(100))), 'youngest age a volunteer may have on the shift'),
  requiresApproval: /* @__PURE__ */ z.described(/* @__PURE__ */ z.boolean(), 'true: a manager approves each application; false: eligible volunteers get a seat at once'),
  trainingModules: /* @__PURE__ */ z.array(TrainingModuleId).check(/* @__PURE__ */ z.maxLength(MAX_TRAINING_MODULES), /* @__PURE__ */ z.superRefine(/* @__PURE__ */ uniqueItems('training module'))),
});
const field = /* @__PURE__ */ (() =>
  OpportunityFields.shape)();

const CreateOpportunityFields = /* @__PURE__ */ (() =>
  z.strict(z.extend(OpportunityFields, {
    remote: /* @__PURE__ */ z._default(field.remote, false),
    skills: /* @__PURE__ */ z._default(field.skills, []),
    professions: /* @__PURE__ */ z._default(field.professions, []),
    trainingModules: /* @__PURE__ */ z._default(field.trainingModules, []),
    shifts: /* @__PURE__ */ z.described(z.optional(z.array(ShiftInput).check(z.minLength(1), z.maxLength(MAX_SHIFTS), z.superRefine(noIdenticalShifts))), 'the shifts; give either shifts or a project'),
    project: /* @__PURE__ */ z.described(z.optional(ProjectInput), 'a project instead of shifts: a period, the estimated effort, seats and deliverables (issue 19)'),
  })))();
export const CreateOpportunity = /* @__PURE__ */ CreateOpportunityFields.check(/* @__PURE__ */ z.superRefine((o, ctx) => {
  if (o.shifts === undefined && o.project === undefined) ctx.addIssue({ code: 'custom', path: ['shifts'], message: 'give the shifts, or a project' });
  if (o.shifts !== undefined && o.project !== undefined) ctx.addIssue({ code: 'custom', path: ['project'], message: 'a project has no shifts: give one or the other' });
}));
export type CreateOpportunity = z.output<typeof CreateOpportunity>;

export const OpportunityStatus = /* @__PURE__ */ z.enum(['draft', 'published', 'closed']);
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

export const ShiftView = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string(),
  start: /* @__PURE__ */ z.string(),
  end: /* @__PURE__ */ z.string(),
  capacity: /* @__PURE__ */ z.int(),
  seatsLeft: /* @__PURE__ */ z.int(),
});
export type ShiftView = z.infer<typeof ShiftView>;

export const OpportunityView = /* @__PURE__ */ z.extend(/* @__PURE__ */ z.omit(CreateOpportunityFields, { shifts: true, project: true }), {
  kind: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.literal('project')), 'a project: one period (its only shift) with deliverables; hours are claimed'),
  project: /* @__PURE__ */ z.optional(ProjectRecord),
  id: /* @__PURE__ */ z.string(),
  orgId: /* @__PURE__ */ z.string(),
  status: OpportunityStatus,
  firstShiftStart: /* @__PURE__ */ z.string(),
  lastShiftEnd: /* @__PURE__ */ z.string(),
  createdAt: /* @__PURE__ */ z.string(),
  updatedAt: /* @__PURE__ */ z.string(),
  publishedAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  closedAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  shifts: /* @__PURE__ */ z.array(ShiftView),
});
export type OpportunityView = z.infer<typeof OpportunityView>;

/** What a search result carries (the index items hold exactly this; no descriptions). */
export const OpportunitySummary = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string(),
  orgId: /* @__PURE__ */ z.string(),
  titleAr: /* @__PURE__ */ z.string(),
  titleEn: /* @__PURE__ */ z.string(),
  category: Cause,
  city: CityId,
  location: /* @__PURE__ */ z.optional(GeoPoint),
  remote: /* @__PURE__ */ z.boolean(),
  skills: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  professions: /* @__PURE__ */ z.array(Profession),
  minAge: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.int()),
  requiresApproval: /* @__PURE__ */ z.boolean(),
  firstShiftStart: /* @__PURE__ */ z.string(),
  lastShiftEnd: /* @__PURE__ */ z.string(),
  publishedAt: /* @__PURE__ */ z.string(),
});
export type OpportunitySummary = z.infer<typeof OpportunitySummary>;

export const SearchOpportunities = /* @__PURE__ */ z.strictObject({
  city: /* @__PURE__ */ z.optional(CityId),
  category: /* @__PURE__ */ z.optional(Cause),
  skill: /* @__PURE__ */ z.optional(SkillName),
  profession: /* @__PURE__ */ z.optional(Profession),
  orgId: /* @__PURE__ */ z.optional(Ulid),
  from: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(Instant), 'opportunities with a shift ending at or after this time (default: now)'),
  to: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(Instant), 'opportunities with a shift starting at or before this time'),
  limit: /* @__PURE__ */ z._default(/* @__PURE__ */ z.coerce.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(100)), 20),
  cursor: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(2048))), 'nextCursor of the previous page (opaque)'),
})
  .check(/* @__PURE__ */ z.refine((q) => q.from === undefined || q.to === undefined || q.to >= q.from, { path: ['to'], message: 'must not be before from' }));
export type SearchOpportunities = z.output<typeof SearchOpportunities>;

export const SearchPage = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(OpportunitySummary), nextCursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) });
export type SearchPage = z.infer<typeof SearchPage>;

export const OpportunityPath = /* @__PURE__ */ z.object({ id: Ulid });

/** One shift of an edit: `id` keeps (and changes) an existing shift; without it a new shift is added. */
export const ShiftEdit = /* @__PURE__ */ (() => z.strictObject({
    id: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(Ulid), 'an existing shift of this opportunity; omit for a new shift'),
    start: Instant,
    end: Instant,
    capacity: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(MAX_CAPACITY)), `seats, 1–${MAX_CAPACITY}; never below the seats already taken`),
  })
  .check(/* @__PURE__ */ z.refine((shift) => shift.end > shift.start, { path: ['end'], message: 'must be after start' }), /* @__PURE__ */ z.refine((shift) => Date.parse(shift.end) - Date.parse(shift.start) <= MAX_SHIFT_HOURS * 3_600_000, {
    path: ['end'],
    message: `must be at most ${MAX_SHIFT_HOURS} hours after start`,
  })))();
export type ShiftEdit = z.output<typeof ShiftEdit>;

/**
 * `PATCH /v1/opportunities/{id}`: the fields to change. `shifts`, when given, is the whole new
 * list: shifts with an `id` are kept (with their new times and capacity), shifts without one are
 * added, shifts left out are removed.
 */
export const UpdateOpportunity = /* @__PURE__ */ z.strict(/* @__PURE__ */ z.extend(/* @__PURE__ */ z.partial(OpportunityFields), {
    location: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(field.location.def.innerType)), 'null removes it'),
    minAge: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(field.minAge.def.innerType)), 'null removes it'),
    shifts: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(ShiftEdit).check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(MAX_SHIFTS), /* @__PURE__ */ z.superRefine(noIdenticalShifts))),
  }))
  .check(/* @__PURE__ */ z.refine((edit) => Object.keys(edit).length > 0, { message: 'nothing to change' }));
export type UpdateOpportunity = z.output<typeof UpdateOpportunity>;

/** What a manager's list shows of each opportunity (no descriptions, no shifts). */
export const OrganizationOpportunity = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string(),
  orgId: /* @__PURE__ */ z.string(),
  titleAr: /* @__PURE__ */ z.string(),
  titleEn: /* @__PURE__ */ z.string(),
  category: Cause,
  city: CityId,
  status: OpportunityStatus,
  requiresApproval: /* @__PURE__ */ z.boolean(),
  firstShiftStart: /* @__PURE__ */ z.string(),
  lastShiftEnd: /* @__PURE__ */ z.string(),
  createdAt: /* @__PURE__ */ z.string(),
  updatedAt: /* @__PURE__ */ z.string(),
  publishedAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  closedAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type OrganizationOpportunity = z.infer<typeof OrganizationOpportunity>;
export const OrganizationOpportunityPage = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(OrganizationOpportunity), nextCursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) });
export type OrganizationOpportunityPage = z.infer<typeof OrganizationOpportunityPage>;
export const OrganizationOpportunitiesQuery = /* @__PURE__ */ z.strictObject({
  status: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(OpportunityStatus), 'draft, published or closed; all when omitted'),
  limit: /* @__PURE__ */ z._default(/* @__PURE__ */ z.coerce.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(100)), 20),
  cursor: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(1024))), 'nextCursor of the previous page (opaque)'),
});
export type OrganizationOpportunitiesQuery = z.output<typeof OrganizationOpportunitiesQuery>;
export const StatusResponse = /* @__PURE__ */ z.object({ id: /* @__PURE__ */ z.string(), status: OpportunityStatus });

// ── Domain events (contracts in events/catalog.ts) ──────────────────────────
export const OpportunityPublishedDetail = /* @__PURE__ */ z.strictObject({
  opportunityId: /* @__PURE__ */ z.string(),
  orgId: /* @__PURE__ */ z.string(),
  category: Cause,
  city: CityId,
  skills: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  professions: /* @__PURE__ */ z.array(Profession),
  requiresApproval: /* @__PURE__ */ z.boolean(),
  firstShiftStart: /* @__PURE__ */ z.iso.datetime({ offset: true }),
  lastShiftEnd: /* @__PURE__ */ z.iso.datetime({ offset: true }),
  publishedAt: /* @__PURE__ */ z.iso.datetime({ offset: true }),
});
export type OpportunityPublishedDetail = z.infer<typeof OpportunityPublishedDetail>;

/** The optional body of `POST /v1/opportunities/{id}/close`. */
export const CloseOpportunity = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.strictObject({
  beneficiaries: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(10_000_000))), 'people the opportunity served (impact reports); reported once, when closing'),
}));
export type CloseOpportunity = z.output<typeof CloseOpportunity>;

export const OpportunityClosedDetail = /* @__PURE__ */ z.strictObject({
  opportunityId: /* @__PURE__ */ z.string(),
  orgId: /* @__PURE__ */ z.string(),
  previousStatus: /* @__PURE__ */ z.enum(['draft', 'published']),
  closedAt: /* @__PURE__ */ z.iso.datetime({ offset: true }),
  /** People the opportunity served, as its managers reported when closing it (impact, issue 16). */
  beneficiaries: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0))),
});
export type OpportunityClosedDetail = z.infer<typeof OpportunityClosedDetail>;

/** A published opportunity was edited in a way its volunteers must hear about: its place, or shift times. */
export const OpportunityUpdatedDetail = /* @__PURE__ */ z.strictObject({
  opportunityId: /* @__PURE__ */ z.string(),
  orgId: /* @__PURE__ */ z.string(),
  /** City or location changed: every volunteer with a seat is told. */
  placeChanged: /* @__PURE__ */ z.boolean(),
  /** Shifts whose start or end moved (only shifts without seats may move). */
  movedShifts: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ shiftId: /* @__PURE__ */ z.string(), start: /* @__PURE__ */ z.string(), end: /* @__PURE__ */ z.string(), previousStart: /* @__PURE__ */ z.string(), previousEnd: /* @__PURE__ */ z.string() })),
  updatedAt: /* @__PURE__ */ z.iso.datetime({ offset: true }),
});
export type OpportunityUpdatedDetail = z.infer<typeof OpportunityUpdatedDetail>;
