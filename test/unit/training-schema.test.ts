/** Free text of training and evaluations goes through the platform's text rules (boundedText). */
import { describe, expect, it } from 'vitest';
import { EvaluationInput } from '../../shared/domain/evaluations/schema.js';
import { CreateTraining } from '../../shared/domain/training/schema.js';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('free text', () => {
  it('refuses a comment with a right-to-left override, naming the field', () => {
    expect(paths(EvaluationInput.safeParse({ rating: 4, comment: 'good \u202Eevil' }))).toEqual(['comment']);
  });

  it('refuses a module title with a lone surrogate, naming the field', () => {
    const body = { titleAr: 'تدريب أول', titleEn: 'ab\ud800cd', contentAr: 'محتوى', contentEn: 'content' };
    expect(paths(CreateTraining.safeParse(body))).toEqual(['titleEn']);
  });
});

describe('EvaluationInput', () => {
  it('needs the three scores (or rating) from a manager', () => {
    expect(paths(EvaluationInput.safeParse({ volunteerId: 'v-1', punctuality: 5 })).sort()).toEqual(['conduct', 'skill']);
  });

  it('refuses the managers’ fields in a volunteer’s evaluation', () => {
    expect(paths(EvaluationInput.safeParse({ rating: 3, skill: 2 }))).toEqual(['skill']);
  });
});
