import { describe, expect, it } from 'vitest';
import { ANY_SUSPECT, ARABIC_LETTER, boundedText, unsafeTextReason } from '../../shared/domain/reference/text.js';

const Name = boundedText(1, 100);
const messageOf = (value: string) => Name.safeParse(value).error?.issues[0]?.message;

describe('boundedText', () => {
  it.each([
    ['Arabic', 'هدى العتيبي'],
    ['Latin with accents', 'Zoë Ångström-Núñez'],
    ['Persian with ZWNJ inside a word', 'می‌خواهم'],
    ['an emoji ZWJ sequence', 'ممرضة 👩‍⚕️'],
    ['digits and punctuation', 'Clean-up #3 (Jeddah), 08:00–12:00'],
  ])('accepts %s', (_, value) => {
    expect(Name.safeParse(value).success).toBe(true);
  });

  it('refuses a lone surrogate, naming it', () => {
    expect(messageOf('ab\ud800cd')).toBe('must not contain a lone surrogate (U+D800, invalid UTF-16)');
  });

  it('refuses a lone low surrogate', () => {
    expect(messageOf('ab\udc00')).toMatch(/lone surrogate \(U\+DC00/);
  });

  it.each(['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'])(
    'refuses the bidirectional control %j',
    (control) => {
      expect(messageOf(`abc${control}def`)).toMatch(/^must not contain bidirectional controls/);
    },
  );

  it.each(['\u200B', '\u2060', '\uFEFF', '\u00AD', '\u{E0041}'])('refuses the invisible format character %j', (char) => {
    expect(messageOf(`ab${char}cd`)).toMatch(/^must not contain invisible formatting characters/);
  });

  it.each(['Ali\u200Cce', '\u200Dعلي', 'علي\u200C', 'علي \u200Cحسن', 'ع\u200C\u200Cل'])('refuses a joiner where it is invisible: %j', (value) => {
    expect(messageOf(value)).toMatch(/zero-width joiner/);
  });

  it.each(['a\tb', 'a\nb', 'a\u0000b', 'a\u0085b', 'a\u2028b', 'a\u2029b'])('refuses the control character in %j', (value) => {
    expect(messageOf(value)).toMatch(/^must not contain control characters/);
  });
});

describe('unsafeTextReason', () => {
  // The rules character by character (what the module documents), for one code point between two
  // ASCII letters; the module answers clean text from a single regex pass, which must agree.
  const expected = (char: string): RegExp | undefined =>
    /\p{Cs}/u.test(char) ? /lone surrogate/
    : /[\p{Cc}\u2028\u2029]/u.test(char) ? /control characters/
    : /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u.test(char) ? /bidirectional controls/
    : /[\u200C\u200D]/u.test(char) ? /zero-width joiner/
    : /\p{Cf}/u.test(char) ? /invisible formatting characters/
    : undefined;

  it('decides every BMP character, and the astral format characters, as the character rules do', () => {
    const astral = [0x1d173, 0x1d17a, 0x110bd, 0xe0001, 0xe0020, 0xe007f, 0x1f469, 0x20000, 0x10ffff];
    const disagreements: string[] = [];
    for (const cp of [...Array.from({ length: 0x10000 }, (_, i) => i), ...astral]) {
      const char = String.fromCodePoint(cp);
      const reason = unsafeTextReason(`a${char}b`);
      const rule = expected(char);
      if (rule ? !rule.test(reason ?? '') : reason !== undefined) disagreements.push(`U+${cp.toString(16)}: ${reason ?? 'clean'}`);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('the written-out character classes', () => {
  /** The class of the code points `property` matches, written as text.ts writes it (to paste there when Unicode changes). */
  const written = (property: RegExp): string => {
    const hex = (cp: number) => (cp > 0xffff ? `\\u{${cp.toString(16).toUpperCase()}}` : `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`);
    const ranges: string[] = [];
    for (let cp = 0, start = -1; cp <= 0x110000; cp += 1) {
      const member = cp < 0x110000 && property.test(String.fromCodePoint(cp));
      if (member && start < 0) start = cp;
      if (!member && start >= 0) {
        ranges.push(start === cp - 1 ? hex(start) : `${hex(start)}-${hex(cp - 1)}`);
        start = -1;
      }
    }
    return `/[${ranges.join('')}]/u`;
  };

  it.each([
    ['ANY_SUSPECT', ANY_SUSPECT, /^[\p{Cs}\p{Cc}\p{Cf}\u2028\u2029]$/u],
    ['ARABIC_LETTER', ARABIC_LETTER, /^(?=\p{Script=Arabic})\p{L}$/u],
  ])('%s holds the code points of its Unicode property class, every one of them', (_, regex, property) => {
    expect(regex.source.length).toBeGreaterThan(100);
    expect(`/${regex.source}/${regex.flags}`).toBe(written(property));
  });
});
