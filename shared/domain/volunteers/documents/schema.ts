/** Shapes of the versioned documents: the ethics charter (as stored and as served) and the volunteer guide. */
import * as z from 'zod';

const Timestamp = z.iso.datetime({ offset: true });

const Bilingual = { titleAr: z.string(), titleEn: z.string(), textAr: z.string(), textEn: z.string() };

export const CharterDocument = z
  .object({
    version: z.string(),
    publishedAt: Timestamp,
    titleAr: z.string(),
    titleEn: z.string(),
    preambleAr: z.string(),
    preambleEn: z.string(),
    principles: z.array(z.object({ id: z.string(), ...Bilingual }).strict()).min(1),
    closingAr: z.string(),
    closingEn: z.string(),
  })
  .strict();
export type CharterDocument = z.output<typeof CharterDocument>;

export const Charter = z
  .object({
    version: z.string(),
    publishedAt: Timestamp,
    titleAr: z.string(),
    titleEn: z.string(),
    textAr: z.string().describe('the whole charter, plain text with numbered principles'),
    textEn: z.string(),
    principles: CharterDocument.shape.principles,
  })
  .meta({ id: 'Charter' });
export type Charter = z.output<typeof Charter>;

const GuideSection = z.array(z.object({ id: z.string(), ...Bilingual }).strict()).min(1);

export const Guide = z
  .object({
    version: z.string(),
    publishedAt: Timestamp,
    titleAr: z.string(),
    titleEn: z.string(),
    introAr: z.string(),
    introEn: z.string(),
    duties: GuideSection,
    responsibilities: GuideSection,
    rights: GuideSection,
  })
  .strict()
  .meta({ id: 'VolunteerGuide' });
export type Guide = z.output<typeof Guide>;

export const AcceptCharter = z.object({ version: z.string().trim().min(1).max(32) }).strict();
export type AcceptCharter = z.output<typeof AcceptCharter>;

export const CharterAcceptance = z
  .object({ version: z.string(), acceptedAt: Timestamp })
  .meta({ id: 'CharterAcceptance' });
export type CharterAcceptance = z.output<typeof CharterAcceptance>;
