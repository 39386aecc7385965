import { describe, expect, it } from 'vitest';
import type { Locale } from '../../shared/domain/reference/professions.js';
import type { NotificationType, Params } from '../../shared/domain/notifications/schema.js';
import { gsm7Length, renderEmail, renderSms, TemplateError, type Template } from '../../shared/messaging/render.js';
import { templates } from '../../shared/messaging/templates/index.js';

const locales: readonly Locale[] = ['ar', 'en'];
const START = '2030-03-14T05:30:00.000Z'; // 08:30 in Riyadh
const END = '2030-03-14T09:00:00.000Z';

const words = { ar: 'جمعية البر الخيرية لرعاية الأيتام في المنطقة الشرقية ', en: 'Community Health Awareness Campaign – Café “Weekend” ' };
const fill = (text: string, length: number) => text.repeat(Math.ceil(length / text.length)).slice(0, length);

/** Every declared parameter at its longest realistic value, in both languages. */
const longest = (template: Template): Params => {
  const params: Params = {};
  for (const [name, spec] of Object.entries(template.params)) {
    if (spec.kind === 'time') params[name] = START;
    else if (spec.kind === 'number') params[name] = '9'.repeat(spec.max);
    else if (spec.bilingual) {
      params[`${name}Ar`] = fill(words.ar, spec.max);
      params[`${name}En`] = fill(words.en, spec.max);
    } else params[name] = fill(words.ar, spec.max);
  }
  return params;
};

const typical: Params = {
  nameAr: 'سارة القحطاني',
  nameEn: 'Sara Alqahtani',
  titleAr: 'توزيع السلال الغذائية',
  titleEn: 'Food basket distribution',
  orgNameAr: 'جمعية إطعام',
  orgNameEn: ' Itaam Association',
  placeAr: 'الرياض',
  placeEn: 'Riyadh',
  start: START,
  end: END,
  reason: 'Capacity reached',
  position: '3',
  count: '4',
  oldest: '2030-03-12T07:00:00.000Z',
  licenseNumber: '1234',
  cityAr: 'جدة',
  cityEn: 'Jeddah',
  submittedAt: '2030-03-10T07:00:00.000Z',
  trainingAr: 'الإسعافات الأولية',
  trainingEn: 'First aid basics',
  validUntil: '2030-04-13T07:00:00.000Z',
  days: '30',
  modules: 'first-aid-basics',
  attended: '12',
  hours: '3.5',
  requested: '4',
  disputeLink: 'https://tatawwu.sa/hours/01JT0H7K2M4N6P8Q0R2S4T6V8W/dispute',
  disputeUntil: '2030-03-28T07:00:00.000Z',
  badgeAr: 'مئة ساعة عطاء',
  badgeEn: '100 hours of giving',
  criteriaAr: '١٠٠ ساعة تطوع معتمدة',
  criteriaEn: '100 approved volunteer hours',
  awardAr: 'متطوع الشهر في جهتك (2030-02)',
  awardEn: 'volunteer of the month of your organisation (2030-02)',
  link: 'https://tatawwu.example.sa/exports/01JT0H7K2M4N6P8Q0R2S4T6V8W',
  code: '482913',
  expiresAt: '2030-03-28T07:15:00.000Z',
  month: '2030-02',
  decideBy: '2030-03-11T06:00:00.000Z',
  certificationNumber: 'VM-2026-0412',
  expiresOn: '2030-03-15',
};

const types = Object.keys(templates) as NotificationType[];

/** A free-form message carries its own text, in one language. */
const paramsFor = (type: NotificationType, locale: Locale): Params =>
  type !== 'direct-message'
    ? typical
    : locale === 'ar'
      ? { subject: 'تنبيه من منصة تطوع', body: 'السطر الأول\nالسطر الثاني' }
      : { subject: 'A notice from Tatawwu', body: 'First line\nSecond line' };

