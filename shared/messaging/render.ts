/**
 * The one renderer of every message: bilingual templates (shared/messaging/templates) →
 * email (subject, right-to-left HTML for Arabic, plain text) and SMS text.
 *
 * Templates are text, not HTML: every part of them and every interpolated value is escaped
 * here, and the layout (direction, language, structure) is added here only. Placeholders are
 * `{{name}}` or `{{name|filter}}`; a bilingual parameter `title` is read from `titleAr` or
 * `titleEn` according to the recipient's locale (falling back to the other language).
 * Times are shown in Asia/Riyadh with Latin digits in both languages (as Saudi government
 * services do), so an SMS stays predictable in length.
 */
import type { Locale } from '../domain/reference/locale.js';
import type { NotificationType, Params } from '../domain/notifications/schema.js';
import { formatRiyadh, shortRiyadh } from '../domain/time.js';


export type ParamSpec =
  /** Free text; `max` is the longest realistic value (the schema limit of its source). */
  | { readonly kind: 'text'; readonly max: number; readonly bilingual?: boolean; readonly optional?: boolean }
  /** An ISO 8601 time. */
  | { readonly kind: 'time'; readonly optional?: boolean }
  /** A small number, as text. */
  | { readonly kind: 'number'; readonly max: number; readonly optional?: boolean };

/** A paragraph, or one shown only when an optional parameter is present. */
export type Paragraph = string | { readonly if: string; readonly text: string };

export interface EmailCopy {
  readonly subject: string;
  readonly heading: string;
  readonly paragraphs: readonly Paragraph[];
  /** Label/value rows shown as a small table (e.g. when, where). */
  readonly details?: readonly (readonly [label: string, value: string])[];
}

export interface Template {
  readonly type: NotificationType;
  readonly params: Readonly<Record<string, ParamSpec>>;
  readonly email: Readonly<Record<Locale, EmailCopy>>;
  /** SMS text; absent when the message goes by email only. Arabic ≤ 70 UCS-2, English ≤ 160 GSM-7. */
  readonly sms?: Readonly<Record<Locale, string>>;
  /** Attach the request's calendar event as an `.ics` invite. */
  readonly calendar?: boolean;
}

export interface RenderedEmail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

export class TemplateError extends Error {
  override readonly name: string = 'TemplateError';
}

const footer: Record<Locale, string> = {
  ar: 'وصلتك هذه الرسالة لأنك مسجل في منصة تطوع. يمكنك تغيير تفضيلات التواصل من حسابك في أي وقت.',
  en: 'You receive this message because you are registered on the Tatawwu platform. You can change your contact preferences in your account at any time.',
};
const brand: Record<Locale, string> = { ar: 'منصة تطوع', en: 'Tatawwu' };
/** The line before a message's app link (`appLink`, added by the notifier from the request's path). */
const openIn: Record<Locale, string> = { ar: 'افتح في منصة تطوع:', en: 'Open in Tatawwu:' };
/** Every SMS ends with how to stop them (the inbound keywords of shared/domain/notifications/policy.ts). */
export const SMS_OPT_OUT: Record<Locale, string> = { ar: 'لإيقافها أرسل إيقاف', en: 'Reply STOP to opt out' };

export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** What follows every `datetime` in an email: times are Asia/Riyadh in both languages. */
export const riyadhTime: Record<Locale, string> = { ar: '(بتوقيت الرياض)', en: '(Riyadh time)' };

const intlLocale: Record<Locale, string> = { ar: 'ar-SA-u-ca-gregory-nu-latn', en: 'en-GB' };

