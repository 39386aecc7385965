/**
 * The reference data clients build their forms from (`GET /v1/reference`): every id the API
 * accepts in a reference field, with both labels. One object, built once from the lists that
 * validate the fields, so the form and the validation cannot disagree.
 */
import * as z from 'zod';
import { causes } from './causes.js';
import { cities, regions } from './cities.js';
import { professions } from './professions.js';
import { skills } from './skills.js';

const Label = { nameAr: z.string(), nameEn: z.string() };
const Entry = z.object({ id: z.string(), ...Label });

export const tracks = {
  general: { nameAr: 'تطوع عام', nameEn: 'General volunteering' },
  skills: { nameAr: 'تطوع بالمهارات', nameEn: 'Skills-based volunteering' },
  professional: { nameAr: 'تطوع تخصصي (مهني)', nameEn: 'Professional volunteering' },
} as const;

export const ReferenceData = z
  .object({
    regions: z.array(Entry),
    cities: z.array(Entry.extend({ region: z.string().describe('a region id of `regions`') })),
    causes: z.array(Entry),
    professions: z.array(Entry),
    skills: z.array(Entry),
    tracks: z.array(Entry),
  })
  .meta({ id: 'ReferenceData' });
export type ReferenceData = z.output<typeof ReferenceData>;

const entries = (table: Record<string, { nameAr: string; nameEn: string }>) =>
  Object.entries(table).map(([id, label]) => ({ id, nameAr: label.nameAr, nameEn: label.nameEn }));

export const referenceData: ReferenceData = {
  regions: entries(regions),
  cities: cities.map(({ id, nameAr, nameEn, region }) => ({ id, nameAr, nameEn, region })),
  causes: entries(causes),
  professions: entries(professions),
  skills: entries(skills),
  tracks: entries(tracks),
};
