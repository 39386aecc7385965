/**
 * The ethics charter and the volunteer guide: versioned, bilingual documents kept in the
 * repository and bundled with the handlers. To publish a new version, add its JSON file and
 * append it to the list below: the last entry is the current one, and volunteers who accepted
 * an older charter must accept the new one before they can apply again.
 */
import charter20261 from './charter-2026-1.json' with { type: 'json' };
import guide20261 from './guide-2026-1.json' with { type: 'json' };
import { Charter, CharterDocument, Guide } from './schema.js';

/** Every published charter, oldest first (parsed once, so a malformed file fails at load). */
export const charters: readonly CharterDocument[] = [/* @__PURE__ */ CharterDocument.parse(charter20261)];

/** Every published guide, oldest first. */
export const guides: readonly Guide[] = [/* @__PURE__ */ Guide.parse(guide20261)];

export const currentCharter = (list: readonly CharterDocument[] = charters): CharterDocument => {
  const current = list.at(-1);
  if (!current) throw new Error('no charter has been published');
  return current;
};

export const charterByVersion = (version: string, list: readonly CharterDocument[] = charters): CharterDocument | undefined =>
  list.find((charter) => charter.version === version);

export const currentGuide = (list: readonly Guide[] = guides): Guide => {
  const current = list.at(-1);
  if (!current) throw new Error('no guide has been published');
  return current;
};

const numbered = (
  document: CharterDocument,
  lang: 'Ar' | 'En',
  format: (n: number) => string,
): string =>
  [
    document[`title${lang}`],
    document[`preamble${lang}`],
    ...document.principles.map((p, i) => `${format(i + 1)} ${p[`title${lang}`]}: ${p[`text${lang}`]}`),
    document[`closing${lang}`],
  ].join('\n\n');

const arabicDigits = (n: number): string => String(n).replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);

/** The charter as clients show it: whole text in each language plus the structured principles. */
export const charterView = (document: CharterDocument): Charter => ({
  version: document.version,
  publishedAt: document.publishedAt,
  titleAr: document.titleAr,
  titleEn: document.titleEn,
  textAr: numbered(document, 'Ar', (n) => `${arabicDigits(n)}.`),
  textEn: numbered(document, 'En', (n) => `${n}.`),
  principles: document.principles,
});
