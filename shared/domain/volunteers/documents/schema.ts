/** Shapes of the versioned documents: the ethics charter (as stored and as served) and the volunteer guide. */
import * as z from '../../../zod.js';

const Timestamp = /* @__PURE__ */ z.iso.datetime({ offset: true });

const Bilingual = { titleAr: /* @__PURE__ */ z.string(), titleEn: /* @__PURE__ */ z.string(), textAr: /* @__PURE__ */ z.string(), textEn: /* @__PURE__ */ z.string() };

export const CharterDocument = /* @__PURE__ */ z.strictObject({
  version: /* @__PURE__ */ z.string(),
  publishedAt: Timestamp,
  titleAr: /* @__PURE__ */ z.string(),
  titleEn: /* @__PURE__ */ z.string(),
  preambleAr: /* @__PURE__ */ z.string(),
  preambleEn: /* @__PURE__ */ z.string(),
  principles: /* @__PURE__ */ z.array(/* @__PURE__ */ z.strictObject({ id: /* @__PURE__ */ z.string(), ...Bilingual })).check(/* @__PURE__ */ z.minLength(1)),
  closingAr: /* @__PURE__ */ z.string(),
  closingEn: /* @__PURE__ */ z.string(),
});
export type CharterDocument = z.output<typeof CharterDocument>;

export const Charter = /* @__PURE__ */ (() =>
  z.withMeta(z
    .object({
      version: /* @__PURE__ */ z.string(),
      publishedAt: Timestamp,
      titleAr: /* @__PURE__ */ z.string(),
      titleEn: /* @__PURE__ */ z.string(),
      textAr: /* @__PURE__ */ z.described(z.string(), 'the whole charter, plain text with numbered principles'),
      textEn: /* @__PURE__ */ z.string(),
      principles: CharterDocument.shape.principles,
    }), { id: 'Charter' }))();
export type Charter = z.output<typeof Charter>;

const GuideSection = /* @__PURE__ */ z.array(/* @__PURE__ */ z.strictObject({ id: /* @__PURE__ */ z.string(), ...Bilingual })).check(/* @__PURE__ */ z.minLength(1));

export const Guide = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z.strictObject({
  version: /* @__PURE__ */ z.string(),
  publishedAt: Timestamp,
  titleAr: /* @__PURE__ */ z.string(),
  titleEn: /* @__PURE__ */ z.string(),
  introAr: /* @__PURE__ */ z.string(),
  introEn: /* @__PURE__ */ z.string(),
  duties: GuideSection,
  responsibilities: GuideSection,
  rights: GuideSection,
}), { id: 'VolunteerGuide' });
export type Guide = z.output<typeof Guide>;

export const AcceptCharter = /* @__PURE__ */ z.strictObject({ version: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(32)) });
export type AcceptCharter = z.output<typeof AcceptCharter>;

export const CharterAcceptance = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({ version: /* @__PURE__ */ z.string(), acceptedAt: Timestamp }), { id: 'CharterAcceptance' });
export type CharterAcceptance = z.output<typeof CharterAcceptance>;