describe('email templates', () => {
  describe.each(types)('%s', (type) => {
    const template = templates[type];

    it('renders Arabic right to left with a plain-text part', () => {
      const email = renderEmail(template, 'ar', paramsFor(type, 'ar'));
      expect(email.html).toContain('<html dir="rtl" lang="ar">');
      expect(email.subject).toMatch(/[\u0600-\u06FF]/);
      expect(email.text).toMatch(/[\u0600-\u06FF]/);
      expect(email.text).not.toContain('<');
      expect(`${email.subject}${email.html}${email.text}`).not.toContain('{{');
    });

    it('renders English left to right with a plain-text part', () => {
      const email = renderEmail(template, 'en', paramsFor(type, 'en'));
      expect(email.html).toContain('<html dir="ltr" lang="en">');
      expect(email.subject).not.toMatch(/[\u0600-\u06FF]/);
      expect(email.text).not.toMatch(/[\u0600-\u06FF]/);
      expect(`${email.subject}${email.html}${email.text}`).not.toContain('{{');
    });
  });

  it('shows the bilingual value of the recipient’s language', () => {
    const ar = renderEmail(templates['application-approved'], 'ar', typical);
    const en = renderEmail(templates['application-approved'], 'en', typical);
    expect(ar.subject).toBe('تم قبولك للتطوع في توزيع السلال الغذائية');
    expect(en.subject).toBe('You are approved: Food basket distribution');
  });

  it('shows times in Riyadh time', () => {
    const en = renderEmail(templates['shift-reminder-24h'], 'en', typical);
    expect(en.text).toContain('08:30');
    expect(en.text).toContain('Thursday');
  });

  it('escapes every interpolated value in the HTML', () => {
    const email = renderEmail(templates['application-rejected'], 'en', { ...typical, titleEn: '<img src=x onerror=alert(1)>', reason: 'a & "b"' });
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.html).toContain('a &amp; &quot;b&quot;');
    expect(email.text).toContain('<img src=x onerror=alert(1)>');
  });

  it('leaves out a paragraph whose optional parameter is absent', () => {
    const { reason: _, ...withoutReason } = typical;
    const email = renderEmail(templates['application-rejected'], 'en', withoutReason);
    expect(email.text).not.toContain('Reason:');
  });

  it('refuses to render without a required parameter, naming it', () => {
    const { start: _, ...withoutStart } = typical;
    expect(() => renderEmail(templates['shift-reminder-2h'], 'ar', withoutStart)).toThrow(TemplateError);
    expect(() => renderEmail(templates['shift-reminder-2h'], 'ar', withoutStart)).toThrow(/"start"/);
  });
});

const withSms = types.filter((type) => templates[type].sms);

describe('SMS templates', () => {
  it('exist for every message to a volunteer that can be urgent', () => {
    expect(withSms).toEqual(
      expect.arrayContaining(['application-approved', 'shift-reminder-24h', 'shift-reminder-2h', 'shift-cancelled', 'opportunity-cancelled']),
    );
  });

  describe.each(withSms)('%s', (type) => {
    const template = templates[type];

    // Every SMS ends with the app link (when the message has one) and the opt-out instruction
    // (issue 11): with them an SMS takes at most two parts — 2 × 67 UCS-2 characters in Arabic,
    // 2 × 153 GSM-7 septets in English (concatenated parts carry a 6-byte header).
    const link = `https://tatawwu.example.sa/a/${'0'.repeat(26)}`;
    const withLink = (params: Record<string, string>) => ({ ...params, appLink: link });
    const bare = link.replace('https://', '');

    it('fits two UCS-2 parts in Arabic with the longest realistic values, the link and the opt-out', () => {
      const sms = renderSms(template, 'ar', withLink(longest(template)))!;
      expect(sms.length, sms).toBeLessThanOrEqual(2 * 67);
      expect(sms).toMatch(/[\u0600-\u06FF]/);
      expect(sms).toContain(bare);
      expect(sms.endsWith('لإيقافها أرسل إيقاف')).toBe(true);
    });

    it('fits two GSM-7 parts in English with the longest realistic values, the link and the opt-out', () => {
      const sms = renderSms(template, 'en', withLink(longest(template)))!;
      expect(gsm7Length(sms), sms).toBeDefined();
      expect(gsm7Length(sms)!, sms).toBeLessThanOrEqual(2 * 153);
      expect(sms).toContain(bare);
      expect(sms.endsWith('Reply STOP to opt out')).toBe(true);
    });

    it('renders in both languages with typical values', () => {
      for (const locale of locales) expect(renderSms(template, locale, typical)).not.toContain('{{');
    });
  });

  it('keeps an English SMS in GSM-7 when a name has characters outside it', () => {
    const sms = renderSms(templates['application-approved'], 'en', { ...typical, titleEn: 'Café “Ramadan” 🌙 drive' })!;
    expect(sms).toContain('"Cafe "Ramadan" ? drive"');
    expect(gsm7Length(sms)).toBeDefined();
  });
});

describe('gsm7Length', () => {
  it('counts extension characters as two septets', () => {
    expect(gsm7Length('a€')).toBe(3);
  });

  it('is undefined for Arabic text', () => {
    expect(gsm7Length('تطوع')).toBeUndefined();
  });
});
