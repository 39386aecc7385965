/**
 * The verification page in a real browser: Debian's Chromium driven by puppeteer-core, loading
 * the page from the local platform. Screenshots are kept in test/browser/artifacts/ (gitignored).
 * `.ci/run` installs `chromium` and `fonts-noto-core` when they are missing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { luhnCheckDigit } from '../../shared/domain/volunteers/national-id.js';
import { hoursApproved } from '../integration/register-support.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

/** jsqr is CommonJS whose types declare an ES default export: at runtime the default import is the function. */
const jsQR = jsQRModule as unknown as (typeof jsQRModule)['default'];
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const profile = JSON.parse(registerEvent.body) as Record<string, string>;

describe('the verification page in Chromium', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let page: Page;
  let certificate: { id: string; code: string; verifyUrl: string };

  beforeAll(async () => {
    platform = await startTestPlatform();
    const sub = 'browser-holder';
    const volunteer = await platform.token({ sub, groups: ['volunteer'] });
    const idBase = `10734${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    await platform.request('POST', '/v1/volunteers', { token: volunteer, body: { ...profile, nationalId: idBase + luhnCheckDigit(idBase) } });
    const { seedOrganization } = await import('../helpers/builders.js');
    const orgId = await seedOrganization({ status: 'pending', city: 'riyadh', causes: ['health'], names: { ar: 'جمعية إطعام الخيرية', en: 'Ita3am Charity' } });
    const { handler } = await import('../../functions/consumers/register-hours.js');
    await handler(hoursApproved({ volunteerId: sub, orgId, date: '2026-02-12', minutes: 375 }).envelope);
    certificate = (await platform.request('POST', '/v1/volunteers/me/certificates', { token: volunteer, body: { orgId } })).body;
    browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
    page = await browser.newPage();
    await page.setViewport({ width: 900, height: 1200 });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('renders the Arabic name right to left, above the English text', async () => {
    await page.goto(certificate.verifyUrl, { waitUntil: 'load' });
    writeFileSync(join(ARTIFACTS, 'verification-valid.png'), await page.screenshot());

    // Runs in the page (the repository compiles without the DOM library, hence a string).
    const layout = await page.evaluate(`(() => {
      const element = document.querySelector('#holder-ar');
      const text = element.firstChild;
      const range = document.createRange();
      const charRect = (i) => { range.setStart(text, i); range.setEnd(text, i + 1); return range.getBoundingClientRect(); };
      const english = document.querySelector('#holder-en').getBoundingClientRect();
      return {
        direction: getComputedStyle(element).direction,
        firstRightOfLast: charRect(0).left > charRect(text.length - 1).left,
        aboveEnglish: element.getBoundingClientRect().bottom <= english.top,
      };
    })()`);
    expect(layout).toEqual({ direction: 'rtl', firstRightOfLast: true, aboveEnglish: true });
  });

  it('applies its stylesheet under the strict Content-Security-Policy', async () => {
    const response = await page.goto(certificate.verifyUrl, { waitUntil: 'load' });
    const statusColour = await page.evaluate(`getComputedStyle(document.querySelector('#status')).backgroundColor`);
    expect([response?.headers()['content-security-policy']?.startsWith("default-src 'none'"), statusColour]).toEqual([true, 'rgb(227, 244, 236)']);
  });

  it('shows a QR code that decodes to the verify URL', async () => {
    await page.goto(certificate.verifyUrl, { waitUntil: 'load' });
    const qr = await page.$('#qr svg');
    const png = PNG.sync.read(Buffer.from(await qr!.screenshot({ type: 'png' })));

    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);

    expect(decoded?.data).toBe(certificate.verifyUrl);
  });

  it('prints as one A4 page', async () => {
    await page.goto(certificate.verifyUrl, { waitUntil: 'load' });
    const pdf = Buffer.from(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    writeFileSync(join(ARTIFACTS, 'verification-print.pdf'), pdf);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(1);
  });

  it('says so when the certificate is revoked', async () => {
    const admin = await platform.token({ sub: 'admin-browser', groups: ['ministry-admin'] });
    await platform.request('POST', `/v1/certificates/${certificate.id}/revoke`, { token: admin, body: { reason: 'issued in error' } });

    await page.goto(certificate.verifyUrl, { waitUntil: 'load' });
    writeFileSync(join(ARTIFACTS, 'verification-revoked.png'), await page.screenshot());

    const status = (await page.evaluate(`(() => { const e = document.querySelector('#status'); return { state: e.getAttribute('data-status'), text: e.textContent }; })()`)) as { state: string; text: string };
    expect([status.state, status.text?.includes('ملغاة'), status.text?.includes('revoked')]).toEqual(['revoked', true, true]);
  });
});
