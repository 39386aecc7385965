/**
 * Shapes of the volunteer registry: what clients send (RegisterVolunteer, UpdateVolunteer,
 * AcceptCharter), what they get back (VolunteerProfile, CharterAcceptance, Charter, Guide),
 * what is stored (VolunteerRecord) and the VolunteerRegistered event detail. The charter and
 * guide shapes live in documents/schema.ts (re-exported here), away from the phone-number
 * library, so that the handlers serving documents stay small.
 * Objects are `.strict()`: an unknown field is a 422 that names it. Every array is bounded.
 */
import * as z from '../../zod.js';
import { GeoPoint, PhoneNumber, SAUDI_BOUNDS, StoredPhoneNumber } from '../reference/contact.js';
import { Cause } from '../reference/causes.js';
import { CityId } from '../reference/cities.js';
import { Language, Locale, Profession, SkillLevel, SkillName } from '../reference/professions.js';
import { arabicText, boundedText } from '../reference/text.js';
import { NationalId } from './national-id.js';

import { MIN_VOLUNTEER_AGE } from './rules.js';

export { MAX_VOLUNTEER_AGE, MIN_VOLUNTEER_AGE } from './rules.js';
export { AcceptCharter, Charter, CharterAcceptance, CharterDocument, Guide } from './documents/schema.js';

/** Rejects duplicates in an array, naming the index of the second occurrence. */
const unique =
  <T>(key: (item: T) => unknown, what: string) =>
  (items: readonly T[], ctx: z.core.$RefinementCtx<T[]>) => {
    const seen = new Set<unknown>();
    items.forEach((item, index) => {
      const value = key(item);
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [index], message: `duplicate ${what} ${String(value)}` });
      seen.add(value);
    });
  };

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export const TimeOfDay = /* @__PURE__ */ z.described(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(TIME_OF_DAY, 'must be a 24-hour time HH:mm, e.g. 08:30')), '24-hour local time (Asia/Riyadh), HH:mm');

export const Weekday = /* @__PURE__ */ z.enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']);
export type Weekday = z.infer<typeof Weekday>;

export const AvailabilitySlot = /* @__PURE__ */ z.strictObject({ day: Weekday, from: TimeOfDay, to: TimeOfDay })
  // Only compared when both times are well-formed, so a bad `from` is reported once, at `from`.
  .check(/* @__PURE__ */ z.refine((slot) => !TIME_OF_DAY.test(slot.from) || !TIME_OF_DAY.test(slot.to) || slot.to > slot.from, {
    path: ['to'],
    message: 'must be after from',
  }));
export type AvailabilitySlot = z.infer<typeof AvailabilitySlot>;

const noOverlaps = (slots: readonly AvailabilitySlot[], ctx: z.core.$RefinementCtx<AvailabilitySlot[]>) => {
  slots.forEach((slot, index) => {
    const clash = slots.findIndex((other, j) => j < index && other.day === slot.day && other.from < slot.to && slot.from < other.to);
    if (clash >= 0) ctx.addIssue({ code: 'custom', path: [index], message: `overlaps slot ${clash} on ${slot.day}` });
  });
};

/** Roughly the bounding box of Saudi Arabia (WGS84). */
export { GeoPoint, PhoneNumber, SAUDI_BOUNDS };

export const Skill = /* @__PURE__ */ z.strictObject({ name: SkillName, level: SkillLevel });

/** E.164, validated against the numbering plan of its country, stored normalised. */
export const BirthDate = /* @__PURE__ */ (() => z.described(/* @__PURE__ */ z.iso.date(), `ISO date (YYYY-MM-DD); the volunteer must be at least ${MIN_VOLUNTEER_AGE}`))();

export const Preferences = /* @__PURE__ */ z.strictObject({
  email: /* @__PURE__ */ z.described(/* @__PURE__ */ z.boolean(), 'consents to email'),
  sms: /* @__PURE__ */ z.described(/* @__PURE__ */ z.boolean(), 'consents to SMS'),
  locale: /* @__PURE__ */ z._default(Locale, 'ar'),
  showAchievements: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()), 'appear by display name (first name and initial) in public achievements, leaderboards and awards; absent means yes; never for minors'),
  companyReports: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()), "count in the contribution reports of the company the volunteer works for (hours, causes; never contact data or the national ID); absent means yes"),
  quietHours: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.strictObject({ from: TimeOfDay, to: TimeOfDay }).check(/* @__PURE__ */ z.refine((q) => q.from !== q.to, { path: ['to'], message: 'must differ from from' }))), 'no SMS in this window (local time); may wrap midnight, e.g. 22:00–07:00'),
});
export type Preferences = z.output<typeof Preferences>;

/**
 * The editable part of a profile: registration sends all of it, PATCH any non-empty part.
 * A function of the phone schema: requests validate the number (libphonenumber-js), the stored
 * record only its form, so bundles that only read profiles do not carry the phone metadata.
 */
