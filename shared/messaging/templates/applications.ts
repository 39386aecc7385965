/** Messages to a volunteer about their application (issue 4's ApplicationReview workflow). */
import type { Template } from '../render.js';
import { end, name, orgName, place, reason, start, title } from './params.js';

const shiftDetails = {
  ar: [['الفرصة', '{{title}}'], ['الجهة', '{{orgName}}'], ['الموعد', '{{start|datetime}}'], ['المكان', '{{place}}']],
  en: [['Opportunity', '{{title}}'], ['Organisation', '{{orgName}}'], ['When', '{{start|datetime}}'], ['Where', '{{place}}']],
} as const;

const params = { name, title, orgName, start, end, place };

export const applicationSubmitted: Template = {
  type: 'application-submitted',
  params,
  email: {
    ar: {
      subject: 'استلمنا طلبك للتطوع في {{title}}',
      heading: 'شكراً لك يا {{name}}',
      paragraphs: ['استلمنا طلبك للتطوع، وسنبلغك فور البت فيه من الجهة المنظمة.'],
      details: shiftDetails.ar,
    },
    en: {
      subject: 'We received your application: {{title}}',
      heading: 'Thank you, {{name}}',
      paragraphs: ['We received your application and will let you know as soon as the organisation decides.'],
      details: shiftDetails.en,
    },
  },
};

export const applicationApproved: Template = {
  type: 'application-approved',
  params,
  calendar: true,
  email: {
    ar: {
      subject: 'تم قبولك للتطوع في {{title}}',
      heading: 'مبارك يا {{name}}، تم قبولك',
      paragraphs: ['قبلت الجهة المنظمة طلبك، ومقعدك محجوز. أرفقنا دعوة تقويم بموعد المناوبة، وسنذكرك قبلها.'],
      details: shiftDetails.ar,
    },
    en: {
      subject: 'You are approved: {{title}}',
      heading: 'Congratulations {{name}}, you are approved',
      paragraphs: ['The organisation approved your application and your seat is reserved. A calendar invite is attached; we will remind you before the shift.'],
      details: shiftDetails.en,
    },
  },
  sms: {
    ar: 'تم قبولك في «{{title|trunc:19}}» موعدك {{start|short}} - تطوع',
    en: 'Tatawwu: you are approved for "{{title|trunc:50}}" on {{start|short}} (Riyadh). Details in the app.',
  },
};

export const applicationRejected: Template = {
  type: 'application-rejected',
  params: { ...params, reason, screening: { kind: 'text', max: 600, bilingual: true, optional: true } },
  email: {
    ar: {
      subject: 'بشأن طلبك للتطوع في {{title}}',
      heading: 'شكراً لاهتمامك يا {{name}}',
      paragraphs: [
        'نعتذر، لم يُقبل طلبك هذه المرة.',
        { if: 'reason', text: 'السبب: {{reason}}' },
        { if: 'screening', text: '{{screening}}' },
        { if: 'screening', text: 'جرى هذا الفحص آلياً وفق شروط الفرصة، ولم يراجعه أحد من الجهة المنظمة. إذا تغيّر ذلك في ملفك يمكنك التقديم من جديد.' },
        'فرص كثيرة أخرى بانتظارك في المنصة.',
      ],
      details: shiftDetails.ar,
    },
    en: {
      subject: 'About your application: {{title}}',
      heading: 'Thank you for your interest, {{name}}',
      paragraphs: [
        'We are sorry: your application was not accepted this time.',
        { if: 'reason', text: 'Reason: {{reason}}' },
        { if: 'screening', text: '{{screening}}' },
        { if: 'screening', text: 'This check was automatic, against the opportunity’s requirements; nobody at the organisation reviewed it. If that changes in your profile, you can apply again.' },
        'Many other opportunities are waiting for you on the platform.',
      ],
      details: shiftDetails.en,
    },
  },
  sms: {
    ar: 'نعتذر، لم يُقبل طلبك في «{{title|trunc:19}}». التفاصيل في تطوع',
    en: 'Tatawwu: sorry, your application for "{{title|trunc:50}}" was not accepted. Details in the app.',
  },
};

export const applicationWaitlisted: Template = {
  type: 'application-waitlisted',
  params: { ...params, position: { kind: 'number', max: 5, optional: true } },
  email: {
    ar: {
      subject: 'أنت على قائمة الانتظار: {{title}}',
      heading: 'اكتملت المقاعد يا {{name}}',
      paragraphs: ['اكتملت مقاعد هذه المناوبة، فأضفناك إلى قائمة الانتظار. إذا شغر مقعد ستنتقل إليه تلقائياً وسنبلغك.', { if: 'position', text: 'ترتيبك في القائمة: {{position}}' }],
      details: shiftDetails.ar,
    },
    en: {
      subject: 'You are on the waitlist: {{title}}',
      heading: 'The shift is full, {{name}}',
      paragraphs: ['All seats of this shift are taken, so you are on the waitlist. If a seat frees up you move into it automatically and we will tell you.', { if: 'position', text: 'Your place on the list: {{position}}' }],
      details: shiftDetails.en,
    },
  },
  sms: {
    ar: 'أنت في قائمة انتظار «{{title|trunc:19}}» وسنبلغك إن شغر مقعد',
    en: 'Tatawwu: the shift "{{title|trunc:50}}" is full; you are on the waitlist and will hear from us if a seat frees up.',
  },
};

