/**
 * Messages of attendance and hours (issue 19): check-in confirmation (SMS optional), hours
 * approved / rejected / cut with the reason and the way to dispute, the no-show notice, and the
 * "hours pending" digest to an organisation's managers.
 */
import type { Template } from '../render.js';
import { name, orgName as requiredOrgName, reason, title } from './params.js';

/** Optional here: a message about hours must not fail because an organisation has no display name (its row is left out). */
const orgName = { ...requiredOrgName, optional: true } as const;

/** Hours as a short decimal (e.g. 3.5). */
const hoursText = { kind: 'number', max: 6 } as const;
/** The link of the dispute screen in the app (the record id in it; no personal data). */
const disputeLink = { kind: 'text', max: 120 } as const;

const shift = {
  ar: [['الفرصة', '{{title}}'], ['الجهة', '{{orgName}}'], ['التاريخ', '{{start|datetime}}']],
  en: [['Opportunity', '{{title}}'], ['Organisation', '{{orgName}}'], ['When', '{{start|datetime}}']],
} as const;

export const checkedIn: Template = {
  type: 'checked-in',
  params: { name, title, orgName, start: { kind: 'time' } },
  email: {
    ar: {
      subject: 'سُجّل حضورك: {{title}}',
      heading: 'أهلاً بك يا {{name}}',
      paragraphs: ['سجّلنا حضورك في هذه المناوبة. لا تنسَ تسجيل الانصراف عند المغادرة لتُحتسب ساعاتك.'],
      details: shift.ar,
    },
    en: {
      subject: 'You are checked in: {{title}}',
      heading: 'Welcome, {{name}}',
      paragraphs: ['We recorded your check-in for this shift. Remember to check out when you leave so your hours count.'],
      details: shift.en,
    },
  },
  sms: {
    ar: 'سُجّل حضورك في «{{title|trunc:15}}». سجّل انصرافك عند المغادرة - تطوع',
    en: 'Tatawwu: you are checked in for "{{title|trunc:50}}". Remember to check out when you leave.',
  },
};

export const hoursApproved: Template = {
  type: 'hours-approved',
  params: { name, title, orgName, start: { kind: 'time' }, hours: hoursText },
  email: {
    ar: {
      subject: 'اعتُمدت ساعاتك التطوعية: {{hours}} ساعة',
      heading: 'شكراً لعطائك يا {{name}}',
      paragraphs: ['اعتمدت الجهة ساعاتك، وأُضيفت إلى سجلك الوطني للتطوع.'],
      details: [...shift.ar, ['الساعات المعتمدة', '{{hours}}']],
    },
    en: {
      subject: 'Your volunteer hours are approved: {{hours}} h',
      heading: 'Thank you for giving your time, {{name}}',
      paragraphs: ['The organisation approved your hours; they are now in your national volunteering record.'],
      details: [...shift.en, ['Approved hours', '{{hours}}']],
    },
  },
};

export const hoursCut: Template = {
  type: 'hours-cut',
  params: { name, title, orgName, start: { kind: 'time' }, hours: hoursText, requested: hoursText, reason, disputeLink, disputeUntil: { kind: 'time' } },
  email: {
    ar: {
      subject: 'اعتُمد جزء من ساعاتك: {{hours}} من {{requested}}',
      heading: 'بشأن ساعاتك يا {{name}}',
      paragraphs: [
        'اعتمدت الجهة {{hours}} ساعة من {{requested}}، وأُضيفت إلى سجلك الوطني.',
        { if: 'reason', text: 'السبب: {{reason}}' },
        'إن رأيت أن التعديل غير صحيح فاعترض مرة واحدة قبل {{disputeUntil|datetime}}: {{disputeLink}}',
      ],
      details: shift.ar,
    },
    en: {
      subject: 'Part of your hours approved: {{hours}} of {{requested}}',
      heading: 'About your hours, {{name}}',
      paragraphs: [
        'The organisation approved {{hours}} of the {{requested}} hours; they are now in your national record.',
        { if: 'reason', text: 'Reason: {{reason}}' },
        'If you think this is wrong, you may dispute it once before {{disputeUntil|datetime}}: {{disputeLink}}',
      ],
      details: shift.en,
    },
  },
  sms: {
    ar: 'اعتُمد جزء من ساعاتك في «{{title|trunc:15}}». التفاصيل في تطوع',
    en: 'Tatawwu: {{hours}} of {{requested}} h approved for "{{title|trunc:40}}". Details and dispute in the app.',
  },
};

