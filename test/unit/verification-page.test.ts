import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { arDay, arNumber, enDay, enNumber, renderVerificationPage } from '../../functions/http/register/page.js';
import type { Verification } from '../../shared/domain/certificates/schema.js';

const numbers = [0, -0, 1, 9, 10, 59, 99, 100, 999, 1_000, 1_234, 9_999, 10_000, 12_345, 99_999, 100_000, 999_999, 1_000_000, 1_234_567, 123_456_789, -1, -1_234, -1_234_567];
const days = (from: number, to: number) => Array.from({ length: (to - from) / 86_400_000 + 1 }, (_, i) => new Date(from + i * 86_400_000));

describe('verification page numbers and dates', () => {
  it('writes numbers as Intl.NumberFormat ar-SA and en-GB do', () => {
    const ar = new Intl.NumberFormat('ar-SA');
    const en = new Intl.NumberFormat('en-GB');
    expect(numbers.map((n) => [arNumber(n), enNumber(n)])).toEqual(numbers.map((n) => [ar.format(n), en.format(n)]));
  });

  it('writes every day of 1990-2060 as Intl.DateTimeFormat ar-SA (Gregorian, Arabic digits) and en-GB do with dateStyle long', () => {
    const ar = new Intl.DateTimeFormat('ar-SA-u-ca-gregory-nu-arab', { dateStyle: 'long', timeZone: 'UTC' });
    const en = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
    const all = days(Date.UTC(1990, 0, 1), Date.UTC(2060, 11, 31));
    expect(all.filter((d) => arDay(d) !== ar.format(d) || enDay(d) !== en.format(d)).map((d) => d.toISOString())).toEqual([]);
  });
});

describe('renderVerificationPage', () => {
  it("draws the verify URL's QR code as QRCode.toString does with type svg", async () => {
    const verification: Verification = {
      valid: true,
      status: 'valid',
      holder: { name: 'سارة', nameAr: 'سارة', nameEn: 'Sara' },
      issuer: { name: 'جمعية البر', nameAr: 'جمعية البر', nameEn: 'Al Birr Society' },
      kind: 'organization',
      organizations: [{ nameAr: 'جمعية البر', nameEn: 'Al Birr Society', minutes: 754 }],
      minutes: 754,
      from: '2026-01-01',
      to: '2026-06-30',
      issuedAt: '2026-07-01T09:00:00.000Z',
      code: '0123456789ABCDEFGHJKMNPQRS',
      verifyUrl: 'https://api.tatawwu.sa/verify/0123456789ABCDEFGHJKMNPQRS',
    };
    const svg = await QRCode.toString(verification.verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
    expect((await renderVerificationPage(verification)).includes(`<figure id="qr">${svg}<figcaption>`)).toBe(true);
  });
});
