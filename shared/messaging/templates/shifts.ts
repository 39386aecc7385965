/** Messages about shifts: reminders before them and cancellations. */
import type { Template } from '../render.js';
import { end, name, orgName, place, reason, start, title } from './params.js';

const details = {
  ar: [['الفرصة', '{{title}}'], ['الجهة', '{{orgName}}'], ['من', '{{start|datetime}}'], ['إلى', '{{end|datetime}}'], ['المكان', '{{place}}']],
  en: [['Opportunity', '{{title}}'], ['Organisation', '{{orgName}}'], ['From', '{{start|datetime}}'], ['To', '{{end|datetime}}'], ['Where', '{{place}}']],
} as const;
const params = { name, title, orgName, start, end, place };

export const shiftReminder24h: Template = {
  type: 'shift-reminder-24h',
  params,
  calendar: true,
  email: {
    ar: {
      subject: 'تذكير: مناوبتك التطوعية غداً - {{title}}',
      heading: 'نراك غداً يا {{name}}',
      paragraphs: ['نذكرك بمناوبتك التطوعية خلال الساعات الأربع والعشرين القادمة. أرفقنا دعوة التقويم. إن لم تستطع الحضور فاسحب طلبك من التطبيق ليأخذ مقعدك متطوع آخر.'],
      details: details.ar,
    },
    en: {
      subject: 'Reminder: your volunteer shift tomorrow - {{title}}',
      heading: 'See you tomorrow, {{name}}',
      paragraphs: ['A reminder of your volunteer shift in the next 24 hours (times are Riyadh time). The calendar invite is attached. If you cannot come, withdraw in the app so that another volunteer can take your seat.'],
      details: details.en,
    },
  },
  sms: {
    ar: 'تذكير: مناوبتك في «{{title|trunc:19}}» {{start|short}} - تطوع',
    en: 'Tatawwu reminder: your shift "{{title|trunc:50}}" starts {{start|short}} (Riyadh). Cannot come? Withdraw in the app.',
  },
};

export const shiftReminder2h: Template = {
  type: 'shift-reminder-2h',
  params,
  calendar: true,
  email: {
    ar: {
      subject: 'مناوبتك تبدأ قريباً - {{title}}',
      heading: 'مناوبتك تبدأ خلال ساعتين يا {{name}}',
      paragraphs: ['تبدأ مناوبتك التطوعية قريباً. لا تنس إحضار هويتك ومسح رمز الحضور عند الوصول.'],
      details: details.ar,
    },
    en: {
      subject: 'Your shift starts soon - {{title}}',
      heading: 'Your shift starts within two hours, {{name}}',
      paragraphs: ['Your volunteer shift starts soon (times are Riyadh time). Bring your ID and scan the attendance code when you arrive.'],
      details: details.en,
    },
  },
  sms: {
    ar: 'مناوبتك في «{{title|trunc:19}}» تبدأ {{start|time}} - تطوع',
    en: 'Tatawwu: your shift "{{title|trunc:50}}" starts at {{start|time}} (Riyadh). Scan the attendance code on arrival.',
  },
};

export const shiftCancelled: Template = {
  type: 'shift-cancelled',
  params: { ...params, reason },
  calendar: true,
  email: {
    ar: {
      subject: 'أُلغيت المناوبة: {{title}}',
      heading: 'نعتذر يا {{name}}، أُلغيت المناوبة',
      paragraphs: ['ألغت الجهة المنظمة المناوبة التي قُبلت فيها، فلا داعي للحضور. حدّثنا موعدها في تقويمك.', { if: 'reason', text: 'السبب: {{reason}}' }],
      details: details.ar,
    },
    en: {
      subject: 'Shift cancelled: {{title}}',
      heading: 'Sorry {{name}}, the shift is cancelled',
      paragraphs: ['The organisation cancelled the shift you were approved for, so please do not come. The attached update removes it from your calendar.', { if: 'reason', text: 'Reason: {{reason}}' }],
      details: details.en,
    },
  },
  sms: {
    ar: 'أُلغيت مناوبتك في «{{title|trunc:17}}» {{start|short}}. لا داعي للحضور',
    en: 'Tatawwu: your shift "{{title|trunc:50}}" on {{start|short}} (Riyadh) is cancelled. Please do not come.',
  },
};

export const opportunityCancelled: Template = {
  type: 'opportunity-cancelled',
  params: { ...params, reason },
  calendar: true,
  email: {
    ar: {
      subject: 'أُلغيت الفرصة التطوعية: {{title}}',
      heading: 'نعتذر يا {{name}}، أُلغيت الفرصة',
      paragraphs: ['أغلقت الجهة المنظمة هذه الفرصة التطوعية وأُلغيت مناوبتك فيها، فلا داعي للحضور.', { if: 'reason', text: 'السبب: {{reason}}' }, 'فرص كثيرة أخرى بانتظارك في المنصة.'],
      details: details.ar,
    },
    en: {
      subject: 'Opportunity cancelled: {{title}}',
      heading: 'Sorry {{name}}, the opportunity is cancelled',
      paragraphs: ['The organisation closed this opportunity and your shift in it is cancelled, so please do not come.', { if: 'reason', text: 'Reason: {{reason}}' }, 'Many other opportunities are waiting for you on the platform.'],
      details: details.en,
    },
  },
  sms: {
    ar: 'أُلغيت الفرصة «{{title|trunc:15}}» ومناوبتك {{start|short}} فلا تحضر',
    en: 'Tatawwu: the opportunity "{{title|trunc:50}}" is cancelled, with your shift on {{start|short}} (Riyadh). Please do not come.',
  },
};