export const hoursRejected: Template = {
  type: 'hours-rejected',
  params: { name, title, orgName, start: { kind: 'time' }, requested: hoursText, reason, disputeLink, disputeUntil: { kind: 'time', optional: true } },
  email: {
    ar: {
      subject: 'لم تُعتمد ساعاتك: {{title}}',
      heading: 'بشأن ساعاتك يا {{name}}',
      paragraphs: [
        'لم تعتمد الجهة الساعات المسجلة ({{requested}} ساعة).',
        { if: 'reason', text: 'السبب: {{reason}}' },
        { if: 'disputeUntil', text: 'يمكنك الاعتراض مرة واحدة قبل {{disputeUntil|datetime}}: {{disputeLink}}' },
      ],
      details: shift.ar,
    },
    en: {
      subject: 'Your hours were not approved: {{title}}',
      heading: 'About your hours, {{name}}',
      paragraphs: [
        'The organisation did not approve the recorded hours ({{requested}} h).',
        { if: 'reason', text: 'Reason: {{reason}}' },
        { if: 'disputeUntil', text: 'You may dispute this once before {{disputeUntil|datetime}}: {{disputeLink}}' },
      ],
      details: shift.en,
    },
  },
  sms: {
    ar: 'لم تُعتمد ساعاتك في «{{title|trunc:19}}». التفاصيل في تطوع',
    en: 'Tatawwu: your hours for "{{title|trunc:50}}" were not approved. Details and dispute in the app.',
  },
};

export const noShow: Template = {
  type: 'no-show',
  params: { name, title, orgName, start: { kind: 'time' }, disputeLink, disputeUntil: { kind: 'time' } },
  email: {
    ar: {
      subject: 'سُجّل غيابك: {{title}}',
      heading: 'افتقدناك يا {{name}}',
      paragraphs: [
        'لم نجد تسجيل حضور لك في هذه المناوبة، فسُجّلت غياباً في سجل حضورك.',
        'إن كنت حاضراً فاعترض قبل {{disputeUntil|datetime}}: {{disputeLink}}',
      ],
      details: shift.ar,
    },
    en: {
      subject: 'Recorded as absent: {{title}}',
      heading: 'We missed you, {{name}}',
      paragraphs: ['We found no check-in for you on this shift, so it is recorded as a no-show in your attendance record.', 'If you were there, dispute it before {{disputeUntil|datetime}}: {{disputeLink}}'],
      details: shift.en,
    },
  },
};

export const hoursPending: Template = {
  type: 'hours-pending',
  params: { orgName: requiredOrgName, count: { kind: 'number', max: 5 } },
  email: {
    ar: {
      subject: 'ساعات تطوعية بانتظار اعتمادكم ({{count}})',
      heading: 'ساعات بانتظار الاعتماد',
      paragraphs: ['لدى {{orgName}} {{count}} سجل ساعات بانتظار الاعتماد. راجعوها في قائمة الساعات؛ ما لا يُبت فيه خلال 14 يوماً يُحال إلى الوزارة.'],
    },
    en: {
      subject: 'Volunteer hours waiting for you ({{count}})',
      heading: 'Hours waiting for verification',
      paragraphs: ['{{orgName}} has {{count}} hours records waiting for verification. Review them in the hours queue; what is not decided within 14 days goes to the ministry.'],
    },
  },
};

/** To the organisation's managers: a volunteer disputes being recorded absent; they decide once on the roster. */
export const noShowDisputed: Template = {
  type: 'no-show-disputed',
  params: { title, orgName, start: { kind: 'time' }, reason, disputeLink },
  email: {
    ar: {
      subject: 'اعتراض على تسجيل غياب: {{title}}',
      heading: 'متطوع يعترض على تسجيل غيابه',
      paragraphs: [
        'يقول متطوع سُجّل غائباً في هذه المناوبة إنه كان حاضراً.',
        'سببه: {{reason}}',
        'قرروا مرة واحدة في كشف الحضور: «حاضر» يقبل الاعتراض ويُنشئ ساعاته للاعتماد، و«غائب» يرفضه: {{disputeLink}}',
      ],
      details: shift.ar,
    },
    en: {
      subject: 'A no-show is disputed: {{title}}',
      heading: 'A volunteer disputes being recorded absent',
      paragraphs: [
        'A volunteer recorded absent on this shift says they were there.',
        'Their reason: {{reason}}',
        'Decide once on the roster: "present" upholds the dispute and puts their hours up for verification, "absent" dismisses it: {{disputeLink}}',
      ],
      details: shift.en,
    },
  },
};

/** To the volunteer: the managers' decision on their no-show dispute (final). */
export const noShowDisputeDecided: Template = {
  type: 'no-show-dispute-decided',
  params: { name, title, orgName, start: { kind: 'time' }, upheld: { kind: 'text', max: 3, optional: true }, dismissed: { kind: 'text', max: 3, optional: true } },
  email: {
    ar: {
      subject: 'قرار اعتراضك على الغياب: {{title}}',
      heading: 'بشأن اعتراضك يا {{name}}',
      paragraphs: [
        { if: 'upheld', text: 'قبلت الجهة اعتراضك: أُزيل الغياب من سجل حضورك، وساعاتك الآن بانتظار الاعتماد.' },
        { if: 'dismissed', text: 'لم تقبل الجهة اعتراضك، ويبقى الغياب في سجل حضورك. هذا القرار نهائي.' },
      ],
      details: shift.ar,
    },
    en: {
      subject: 'Your no-show dispute was decided: {{title}}',
      heading: 'About your dispute, {{name}}',
      paragraphs: [
        { if: 'upheld', text: 'The organisation upheld your dispute: the no-show is removed from your attendance record and your hours now wait for verification.' },
        { if: 'dismissed', text: 'The organisation did not uphold your dispute; the no-show stays in your attendance record. This decision is final.' },
      ],
      details: shift.en,
    },
  },
};