const formatTime = (iso: string, locale: Locale, style: 'datetime' | 'date' | 'time' | 'short'): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new TemplateError(`not an ISO time: "${iso}"`);
  if (style === 'short') {
    return shortRiyadh(date);
  }
  const options: Intl.DateTimeFormatOptions = {};
  if (style !== 'time') Object.assign(options, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  if (style !== 'date') Object.assign(options, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return formatRiyadh(date, intlLocale[locale], options);
};

/** GSM 03.38 basic set (1 septet each) and extension set (2 septets each). */
const GSM_BASIC = /* @__PURE__ */ new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = /* @__PURE__ */ new Set('^{}\\[~]|€\f');

/** Septets needed in GSM-7, or undefined when the text needs UCS-2. */
export const gsm7Length = (text: string): number | undefined => {
  let length = 0;
  for (const char of text) {
    if (GSM_BASIC.has(char)) length += 1;
    else if (GSM_EXTENDED.has(char)) length += 2;
    else return undefined;
  }
  return length;
};

/** UCS-2 code units (characters outside the BMP cannot be sent and are removed by the renderer). */
export const ucs2Length = (text: string): number => text.length;

/** Free text in an English SMS: accents dropped, anything else outside GSM-7 replaced, so the SMS stays GSM-7. */
const toGsm7 = (value: string): string =>
  [...value.normalize('NFKD').replace(/\p{M}/gu, '')]
    .map((c) => (GSM_BASIC.has(c) || GSM_EXTENDED.has(c) ? c : c === '’' || c === '‘' ? "'" : c === '“' || c === '”' ? '"' : '?'))
    .join('');

const truncate = (value: string, max: number): string => {
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
};

const resolve = (template: Template, params: Params, name: string, locale: Locale): string | undefined => {
  const spec = template.params[name];
  if (!spec) throw new TemplateError(`template ${template.type} uses {{${name}}} but does not declare it`);
  const value =
    spec.kind === 'text' && spec.bilingual
      ? (locale === 'ar' ? (params[`${name}Ar`] ?? params[`${name}En`]) : (params[`${name}En`] ?? params[`${name}Ar`]))
      : params[name];
  if (value === undefined || value === '') {
    if (spec.optional) return undefined;
    throw new TemplateError(`template ${template.type} needs parameter "${name}"${spec.kind === 'text' && spec.bilingual ? ` (as ${name}Ar / ${name}En)` : ''}`);
  }
  return value;
};

const applyFilter = (value: string, filter: string | undefined, locale: Locale): string => {
  if (!filter) return value;
  const [nameOf, arg] = filter.split(':');
  switch (nameOf) {
    case 'datetime':
      // A date and time in an email always names its time zone, in the reader's language.
      return `${formatTime(value, locale, nameOf)} ${riyadhTime[locale]}`;
    case 'date':
    case 'time':
    case 'short':
      return formatTime(value, locale, nameOf);
    case 'trunc':
      return truncate(value, Number(arg));
    default:
      throw new TemplateError(`unknown filter "${filter}"`);
  }
};

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*(?:\|\s*([a-z]+(?::\d+)?)\s*)?\}\}/g;

/** Interpolates `text`; `escape` is applied to the literal parts and the values alike. */
const interpolate = (
  template: Template,
  text: string,
  params: Params,
  locale: Locale,
  escape: (s: string) => string,
  clean: (s: string) => string = (s) => s,
): string => {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    out += escape(text.slice(last, match.index));
    const value = resolve(template, params, match[1]!, locale) ?? '';
    out += escape(clean(applyFilter(clean(value), match[2], locale)));
    last = match.index + match[0].length;
  }
  return out + escape(text.slice(last));
};

const paragraphsOf = (template: Template, copy: EmailCopy, params: Params, locale: Locale): string[] =>
  copy.paragraphs.flatMap((p) => {
    if (typeof p === 'string') return [p];
    return resolve(template, params, p.if, locale) === undefined ? [] : [p.text];
  });

