/** The reference data (GET /v1/reference) and the id lists the schemas validate against. */
import { describe, expect, it } from 'vitest';
import { Cause, CAUSE_IDS } from '../../shared/domain/reference/causes.js';
import { referenceData } from '../../shared/domain/reference/catalogue.js';
import { Profession, PROFESSION_IDS, SkillName } from '../../shared/domain/reference/professions.js';
import { SKILL_IDS } from '../../shared/domain/reference/skills.js';

describe('reference data', () => {
  it('labels exactly the ids the schemas accept, in their order', () => {
    expect(referenceData.skills.map((entry) => entry.id)).toEqual([...SKILL_IDS]);
    expect(referenceData.professions.map((entry) => entry.id)).toEqual([...PROFESSION_IDS]);
    expect(referenceData.causes.map((entry) => entry.id)).toEqual([...CAUSE_IDS]);
  });

  it('accepts every listed id and refuses another', () => {
    expect(SKILL_IDS.every((id) => SkillName.safeParse(id).success)).toBe(true);
    expect(PROFESSION_IDS.every((id) => Profession.safeParse(id).success)).toBe(true);
    expect(CAUSE_IDS.every((id) => Cause.safeParse(id).success)).toBe(true);
    expect([SkillName, Profession, Cause].map((schema) => schema.safeParse('juggling').success)).toEqual([false, false, false]);
  });
});
