/**
 * Free text people type (names, titles, descriptions, reasons, motivations, notes). Every
 * such field of a request schema is a `boundedText`, so what reaches emails, certificates and
 * exports is text that shows what it says (issue 10 §5: `السبب: ab\ud800cd`, U+202E reversing
 * a name). Refused, with a message naming the character:
 *
 * - control characters (`\p{Cc}`, also tab and newline) and the line/paragraph separators
 *   U+2028/U+2029: they break logs, CSV exports, email headers and certificates;
 * - lone surrogates (`\p{Cs}`, invalid UTF-16): they cannot be encoded, so each consumer
 *   replaces or drops them differently;
 * - bidirectional controls: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069. Arabic
 *   and English text lays itself out without them; with them a name can display reversed
 *   or a reason can hide part of itself (Trojan Source, CVE-2021-42574);
 * - other invisible format characters (`\p{Cf}`: U+200B zero-width space, U+2060 word
 *   joiner, U+FEFF, soft hyphen U+00AD, tag characters…): two different strings would look
 *   the same, so a name could impersonate another.
 *
 * One exception, ZWNJ U+200C and ZWJ U+200D, only between two non-ASCII, non-space
 * characters: Arabic names never need them, but Persian and Urdu words written in Arabic
 * script (ZWNJ: `می‌خواهم`), Indic scripts and emoji sequences (ZWJ: 👩‍⚕️) do, and between
 * such characters they change the rendering visibly. Next to Latin letters, digits, spaces or
 * at either end they are invisible and only serve spoofing, so they are refused there.
 */
import * as z from '../../zod.js';

const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const JOINER = /[\u200C\u200D]/u;
/** A joiner is shown only between two non-ASCII, non-space characters. */
const STRAY_JOINER = /(?:^|[\x00-\x7F\s\u200C\u200D])[\u200C\u200D]|[\u200C\u200D](?:$|[\x00-\x7F\s])/u;

/**
 * Every character the rules below look at (joiners and bidirectional controls are `\p{Cf}`): a
 * text without one is clean, found in one regex pass. Record schemas check stored text on every
 * read, and walking it character by character was half of a profile read (issue 17).
 */
const ANY_SUSPECT = /[\p{Cs}\p{Cc}\p{Cf}\u2028\u2029]/u;

/** Why a text is refused, or undefined when it is clean. */
export const unsafeTextReason = (value: string): string | undefined => {
  if (!ANY_SUSPECT.test(value)) return undefined;
  for (const char of value) {
    if (/\p{Cs}/u.test(char)) return `must not contain a lone surrogate (${codePoint(char)}, invalid UTF-16)`;
    if (/[\p{Cc}\u2028\u2029]/u.test(char)) return `must not contain control characters (${codePoint(char)})`;
    if (BIDI_CONTROL.test(char)) return `must not contain bidirectional controls (${codePoint(char)})`;
    if (JOINER.test(char)) continue;
    if (/\p{Cf}/u.test(char)) return `must not contain invisible formatting characters (${codePoint(char)})`;
  }
  const stray = STRAY_JOINER.exec(value);
  if (stray) return `must not contain a zero-width joiner outside a word of a joining script (${codePoint(stray[0].replace(/[^\u200C\u200D]/gu, '')[0]!)})`;
  return undefined;
};

/** Trimmed free text within bounds that displays as what it says (see above). */
export const boundedText = (min: number, max: number) =>
  z
    .string()
    .check(z.trim(), z.minLength(min), z.maxLength(max), z.superRefine((value, ctx) => {
      const reason = unsafeTextReason(value);
      if (reason) ctx.addIssue({ code: 'custom', message: reason });
    }));

/** Arabic letters (the Arabic script blocks), one of which an Arabic field must contain. */
const ARABIC_LETTER = /(?=\p{Script=Arabic})\p{L}/u;

/**
 * `boundedText` for a field that is the Arabic form (`nameAr`…): at least one Arabic letter,
 * so a Latin-only value (`"Sarah"` sent as `nameAr`) is refused instead of shown right-to-left
 * as if it were the Arabic name. Digits, Latin words and punctuation may appear beside it.
 */
export const arabicText = (min: number, max: number) =>
  boundedText(min, max).check(z.refine((value) => ARABIC_LETTER.test(value), { message: 'must be written in Arabic letters', abort: true }));

/**
 * The nearest text the rule accepts (for text stored before the rule, infra/ops/clean-text.ts):
 * control characters and line separators become spaces (runs collapse to one), lone surrogates,
 * bidirectional controls and invisible format characters are dropped, joiners are kept only
 * inside a word of a joining script; the result is trimmed. Clean text comes back unchanged.
 */
export const cleanText = (value: string): string => {
  if (unsafeTextReason(value) === undefined) return value;
  let out = '';
  for (const char of value) {
    if (/\p{Cs}/u.test(char) || BIDI_CONTROL.test(char)) continue;
    if (/[\p{Cc}\u2028\u2029]/u.test(char)) {
      if (!out.endsWith(' ')) out += ' ';
      continue;
    }
    if (!JOINER.test(char) && /\p{Cf}/u.test(char)) continue;
    out += char;
  }
  // Joiners next to ASCII, spaces or the ends (repeat: removing one may expose another).
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(/(^|[\x00-\x7F\s\u200C\u200D])[\u200C\u200D]+/gu, '$1').replace(/[\u200C\u200D]+($|[\x00-\x7F\s])/gu, '$1');
  }
  return out.replace(/ {2,}/g, ' ').trim();
};
