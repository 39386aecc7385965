/**
 * The reference data clients build their forms from (`GET /v1/reference`): every id the API
 * accepts in a reference field, with both labels. One object, built once from the lists that
 * validate the fields, so the form and the validation cannot disagree.
 */
import * as z from '../../zod.js';
import { causes } from './causes.js';
import { cities, regions } from './cities.js';
import { professions } from './professions.js';
import { skills } from './skills.js';

const Label = { nameAr: /* @__PURE__ */ z.string(), nameEn: /* @__PURE__ */ z.string() };
const Entry = /* @__PURE__ */ (() =>
  z.object({ id: /* @__PURE__ */ z.string(), ...Label }))();

export const tracks = {
  general: { nameAr: 'تطوع عام', nameEn: 'General volunteering' },
  skills: { nameAr: 'تطوع بالمهارات', nameEn: 'Skills-based volunteering' },
  professional: { nameAr: 'تطوع تخصصي (مهني)', nameEn: 'Professional volunteering' },
} as const;

export const ReferenceData = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    regions: /* @__PURE__ */ z.array(Entry),
    cities: /* @__PURE__ */ z.array(/* @__PURE__ */ z.extend(Entry, { region: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'a region id of `regions`') })),
    causes: /* @__PURE__ */ z.array(Entry),
    professions: /* @__PURE__ */ z.array(Entry),
    skills: /* @__PURE__ */ z.array(Entry),
    tracks: /* @__PURE__ */ z.array(Entry),
  }), { id: 'ReferenceData' });
export type ReferenceData = z.output<typeof ReferenceData>;

const entries = (table: Record<string, { nameAr: string; nameEn: string }>) =>
  Object.entries(table).map(([id, label]) => ({ id, nameAr: label.nameAr, nameEn: label.nameEn }));

export const referenceData: ReferenceData = {
  regions: /* @__PURE__ */ entries(regions),
  cities: /* @__PURE__ */ cities.map(({ id, nameAr, nameEn, region }) => ({ id, nameAr, nameEn, region })),
  causes: /* @__PURE__ */ entries(causes),
  professions: /* @__PURE__ */ entries(professions),
  skills: /* @__PURE__ */ entries(skills),
  tracks: /* @__PURE__ */ entries(tracks),
};
