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
 *
 * `[\p{Cs}\p{Cc}\p{Cf}\u2028\u2029]` written out (Unicode 17.0, Node 22's): a property class takes
 * ICU's tables to build, ~0.4 ms of every cold start at import and more at its first match, a list
 * of ranges nothing (issue 17). test/unit/text.test.ts fails when it differs from the property
 * class over any code point (a Node with a newer Unicode) and prints the new list.
 */
export const ANY_SUSPECT =
  /[\u0000-\u001F\u007F-\u009F\u00AD\u0600-\u0605\u061C\u06DD\u070F\u0890-\u0891\u08E2\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uD800-\uDFFF\uFEFF\uFFF9-\uFFFB\u{110BD}\u{110CD}\u{13430}-\u{1343F}\u{1BCA0}-\u{1BCA3}\u{1D173}-\u{1D17A}\u{E0001}\u{E0020}-\u{E007F}]/u;

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

/**
 * Arabic letters (the Arabic script blocks), one of which an Arabic field must contain:
 * `(?=\p{Script=Arabic})\p{L}` written out as ANY_SUSPECT is (test/unit/text.test.ts checks it).
 */
export const ARABIC_LETTER =
  /[\u0620-\u063F\u0641-\u064A\u066E-\u066F\u0671-\u06D3\u06D5\u06E5-\u06E6\u06EE-\u06EF\u06FA-\u06FC\u06FF\u0750-\u077F\u0870-\u0887\u0889-\u088F\u08A0-\u08C9\uFB50-\uFBB1\uFBD3-\uFD3D\uFD50-\uFD8F\uFD92-\uFDC7\uFDF0-\uFDFB\uFE70-\uFE74\uFE76-\uFEFC\u{10EC2}-\u{10EC7}\u{1EE00}-\u{1EE03}\u{1EE05}-\u{1EE1F}\u{1EE21}-\u{1EE22}\u{1EE24}\u{1EE27}\u{1EE29}-\u{1EE32}\u{1EE34}-\u{1EE37}\u{1EE39}\u{1EE3B}\u{1EE42}\u{1EE47}\u{1EE49}\u{1EE4B}\u{1EE4D}-\u{1EE4F}\u{1EE51}-\u{1EE52}\u{1EE54}\u{1EE57}\u{1EE59}\u{1EE5B}\u{1EE5D}\u{1EE5F}\u{1EE61}-\u{1EE62}\u{1EE64}\u{1EE67}-\u{1EE6A}\u{1EE6C}-\u{1EE72}\u{1EE74}-\u{1EE77}\u{1EE79}-\u{1EE7C}\u{1EE7E}\u{1EE80}-\u{1EE89}\u{1EE8B}-\u{1EE9B}\u{1EEA1}-\u{1EEA3}\u{1EEA5}-\u{1EEA9}\u{1EEAB}-\u{1EEBB}]/u;

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
