import { describe, expect, it } from 'vitest';
import { publicOrganizationRating, shiftExperienceForOrganization, volunteerRating } from '../../shared/domain/evaluations/anonymity.js';

describe('publicOrganizationRating', () => {
  it('withholds the average below 5 ratings', () => {
    expect(publicOrganizationRating('org-1', { orgId: 'org-1', count: 4, sum: 20 })).toEqual({ orgId: 'org-1', count: 4 });
  });

  it('publishes the average from 5 ratings, rounded to 2 decimals', () => {
    expect(publicOrganizationRating('org-1', { orgId: 'org-1', count: 6, sum: 25 })).toEqual({ orgId: 'org-1', count: 6, average: 4.17 });
  });

  it('answers count 0 for an organisation without ratings', () => {
    expect(publicOrganizationRating('org-1', undefined)).toEqual({ orgId: 'org-1', count: 0 });
  });
});

describe('shiftExperienceForOrganization', () => {
  const experiences = [
    { rating: 2, comment: 'zebra crossing was unsafe' },
    { rating: 5, comment: 'great team' },
    { rating: 4 },
  ];

  it('shows only the comment texts, in text order, and no average when fewer than 5 attended', () => {
    expect(shiftExperienceForOrganization(4, experiences)).toEqual({
      count: 3,
      comments: [{ text: 'great team' }, { text: 'zebra crossing was unsafe' }],
    });
  });

  it('shows each comment with its score and the average when 5 or more attended', () => {
    expect(shiftExperienceForOrganization(5, experiences)).toEqual({
      count: 3,
      average: 3.67,
      comments: [
        { text: 'great team', rating: 5 },
        { text: 'zebra crossing was unsafe', rating: 2 },
      ],
    });
  });
});

describe('volunteerRating', () => {
  it('averages each score and the three together', () => {
    expect(volunteerRating('v', { volunteerId: 'v', count: 2, punctuality: 9, skill: 8, conduct: 10 })).toEqual({
      volunteerId: 'v',
      count: 2,
      punctuality: 4.5,
      skill: 4,
      conduct: 5,
      overall: 4.5,
    });
  });
});
