/**
 * The verification page: the certificate as a person who scanned its QR code sees it, and as
 * it prints on A4. Arabic first (the document is `dir="rtl"`), English below, the QR code of
 * the verify URL as inline SVG, and the status in words and colour. No scripts, no external
 * resources: the Content-Security-Policy allows only this page's one stylesheet (by hash).
 */
import { createHash } from 'node:crypto';
import { create } from 'qrcode/lib/core/qrcode.js';
import { render } from 'qrcode/lib/renderer/svg-tag.js';
import type { Verification } from '../../../shared/domain/certificates/schema.js';

const STYLE = `
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f1ea; color: #1d2b24; font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", "DejaVu Sans", sans-serif; }
main { max-width: 190mm; margin: 16px auto; background: #fff; border: 3px double #0f6b4f; padding: 28px 36px; }
.status { text-align: center; font-size: 1.25rem; font-weight: 700; padding: 10px; border-radius: 6px; margin-bottom: 18px; }
.status.valid { background: #e3f4ec; color: #0b5a3f; border: 2px solid #0f6b4f; }
.status.revoked { background: #fbe4e4; color: #8a1414; border: 2px solid #b42318; }
section { padding: 8px 0 14px; }
section[lang="en"] { border-top: 1px solid #c9d6cf; font-family: "Noto Sans", "DejaVu Sans", sans-serif; }
h1 { font-size: 1.6rem; margin: 4px 0 10px; color: #0f6b4f; text-align: center; }
.holder { font-size: 1.9rem; font-weight: 700; text-align: center; margin: 10px 0; }
p { line-height: 1.7; margin: 6px 0; text-align: center; }
ul { list-style: none; padding: 0; margin: 6px 0; text-align: center; }
.meta { color: #4a5a52; font-size: 0.9rem; }
figure { margin: 10px auto 0; text-align: center; }
figure svg { width: 42mm; height: 42mm; }
figcaption { font-family: "DejaVu Sans Mono", monospace; font-size: 0.8rem; direction: ltr; word-break: break-all; color: #4a5a52; }
@media print {
  body { background: #fff; }
  main { margin: 0 auto; border-width: 4px; min-height: 265mm; page-break-inside: avoid; }
  .status { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

const STYLE_HASH = /* @__PURE__ */ createHash('sha256').update(STYLE).digest('base64');

/** Scripts, frames, forms, plugins and remote loads are all refused; only the stylesheet above applies. */
export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export const pageHeaders = (cacheable: boolean): Record<string, string> => ({
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': cacheable ? 'public, max-age=60' : 'no-store',
});

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/*
 * Numbers and dates written as Intl.NumberFormat('ar-SA' / 'en-GB') and Intl.DateTimeFormat
 * ('ar-SA-u-ca-gregory-nu-arab' / 'en-GB', dateStyle long, UTC) write them (the test compares
 * them over every day of 1990-2060 and the numbers a certificate holds): the first Intl object of
 * a process loads ICU's data, ~9 ms of CPU, and the page needs only digits and month names
 * (issue 17).
 */
const AR_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const AR_MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const grouped = (n: number, separator: string, minus: string) =>
  `${n < 0 || Object.is(n, -0) ? minus : ''}${String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, separator)}`;
const arabicDigits = (text: string) => text.replace(/\d/g, (d) => AR_DIGITS[Number(d)]!);
/** A whole number as `ar-SA` writes it: Arabic-Indic digits, U+066C between thousands, U+061C before a minus. */
export const arNumber = (n: number): string => arabicDigits(grouped(n, '٬', '\u061c-'));
export const enNumber = (n: number): string => grouped(n, ',', '-');
export const arDay = (d: Date): string => arabicDigits(`${d.getUTCDate()} ${AR_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`);
export const enDay = (d: Date): string => `${d.getUTCDate()} ${EN_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const asDate = (isoDay: string) => new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
const riyadhDay = (at: string) => new Date(new Date(at).getTime() + 3 * 3_600_000).toISOString().slice(0, 10);

const duration = (minutes: number) => ({ hours: Math.floor(minutes / 60), minutes: minutes % 60 });

/** What `QRCode.toString(url, { type: 'svg', …QR_OPTIONS })` draws, without its other renderers. */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } } as const;

export const renderVerificationPage = async (v: Verification): Promise<string> => {
  const { hours, minutes } = duration(v.minutes);
  const qr = render(create(v.verifyUrl, QR_OPTIONS), QR_OPTIONS);
  const revoked = v.status === 'revoked';
  const issued = riyadhDay(v.issuedAt);
  const orgsAr = v.organizations.map((o) => `<li>${escapeHtml(o.nameAr)} — ${arNumber(Math.round(o.minutes / 60))} ساعة</li>`).join('');
  const orgsEn = v.organizations.map((o) => `<li>${escapeHtml(o.nameEn)} — ${enNumber(Math.round(o.minutes / 60))} h</li>`).join('');
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>شهادة عمل تطوعي — Certificate of volunteering</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<div id="status" class="status ${revoked ? 'revoked' : 'valid'}" data-status="${v.status}">${
    revoked ? 'هذه الشهادة ملغاة — This certificate has been revoked' : 'شهادة سارية وموثقة — Valid certificate'
  }</div>
<section id="ar" lang="ar" dir="rtl">
<h1>شهادة عمل تطوعي</h1>
<p>تشهد ${escapeHtml(v.issuer.nameAr)} بأن المتطوع/ة</p>
<p id="holder-ar" class="holder">${escapeHtml(v.holder.nameAr)}</p>
<p>قد أسهم/ت بـ ${arNumber(hours)} ساعة و${arNumber(minutes)} دقيقة من العمل التطوعي في الفترة من ${arDay(asDate(v.from))} إلى ${arDay(asDate(v.to))}.</p>
<ul>${orgsAr}</ul>
<p class="meta">تاريخ الإصدار: ${arDay(asDate(issued))}${revoked && v.revokedAt ? ` — أُلغيت في ${arDay(asDate(riyadhDay(v.revokedAt)))}` : ''}</p>
</section>
<section id="en" lang="en" dir="ltr">
<h1>Certificate of volunteering</h1>
<p>${escapeHtml(v.issuer.nameEn)} certifies that</p>
<p id="holder-en" class="holder">${escapeHtml(v.holder.nameEn)}</p>
<p>contributed ${enNumber(hours)} hours and ${enNumber(minutes)} minutes of volunteer work between ${enDay(asDate(v.from))} and ${enDay(asDate(v.to))}.</p>
<ul>${orgsEn}</ul>
<p class="meta">Issued on ${enDay(asDate(issued))}${revoked && v.revokedAt ? ` — revoked on ${enDay(asDate(riyadhDay(v.revokedAt)))}` : ''}</p>
</section>
<figure id="qr">${qr}<figcaption>${escapeHtml(v.verifyUrl)}</figcaption></figure>
</main>
</body>
</html>
`;
};

export const notFoundPage = (): string => `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>لا توجد شهادة — No certificate</title><style>${STYLE}</style></head>
<body><main>
<div id="status" class="status revoked" data-status="unknown">لا توجد شهادة بهذا الرمز — No certificate has this code</div>
</main></body>
</html>
`;
