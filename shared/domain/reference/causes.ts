/**
 * The fixed list of causes. An opportunity has one `category` from this list; a volunteer's
 * `interests` and an organisation's `causes` are taken from it too, which is what lets
 * matching compare them.
 */
import * as z from '../../zod.js';

/** The ids alone: the request and record schemas validate against these, so a bundle that validates causes carries none of the labels below (issue 17). */
export const CAUSE_IDS = [
  'health', 'education', 'environment', 'social-welfare', 'elderly-care', 'people-with-disabilities',
  'youth-and-children', 'hajj-and-umrah', 'emergency-relief', 'culture-and-heritage', 'sports', 'technology',
  'legal-aid', 'events-and-tourism',
] as const;
export type Cause = (typeof CAUSE_IDS)[number];

/** The labels of each id (GET /v1/reference; the type keeps them to exactly the ids, test/unit/reference.test.ts their order). */
export const causes: { readonly [K in Cause]: { readonly nameAr: string; readonly nameEn: string } } = {
  health: { nameAr: 'الصحة', nameEn: 'Health' },
  education: { nameAr: 'التعليم', nameEn: 'Education' },
  environment: { nameAr: 'البيئة', nameEn: 'Environment' },
  'social-welfare': { nameAr: 'الرعاية الاجتماعية', nameEn: 'Social welfare' },
  'elderly-care': { nameAr: 'رعاية كبار السن', nameEn: 'Elderly care' },
  'people-with-disabilities': { nameAr: 'الأشخاص ذوو الإعاقة', nameEn: 'People with disabilities' },
  'youth-and-children': { nameAr: 'الشباب والأطفال', nameEn: 'Youth and children' },
  'hajj-and-umrah': { nameAr: 'خدمة ضيوف الرحمن', nameEn: 'Hajj and Umrah services' },
  'emergency-relief': { nameAr: 'الإغاثة والطوارئ', nameEn: 'Emergency relief' },
  'culture-and-heritage': { nameAr: 'الثقافة والتراث', nameEn: 'Culture and heritage' },
  sports: { nameAr: 'الرياضة', nameEn: 'Sports' },
  technology: { nameAr: 'التقنية', nameEn: 'Technology' },
  'legal-aid': { nameAr: 'المساعدة القانونية', nameEn: 'Legal aid' },
  'events-and-tourism': { nameAr: 'الفعاليات والسياحة', nameEn: 'Events and tourism' },
};

export const Cause = /* @__PURE__ */ z.described(/* @__PURE__ */ z.enum(CAUSE_IDS), 'one of the documented causes (shared/domain/reference/causes.ts)');
