/** Reference data: the ids and bilingual labels of every reference field (public, cacheable). */
import { ReferenceData } from '../../../shared/domain/reference/catalogue.js';
import { defineOperation } from '../operation.js';

export const getReference = /* @__PURE__ */ defineOperation({
  id: 'GetReference',
  method: 'GET',
  path: '/v1/reference',
  entry: 'functions/http/reference/get.ts',
  auth: 'none',
  needs: [],
  memorySize: 128,
  summary:
    'Reference data for forms (public): regions, cities (with their region), causes, professions, skills and volunteering tracks, each `{ id, nameAr, nameEn }`. Every reference field of the API (`city`, `category`, `interests`, `causes`, `skills`, `professions`) takes an id from here. Cacheable for an hour.',
  tags: ['reference'],
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: ReferenceData },
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    response: {
      regions: [{ id: 'riyadh', nameAr: 'منطقة الرياض', nameEn: 'Riyadh Region' }],
      cities: [{ id: 'riyadh', nameAr: 'الرياض', nameEn: 'Riyadh', region: 'riyadh' }],
      causes: [{ id: 'health', nameAr: 'الصحة', nameEn: 'Health' }],
      professions: [{ id: 'nurse', nameAr: 'ممرض', nameEn: 'Nurse' }],
      skills: [{ id: 'first-aid', nameAr: 'الإسعافات الأولية', nameEn: 'First aid' }],
      tracks: [{ id: 'professional', nameAr: 'تطوع تخصصي (مهني)', nameEn: 'Professional volunteering' }],
    },
  },
});

export const referenceOperations = [getReference] as const;
