/**
 * The fixed list of causes. An opportunity has one `category` from this list; a volunteer's
 * `interests` and an organisation's `causes` are taken from it too, which is what lets
 * matching compare them.
 */
import * as z from '../../zod.js';

export const causes = {
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
} as const;

export type Cause = keyof typeof causes;
export const Cause = /* @__PURE__ */ z.described(/* @__PURE__ */ z.enum(/* @__PURE__ */ Object.keys(causes) as [Cause, ...Cause[]]), 'one of the documented causes (shared/domain/reference/causes.ts)');
