/**
 * Messages of recognition (issue 14): a badge earned (email, and SMS when the volunteer opted
 * in), an award won (email). Both link the badge or the month's awards in the app (the request's
 * app path, made absolute by the notifier: the email's button, the end of the SMS).
 */
import type { Template } from '../render.js';
import { name } from './params.js';

/** Badge names (badge definitions: short, bilingual). */
const badge = { kind: 'text', max: 60, bilingual: true } as const;

export const badgeEarned: Template = {
  type: 'badge-earned',
  params: { name, badge, criteria: { kind: 'text', max: 200, bilingual: true } },
  email: {
    ar: {
      subject: 'وسام جديد: {{badge}}',
      heading: 'مبارك يا {{name}}',
      paragraphs: ['حصلت على وسام «{{badge}}» ({{criteria}}). شكرًا لعطائك.', 'تجد وسامك وشهادته الرقمية في حسابك.'],
    },
    en: {
      subject: 'New badge: {{badge}}',
      heading: 'Congratulations, {{name}}',
      paragraphs: ['You earned the "{{badge}}" badge ({{criteria}}). Thank you for giving your time.', 'Your badge and its digital credential are in your account.'],
    },
  },
  sms: {
    ar: 'وسام جديد لك في تطوع: {{badge|trunc:15}}',
    en: 'Tatawwu: you earned the "{{badge|trunc:40}}" badge.',
  },
};

export const awardWon: Template = {
  type: 'award-won',
  params: { name, award: { kind: 'text', max: 120, bilingual: true }, hours: { kind: 'number', max: 4 } },
  email: {
    ar: {
      subject: 'تهانينا: {{award}}',
      heading: 'نهنئك يا {{name}}',
      paragraphs: ['اختِرت {{award}} ({{hours}} ساعة معتمدة). شكرًا لعطائك.'],
    },
    en: {
      subject: 'Congratulations: {{award}}',
      heading: 'Congratulations, {{name}}',
      paragraphs: ['You were chosen {{award}} ({{hours}} approved hours). Thank you for giving your time.'],
    },
  },
};

/** To the ministry reviewers when the month's region and national honours open (they have 10 days). */
export const honoursOpen: Template = {
  type: 'honours-open',
  params: { month: { kind: 'text', max: 7 }, count: { kind: 'number', max: 2 }, decideBy: { kind: 'time' } },
  email: {
    ar: {
      subject: 'تكريم متطوع الشهر {{month}}: اختاروا الفائزين',
      heading: 'تكريمات المناطق والمملكة بانتظار اختياركم',
      paragraphs: [
        'فُتح {{count}} تكريمًا لمتطوع الشهر {{month}} (لكل منطقة وعلى مستوى المملكة)، والمرشحون هم متطوعو الشهر في الجهات.',
        'اختاروا الفائز قبل {{decideBy|datetime}}؛ بعدها تطبّق القاعدة تلقائيًا (أكثر الساعات المعتمدة، ثم التقييم، ثم الأسبق).',
      ],
    },
    en: {
      subject: 'Volunteer of the month {{month}}: choose the honourees',
      heading: 'Region and national honours await your choice',
      paragraphs: [
        '{{count}} honours for volunteer of the month {{month}} are open (each region and the Kingdom); the candidates are the organisations\' volunteers of the month.',
        'Choose before {{decideBy|datetime}}; after that the rule decides automatically (most approved hours, then rating, then whoever reached them first).',
      ],
    },
  },
};