export const applicationPromoted: Template = {
  type: 'application-promoted',
  params,
  calendar: true,
  email: {
    ar: {
      subject: 'شغر مقعد وأصبح لك: {{title}}',
      heading: 'خبر سار يا {{name}}',
      paragraphs: ['شغر مقعد في المناوبة التي انتظرتها، وانتقلت من قائمة الانتظار إلى المقبولين. أرفقنا دعوة تقويم بالموعد.'],
      details: shiftDetails.ar,
    },
    en: {
      subject: 'A seat freed up and it is yours: {{title}}',
      heading: 'Good news, {{name}}',
      paragraphs: ['A seat freed up in the shift you were waiting for: you moved from the waitlist to approved. A calendar invite is attached.'],
      details: shiftDetails.en,
    },
  },
  sms: {
    ar: 'شغر مقعد وأصبح لك في «{{title|trunc:17}}» موعدك {{start|short}}',
    en: 'Tatawwu: a seat freed up and you are now approved for "{{title|trunc:50}}" on {{start|short}} (Riyadh).',
  },
};

export const applicationWithdrawn: Template = {
  type: 'application-withdrawn',
  params: { ...params, seatFreed: { kind: 'text', max: 3, optional: true } },
  calendar: true,
  email: {
    ar: {
      subject: 'تم سحب طلبك: {{title}}',
      heading: 'تم سحب طلبك يا {{name}}',
      paragraphs: [
        'سحبنا طلبك كما طلبت.',
        { if: 'seatFreed', text: 'أصبح مقعدك متاحاً لمتطوع آخر، وأرفقنا إلغاء الموعد ليُحذف من تقويمك.' },
        'نتطلع إلى مشاركتك في فرصة قادمة.',
      ],
      details: shiftDetails.ar,
    },
    en: {
      subject: 'Your application is withdrawn: {{title}}',
      heading: 'Your application is withdrawn, {{name}}',
      paragraphs: [
        'As you asked, we withdrew your application.',
        { if: 'seatFreed', text: 'Your seat is now free for another volunteer; the attached cancellation removes the shift from your calendar.' },
        'We look forward to seeing you in another opportunity.',
      ],
      details: shiftDetails.en,
    },
  },
};

export const applicationExpired: Template = {
  type: 'application-expired',
  params,
  email: {
    ar: {
      subject: 'انتهت مهلة طلبك: {{title}}',
      heading: 'نعتذر يا {{name}}',
      paragraphs: ['لم تبت الجهة المنظمة في طلبك خلال المهلة المحددة، فانتهت صلاحيته. يمكنك التقدم لفرص أخرى في أي وقت.'],
      details: shiftDetails.ar,
    },
    en: {
      subject: 'Your application expired: {{title}}',
      heading: 'We are sorry, {{name}}',
      paragraphs: ['The organisation did not decide on your application in time, so it expired. You can apply for other opportunities at any time.'],
      details: shiftDetails.en,
    },
  },
  sms: {
    ar: 'انتهت مهلة طلبك في «{{title|trunc:19}}». فرص أخرى تنتظرك في تطوع',
    en: 'Tatawwu: your application for "{{title|trunc:50}}" expired without a decision. Other opportunities wait for you in the app.',
  },
};

export const pendingDecisions: Template = {
  type: 'pending-decisions',
  params: { name, orgName, count: { kind: 'number', max: 6 }, oldest: { kind: 'time', optional: true } },
  email: {
    ar: {
      subject: 'طلبات تطوع بانتظار قرارك ({{count}})',
      heading: 'طلبات بانتظار قرارك',
      paragraphs: ['لدى {{orgName}} طلبات تطوع تنتظر قرار مدير المتطوعين (ملخص اليوم). المتطوعون ينتظرون ردكم، والطلب الذي لا يُبت فيه تنتهي صلاحيته.'],
      details: [['عدد الطلبات', '{{count}}'], ['أقدمها منذ', '{{oldest|datetime}}']],
    },
    en: {
      subject: 'Volunteer applications waiting for your decision ({{count}})',
      heading: 'Applications waiting for your decision',
      paragraphs: ['{{orgName}} has volunteer applications waiting for a volunteer manager (today’s digest). Volunteers are waiting for an answer, and an application left undecided expires.'],
      details: [['Applications', '{{count}}'], ['Oldest since', '{{oldest|datetime}}']],
    },
  },
};
