/**
 * Professions for skills-based ("professional") volunteering, skill levels and languages.
 * Skills and professions are fixed lists (skills in skills.ts) so that an opportunity that
 * needs a "lawyer" or "first-aid" finds every lawyer or first-aider.
 */
import * as z from '../../zod.js';
import { SKILL_IDS } from './skills.js';

/** The ids alone: the request and record schemas validate against these, so a bundle that validates professions carries none of the labels below (issue 17). */
export const PROFESSION_IDS = [
  'doctor', 'nurse', 'pharmacist', 'paramedic', 'psychologist', 'social-worker', 'teacher', 'lawyer',
  'accountant', 'engineer', 'architect', 'software-developer', 'data-analyst', 'designer', 'translator',
  'marketing-specialist', 'project-manager', 'hr-specialist', 'electrician', 'photographer',
] as const;
export type Profession = (typeof PROFESSION_IDS)[number];

/** The labels of each id (GET /v1/reference; the type keeps them to exactly the ids, test/unit/reference.test.ts their order). */
export const professions: { readonly [K in Profession]: { readonly nameAr: string; readonly nameEn: string } } = {
  doctor: { nameAr: 'طبيب', nameEn: 'Doctor' },
  nurse: { nameAr: 'ممرض', nameEn: 'Nurse' },
  pharmacist: { nameAr: 'صيدلي', nameEn: 'Pharmacist' },
  paramedic: { nameAr: 'مسعف', nameEn: 'Paramedic' },
  psychologist: { nameAr: 'أخصائي نفسي', nameEn: 'Psychologist' },
  'social-worker': { nameAr: 'أخصائي اجتماعي', nameEn: 'Social worker' },
  teacher: { nameAr: 'معلم', nameEn: 'Teacher' },
  lawyer: { nameAr: 'محامٍ', nameEn: 'Lawyer' },
  accountant: { nameAr: 'محاسب', nameEn: 'Accountant' },
  engineer: { nameAr: 'مهندس', nameEn: 'Engineer' },
  architect: { nameAr: 'مهندس معماري', nameEn: 'Architect' },
  'software-developer': { nameAr: 'مطور برمجيات', nameEn: 'Software developer' },
  'data-analyst': { nameAr: 'محلل بيانات', nameEn: 'Data analyst' },
  designer: { nameAr: 'مصمم', nameEn: 'Designer' },
  translator: { nameAr: 'مترجم', nameEn: 'Translator' },
  'marketing-specialist': { nameAr: 'أخصائي تسويق', nameEn: 'Marketing specialist' },
  'project-manager': { nameAr: 'مدير مشاريع', nameEn: 'Project manager' },
  'hr-specialist': { nameAr: 'أخصائي موارد بشرية', nameEn: 'HR specialist' },
  electrician: { nameAr: 'كهربائي', nameEn: 'Electrician' },
  photographer: { nameAr: 'مصور', nameEn: 'Photographer' },
};

export const Profession = /* @__PURE__ */ z.described(/* @__PURE__ */ z
  .enum(PROFESSION_IDS), 'one of the documented professions (shared/domain/reference/professions.ts)');

export const SkillLevel = /* @__PURE__ */ z.enum(['beginner', 'intermediate', 'advanced', 'expert']);
export type SkillLevel = z.infer<typeof SkillLevel>;
/** Numeric rank of a level, for "at least" comparisons. */
export const skillRank: Record<SkillLevel, number> = { beginner: 1, intermediate: 2, advanced: 3, expert: 4 };

/** A skill: one of the reference skills (shared/domain/reference/skills.ts, served by `GET /v1/reference`). */
export const SkillName = /* @__PURE__ */ z.described(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.toLowerCase(), /* @__PURE__ */ z.refine((name) => (SKILL_IDS as readonly string[]).includes(name), {
    message: 'unknown skill: use an id from GET /v1/reference (skills)',
  })), 'a skill id from GET /v1/reference (skills), e.g. first-aid');

/** ISO 639-1 language codes the platform serves. */
export const Language = /* @__PURE__ */ z.enum(['ar', 'en', 'ur', 'hi', 'bn', 'tl', 'id', 'fr', 'tr', 'fa', 'sw', 'am', 'es', 'zh']);
export type Language = z.infer<typeof Language>;

export { Locale } from './locale.js';
