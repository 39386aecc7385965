/** Opportunities (issue 11): a manager edited a published opportunity where or when a volunteer's shift takes place. */
import type { Template } from '../render.js';
import { end, name, orgName, place, start, title } from './params.js';

export const opportunityChanged: Template = {
  type: 'opportunity-changed',
  params: { name, title, orgName, start, end, place },
  email: {
    ar: {
      subject: 'تغيّر موعد أو مكان مناوبتك: {{title}}',
      heading: 'تنبيه يا {{name}}: تغيّرت تفاصيل مناوبتك',
      paragraphs: ['عدّلت الجهة المنظمة مكان الفرصة التطوعية أو موعد مناوبتك فيها. هذه التفاصيل المحدّثة؛ إن لم تعد تناسبك فاسحب طلبك من التطبيق ليأخذ مقعدك متطوع آخر.'],
      details: [['الفرصة', '{{title}}'], ['الجهة', '{{orgName}}'], ['من', '{{start|datetime}}'], ['إلى', '{{end|datetime}}'], ['المكان', '{{place}}']],
    },
    en: {
      subject: 'Your shift changed: {{title}}',
      heading: '{{name}}, the details of your shift changed',
      paragraphs: ['The organisation changed the place of this opportunity or the time of your shift. Here are the new details; if they no longer suit you, withdraw in the app so that another volunteer can take your seat.'],
      details: [['Opportunity', '{{title}}'], ['Organisation', '{{orgName}}'], ['From', '{{start|datetime}} (Riyadh time)'], ['To', '{{end|datetime}} (Riyadh time)'], ['Where', '{{place}}']],
    },
  },
  sms: {
    ar: 'تغيّرت تفاصيل مناوبتك «{{title|trunc:20}}» {{start|short}}',
    en: 'Tatawwu: the place or time of your shift "{{title|trunc:50}}" on {{start|short}} (Riyadh) changed. See your email.',
  },
};
