/**
 * Messages of recognition (issue 14): a badge earned (email, and SMS when the volunteer opted
 * in), an award won (email). Both carry the link of the badge or award in the app.
 */
import type { Template } from '../render.js';
import { name } from './params.js';

/** Badge names (badge definitions: short, bilingual). */
const badge = { kind: 'text', max: 60, bilingual: true } as const;
/** The app's page of the badge or award: https://tatawwu.sa/badges/<id> (no personal data). */
const link = { kind: 'text', max: 48 } as const;

export const badgeEarned: Template = {
  type: 'badge-earned',
  params: { name, badge, criteria: { kind: 'text', max: 200, bilingual: true }, link },
  email: {
    ar: {
      subject: 'وسام جديد: {{badge}}',
      heading: 'مبارك يا {{name}}',
      paragraphs: ['حصلت على وسام «{{badge}}» ({{criteria}}). شكرًا لعطائك.', 'شاهد وسامك وشهادته الرقمية: {{link}}'],
    },
    en: {
      subject: 'New badge: {{badge}}',
      heading: 'Congratulations, {{name}}',
      paragraphs: ['You earned the "{{badge}}" badge ({{criteria}}). Thank you for giving your time.', 'See your badge and its digital credential: {{link}}'],
    },
  },
  sms: {
    ar: 'وسام جديد لك في تطوع: {{link}}',
    en: 'Tatawwu: you earned the "{{badge|trunc:40}}" badge. See it: {{link}}',
  },
};

export const awardWon: Template = {
  type: 'award-won',
  params: { name, award: { kind: 'text', max: 120, bilingual: true }, hours: { kind: 'number', max: 4 }, link },
  email: {
    ar: {
      subject: 'تهانينا: {{award}}',
      heading: 'نهنئك يا {{name}}',
      paragraphs: ['اختِرت {{award}} ({{hours}} ساعة معتمدة). شكرًا لعطائك.', 'تفاصيل التكريم: {{link}}'],
    },
    en: {
      subject: 'Congratulations: {{award}}',
      heading: 'Congratulations, {{name}}',
      paragraphs: ['You were chosen {{award}} ({{hours}} approved hours). Thank you for giving your time.', 'About the award: {{link}}'],
    },
  },
};
