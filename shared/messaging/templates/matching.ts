/** Invitations of the matching job (issue 6): an opportunity that fits the volunteer's skills. */
import type { Template } from '../render.js';
import { name, orgName, place, title } from './params.js';

export const invitation: Template = {
  type: 'invitation',
  params: { name, title, orgName, place, start: { kind: 'time', optional: true } },
  email: {
    ar: {
      subject: 'فرصة تطوعية تناسب مهاراتك: {{title}}',
      heading: 'ندعوك يا {{name}}',
      paragraphs: ['وجدنا فرصة تطوعية تناسب مهاراتك واهتماماتك ومدينتك. اطلع عليها في التطبيق وتقدم إن ناسبتك.'],
      details: [['الفرصة', '{{title}}'], ['الجهة', '{{orgName}}'], ['أقرب موعد', '{{start|datetime}}'], ['المكان', '{{place}}']],
    },
    en: {
      subject: 'A volunteer opportunity that fits your skills: {{title}}',
      heading: 'You are invited, {{name}}',
      paragraphs: ['We found a volunteer opportunity that fits your skills, interests and city. Have a look in the app and apply if it suits you.'],
      details: [['Opportunity', '{{title}}'], ['Organisation', '{{orgName}}'], ['Next shift', '{{start|datetime}}'], ['Where', '{{place}}']],
    },
  },
  sms: {
    ar: 'فرصة تناسب مهاراتك: «{{title|trunc:21}}». تقدم عبر تطبيق تطوع',
    en: 'Tatawwu: an opportunity that fits your skills: "{{title|trunc:50}}". Apply in the app.',
  },
};