const profileShape = <P extends z.ZodMiniType<string, string>>(phone: P) => ({
  nameAr: z.described(boundedText(2, 100), 'full name in Arabic'),
  nameEn: z.described(boundedText(2, 100), 'full name in Latin letters'),
  birthDate: BirthDate,
  email: z.email().check(z.maxLength(254)),
  phone,
  city: CityId,
  location: z.optional(GeoPoint),
  skills: z.array(Skill).check(z.maxLength(30), z.superRefine(unique((s: z.output<typeof Skill>) => s.name, 'skill'))),
  professions: z.array(Profession).check(z.maxLength(10), z.superRefine(unique((p: Profession) => p, 'profession'))),
  languages: z.array(Language).check(z.maxLength(14), z.superRefine(unique((l: Language) => l, 'language'))),
  availability: z.array(AvailabilitySlot).check(z.maxLength(21), z.superRefine(noOverlaps)),
  interests: z.array(Cause).check(z.maxLength(14), z.superRefine(unique((c: Cause) => c, 'interest'))),
  preferences: Preferences,
});

/** What a person sends: the Arabic name in Arabic letters (stored profiles keep what they hold). */
const requestShape = () => ({ ...profileShape(PhoneNumber), nameAr: z.described(arabicText(2, 100), 'full name in Arabic (Arabic letters)') });

export const RegisterVolunteer = /* @__PURE__ */ (() =>
  z.strictObject({ nationalId: NationalId, .../* @__PURE__ */ requestShape() }))();
export type RegisterVolunteer = z.output<typeof RegisterVolunteer>;

/**
 * Partial update. Top-level fields are replaced whole (so `preferences` is sent complete);
 * `nationalId` cannot be changed and is refused as an unknown field.
 */
export const UpdateVolunteer = /* @__PURE__ */ z.partial(/* @__PURE__ */ z.strictObject(/* @__PURE__ */ requestShape()))
  .check(/* @__PURE__ */ z.refine((patch) => Object.keys(patch).length > 0, {
    message: 'send at least one field to change',
    // Only for an otherwise valid body: `{ "nationalId": … }` is reported as an unknown field, not also as empty.
    when: (payload) => payload.issues.length === 0,
  }));
export type UpdateVolunteer = z.output<typeof UpdateVolunteer>;

const Timestamp = /* @__PURE__ */ z.iso.datetime({ offset: true });

export const ConsentRecord = /* @__PURE__ */ z.object({
  granted: /* @__PURE__ */ z.boolean(),
  changedAt: /* @__PURE__ */ z.described(Timestamp, 'when this consent was given or withdrawn'),
});

/**
 * What a volunteer consents to: contact by email and SMS, publication of their display name in
 * achievements (preferences.showAchievements), their hours in their employer's reports
 * (preferences.companyReports). Each grant and withdrawal is kept in the consent history.
 */
export const ConsentPurpose = /* @__PURE__ */ z.enum(['email', 'sms', 'publication', 'companyReports']);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

/** A profile as stored (the national ID only as HMAC and masked form). */
export const VolunteerRecord = /* @__PURE__ */ (() =>
  z.object({
    id: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'the user id (Cognito sub)'),
    // Validated and normalised on the way in; reading checks the form only.
    .../* @__PURE__ */ profileShape(StoredPhoneNumber),
    preferences: Preferences,
    nationalIdMasked: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'the last four digits only, e.g. ******4567'),
    nationalIdHash: /* @__PURE__ */ z.string(),
    // publication and companyReports: absent on profiles registered before they were tracked.
    consent: /* @__PURE__ */ z.object({ email: ConsentRecord, sms: ConsentRecord, publication: /* @__PURE__ */ z.optional(ConsentRecord), companyReports: /* @__PURE__ */ z.optional(ConsentRecord) }),
    acceptedCharterVersion: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    charterAcceptedAt: /* @__PURE__ */ z.optional(Timestamp),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    /** Incremented by every update; guards read-modify-write updates. */
    revision: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int()),
  }))();
export type VolunteerRecord = z.output<typeof VolunteerRecord>;

export const VolunteerProfile = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z.extend(/* @__PURE__ */ z.omit(VolunteerRecord, { nationalIdHash: true, revision: true }), { age: /* @__PURE__ */ z.described(/* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int()), 'whole years, today in Asia/Riyadh') }), { id: 'VolunteerProfile' });
export type VolunteerProfile = z.output<typeof VolunteerProfile>;

/** The answer to a registration: the profile, and whether the caller's token must be refreshed. */
export const RegisteredVolunteer = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z.extend(VolunteerProfile, {
  tokenRefreshRequired: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.literal(true)), 'present when the token used had no `volunteer` group: it was added now, so refresh the token once before calling the /me routes'),
}), { id: 'RegisteredVolunteer' });

/** Detail of `VolunteerRegistered`: what matching and onboarding need; no national ID, no contact data. */
export const VolunteerRegisteredDetail = /* @__PURE__ */ z.strictObject({
  volunteerId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  city: CityId,
  region: /* @__PURE__ */ z.string(),
  locale: Locale,
  skills: /* @__PURE__ */ z.array(Skill).check(/* @__PURE__ */ z.maxLength(30)),
  professions: /* @__PURE__ */ z.array(Profession).check(/* @__PURE__ */ z.maxLength(10)),
  languages: /* @__PURE__ */ z.array(Language).check(/* @__PURE__ */ z.maxLength(14)),
  interests: /* @__PURE__ */ z.array(Cause).check(/* @__PURE__ */ z.maxLength(14)),
  registeredAt: Timestamp,
});
export type VolunteerRegisteredDetail = z.output<typeof VolunteerRegisteredDetail>;
