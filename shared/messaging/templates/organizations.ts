/** Messages of organisation onboarding (issue 3): to ministry reviewers and to the organisation's contact. */
import type { Template } from '../render.js';
import { orgName, reason } from './params.js';

const licenseNumber = { kind: 'text', max: 30, optional: true } as const;
const city = { kind: 'text', max: 60, bilingual: true, optional: true } as const;
const submittedAt = { kind: 'time' } as const;
/** Where the reviewer opens the organisation (GET /v1/organizations/{orgId}: every field, for the ministry). */
const reviewUrl = { kind: 'text', max: 300, optional: true } as const;

export const organizationReviewRequested: Template = {
  type: 'organization-review-requested',
  params: { orgName, licenseNumber, city, submittedAt, reviewUrl },
  email: {
    ar: {
      subject: 'جهة جديدة بانتظار المراجعة: {{orgName}}',
      heading: 'جهة جديدة بانتظار المراجعة',
      paragraphs: ['سجلت جهة جديدة في منصة تطوع وتنتظر مراجعة الوزارة قبل أن تنشر فرصها. يرجى مراجعتها من لوحة المراجعة.'],
      details: [['الجهة', '{{orgName}}'], ['رقم الترخيص', '{{licenseNumber}}'], ['المدينة', '{{city}}'], ['تاريخ التسجيل', '{{submittedAt|datetime}}'], ['رابط الجهة', '{{reviewUrl}}']],
    },
    en: {
      subject: 'New organisation waiting for review: {{orgName}}',
      heading: 'A new organisation is waiting for review',
      paragraphs: ['A new organisation registered on Tatawwu and waits for the ministry’s review before it can publish opportunities. Please review it in the review console.'],
      details: [['Organisation', '{{orgName}}'], ['Licence number', '{{licenseNumber}}'], ['City', '{{city}}'], ['Registered', '{{submittedAt|datetime}}'], ['Open', '{{reviewUrl}}']],
    },
  },
};

export const organizationReviewReminder: Template = {
  type: 'organization-review-reminder',
  params: { orgName, licenseNumber, city, submittedAt, reviewUrl },
  email: {
    ar: {
      subject: 'تذكير: {{orgName}} ما زالت بانتظار المراجعة',
      heading: 'تذكير بمراجعة جهة',
      paragraphs: ['ما زالت هذه الجهة بانتظار قرار المراجعة. إذا لم يُتخذ قرار قبل انتهاء المهلة ستنتهي صلاحية طلبها.'],
      details: [['الجهة', '{{orgName}}'], ['رقم الترخيص', '{{licenseNumber}}'], ['المدينة', '{{city}}'], ['تاريخ التسجيل', '{{submittedAt|datetime}}'], ['رابط الجهة', '{{reviewUrl}}']],
    },
    en: {
      subject: 'Reminder: {{orgName}} is still waiting for review',
      heading: 'An organisation is still waiting for review',
      paragraphs: ['This organisation is still waiting for a review decision. If none is taken before the deadline its request expires.'],
      details: [['Organisation', '{{orgName}}'], ['Licence number', '{{licenseNumber}}'], ['City', '{{city}}'], ['Registered', '{{submittedAt|datetime}}'], ['Open', '{{reviewUrl}}']],
    },
  },
};

export const organizationApproved: Template = {
  type: 'organization-approved',
  params: { orgName },
  email: {
    ar: {
      subject: 'تم اعتماد {{orgName}} في منصة تطوع',
      heading: 'مرحباً بكم في منصة تطوع',
      paragraphs: ['اعتمدت الوزارة {{orgName}}، وأُنشئت إدارة التطوع الخاصة بكم.', 'أصبح الحساب الذي سجّل الجهة أول مدير تطوع فيها: سجّلوا الدخول مجددًا لنشر الفرص ومراجعة الطلبات وإضافة مديري التطوع المعتمدين.'],
    },
    en: {
      subject: '{{orgName}} is approved on Tatawwu',
      heading: 'Welcome to Tatawwu',
      paragraphs: ['The ministry approved {{orgName}} and your volunteer department is established.', 'The account that registered it is now its first volunteer manager: sign in again to publish opportunities, review applications and add your certified volunteer managers.'],
    },
  },
};

export const organizationRejected: Template = {
  type: 'organization-rejected',
  params: { orgName, reason },
  email: {
    ar: {
      subject: 'بشأن طلب تسجيل {{orgName}}',
      heading: 'نتيجة مراجعة طلب التسجيل',
      paragraphs: ['نعتذر، لم تعتمد الوزارة طلب تسجيل {{orgName}} في منصة تطوع.', { if: 'reason', text: 'السبب: {{reason}}' }, 'يمكنكم معالجة الملاحظات والتقدم بطلب جديد.'],
    },
    en: {
      subject: 'About the registration of {{orgName}}',
      heading: 'Result of your registration review',
      paragraphs: ['We are sorry: the ministry did not approve the registration of {{orgName}} on Tatawwu.', { if: 'reason', text: 'Reason: {{reason}}' }, 'You may address the remarks and apply again.'],
    },
  },
};
