/** Organisations (issue 11): the reminder to a volunteer manager whose certification expires in 30 days. */
import type { Template } from '../render.js';
import { orgName } from './params.js';

export const managerCertificationExpiring: Template = {
  type: 'manager-certification-expiring',
  params: {
    orgName,
    certificationNumber: { kind: 'text', max: 40 },
    expiresOn: { kind: 'text', max: 10 },
    managersUrl: { kind: 'text', max: 300, optional: true },
  },
  email: {
    ar: {
      subject: 'تنتهي شهادة مدير التطوع خلال 30 يومًا: {{certificationNumber}}',
      heading: 'تذكير بتجديد شهادة مدير التطوع',
      paragraphs: [
        'تنتهي شهادتك بوصفك مدير تطوع معتمدًا في {{orgName}} خلال 30 يومًا. يمكنك الاستمرار في إدارة التطوع بعدها، لكن الجهة لن تُحتسب ضمن الجهات التي لديها مدير معتمد ما لم تُسجَّل شهادة سارية.',
        'بعد التجديد، يسجّل أحد مديري الجهة رقم الشهادة الجديدة وتاريخ انتهائها.',
      ],
      details: [['الجهة', '{{orgName}}'], ['رقم الشهادة', '{{certificationNumber}}'], ['تاريخ الانتهاء', '{{expiresOn}}'], ['المديرون', '{{managersUrl}}']],
    },
    en: {
      subject: 'Your volunteer manager certification expires in 30 days: {{certificationNumber}}',
      heading: 'Time to renew your volunteer manager certification',
      paragraphs: [
        'Your certification as a volunteer manager of {{orgName}} expires in 30 days. You can still manage volunteers afterwards, but the organisation no longer counts as having a certified manager unless a valid certification is recorded.',
        'Once renewed, one of the organisation’s managers records the new certification number and expiry date.',
      ],
      details: [['Organisation', '{{orgName}}'], ['Certification', '{{certificationNumber}}'], ['Expires', '{{expiresOn}}'], ['Managers', '{{managersUrl}}']],
    },
  },
};