/** Renders an email in the recipient's language. */
export const renderEmail = (template: Template, locale: Locale, params: Params): RenderedEmail => {
  const copy = template.email[locale];
  const plain = (s: string) => s;
  const subject = interpolate(template, copy.subject, params, locale, plain).replace(/\s+/g, ' ').trim();
  const heading = (escape: (s: string) => string) => interpolate(template, copy.heading, params, locale, escape);
  const paragraphs = paragraphsOf(template, copy, params, locale);
  const details = (copy.details ?? []).flatMap(([label, value]) => {
    const names = [...value.matchAll(PLACEHOLDER)].map((m) => m[1]!);
    return names.some((n) => resolve(template, params, n, locale) === undefined) ? [] : [[label, value] as const];
  });
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const align = locale === 'ar' ? 'right' : 'left';

  const html = [
    '<!DOCTYPE html>',
    `<html dir="${dir}" lang="${locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:24px;background:#f5f7f6;font-family:Tahoma,Arial,sans-serif;direction:${dir};text-align:${align};color:#1f2933">`,
    `<div style="max-width:600px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">`,
    `<p style="margin:0 0 16px;color:#0b7a53;font-weight:bold">${escapeHtml(brand[locale])}</p>`,
    `<h1 style="font-size:20px;margin:0 0 16px">${heading(escapeHtml)}</h1>`,
    ...paragraphs.map((p) => `<p style="line-height:1.7;margin:0 0 12px;white-space:pre-line">${interpolate(template, p, params, locale, escapeHtml)}</p>`),
    ...(params.appLink
      ? [
          `<p style="margin:16px 0"><a href="${escapeHtml(params.appLink)}" style="display:inline-block;background:#0b7a53;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(openIn[locale].replace(/:$/, ''))}</a></p>`,
          `<p style="font-size:12px;color:#52606d;margin:0 0 12px" dir="ltr">${escapeHtml(params.appLink)}</p>`,
        ]
      : []),
    ...(details.length > 0
      ? [
          '<table role="presentation" style="border-collapse:collapse;margin:8px 0 16px">',
          ...details.map(
            ([label, value]) =>
              `<tr><th scope="row" style="padding:4px 0;padding-${locale === 'ar' ? 'left' : 'right'}:16px;text-align:${align};color:#52606d">${escapeHtml(label)}</th><td style="padding:4px 0">${interpolate(template, value, params, locale, escapeHtml)}</td></tr>`,
          ),
          '</table>',
        ]
      : []),
    `<p style="font-size:12px;color:#7b8794;margin:24px 0 0">${escapeHtml(footer[locale])}</p>`,
    '</div></body></html>',
  ].join('\n');

  const text = [
    brand[locale],
    '',
    heading(plain),
    '',
    ...paragraphs.map((p) => interpolate(template, p, params, locale, plain)),
    ...(details.length > 0 ? ['', ...details.map(([label, value]) => `${label}: ${interpolate(template, value, params, locale, plain)}`)] : []),
    ...(params.appLink ? ['', `${openIn[locale]} ${params.appLink}`] : []),
    '',
    '—',
    footer[locale],
    '',
  ].join('\n');

  return { subject, html, text };
};

/**
 * The email in both languages, for an address whose language nobody knows (a ministry
 * reviewers' list, an organisation's contact): one subject "Arabic | English", the Arabic
 * message (right to left) then the English one (left to right), the same in the text part.
 */
export const renderBilingualEmail = (template: Template, params: Params): RenderedEmail => {
  const ar = renderEmail(template, 'ar', params);
  const en = renderEmail(template, 'en', params);
  const card = (html: string) => html.slice(html.indexOf('<div style="max-width'), html.lastIndexOf('</body>'));
  const html = ar.html.replace('</body>', `<div dir="ltr" lang="en" style="direction:ltr;text-align:left;margin-top:16px">${card(en.html)}</div></body>`);
  return { subject: `${ar.subject} | ${en.subject}`, html, text: `${ar.text}\n${en.text}` };
};

/** Renders an SMS in the recipient's language, or undefined when the template has no SMS. */
export const renderSms = (template: Template, locale: Locale, params: Params): string | undefined => {
  const text = template.sms?.[locale];
  if (text === undefined) return undefined;
  const clean =
    locale === 'en'
      ? toGsm7
      : // Characters outside the BMP (emoji) would need surrogate pairs and split the message.
        (s: string) => s.replace(/[\u{10000}-\u{10FFFF}]/gu, '');
  const body = interpolate(template, text, params, locale, (s) => s, clean).replace(/\s+/g, ' ').trim();
  // The link (when the request has one) and the opt-out instruction end every SMS.
  // Phones link a bare host, so the SMS drops the scheme: eight characters of a 67-character part.
  const link = params.appLink?.replace(/^https?:\/\//, '');
  return [body, link, SMS_OPT_OUT[locale]].filter(Boolean).join(' ');
};

/** One SMS part: 70 UCS-2 characters, or 160 GSM-7 septets. */
export const fitsOneSmsPart = (text: string): boolean => {
  const septets = gsm7Length(text);
  return septets === undefined ? ucs2Length(text) <= 70 : septets <= 160;
};
