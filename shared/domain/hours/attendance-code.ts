/**
 * The rotating attendance code of a shift: an HMAC-SHA256 over `shiftId:step` (a step is
 * CODE_STEP_SECONDS long), shown by a manager as text or a QR code. The current and the previous
 * step are accepted, so a code read just before it rotates still works; codes are accepted from
 * 1 h before the shift starts to 2 h after it ends. The key comes from a port (Secrets Manager in
 * the cloud, a generated key kept with the local data locally); a code of another shift, another
 * key or an old step never verifies.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const CODE_STEP_SECONDS = 300;
export const ACCEPT_BEFORE_START_MS = 3_600_000;
export const ACCEPT_AFTER_END_MS = 2 * 3_600_000;
/** Crockford base32 without look-alikes: easy to read aloud and to type. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 8;

export const stepOf = (at: Date): number => Math.floor(at.getTime() / 1000 / CODE_STEP_SECONDS);

export const codeFor = (key: string, shiftId: string, step: number): string => {
  const mac = createHmac('sha256', key).update(`${shiftId}:${step}`).digest();
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[mac[i]! % 32];
  return code;
};

export interface ShiftWindow {
  readonly start: string;
  readonly end: string;
}

/** When codes of the shift are accepted. */
export const codeWindow = (shift: ShiftWindow) => ({
  from: new Date(Date.parse(shift.start) - ACCEPT_BEFORE_START_MS),
  to: new Date(Date.parse(shift.end) + ACCEPT_AFTER_END_MS),
});

export const withinCodeWindow = (shift: ShiftWindow, at: Date): boolean => {
  const { from, to } = codeWindow(shift);
  return at >= from && at <= to;
};

/** The code to show now, and when it stops being accepted (the end of the next step). */
export const currentCode = (key: string, shiftId: string, at: Date) => {
  const step = stepOf(at);
  return { code: codeFor(key, shiftId, step), expiresAt: new Date((step + 2) * CODE_STEP_SECONDS * 1000).toISOString() };
};

const normalise = (code: string) => code.trim().toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** True when `code` is the shift's code of the current or the previous step. */
export const verifyCode = (key: string, shiftId: string, code: string, at: Date): boolean => {
  const given = normalise(code);
  const step = stepOf(at);
  return same(given, codeFor(key, shiftId, step)) || same(given, codeFor(key, shiftId, step - 1));
};

/** The text of the QR code: a link the volunteer app opens (it carries no personal data). */
export const qrText = (shiftId: string, code: string) => `https://tatawwu.sa/check-in?shift=${encodeURIComponent(shiftId)}&code=${code}`;
