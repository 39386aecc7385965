/** The matching read paths show missing training and ratings as reasons (issue 13), never as exclusions. */
import { describe, expect, it } from 'vitest';
import { candidates, myMatches, type MatchReads } from '../../shared/domain/matching/read.js';

const stored = (opportunityId: string) => ({
  opportunityId,
  opportunity: { orgId: 'org-1', titleAr: 'ت', titleEn: 't', category: 'health', city: 'riyadh', remote: false },
  shiftId: 'shift-1',
  score: 50,
  reasons: [{ code: 'remote' as const, points: 1 }],
  matchedAt: '2030-01-01T00:00:00.000Z',
  rank: 0,
});

const reads = (extra: Partial<MatchReads>): MatchReads => ({
  matchPage: async () => ({ items: [stored('opp-a'), stored('opp-b')] as never }),
  stillOpen: async (ids) => new Set(ids),
  invitations: async () => new Map(),
  candidatePage: async () => ({ items: [{ volunteerId: 'v-1', displayName: 'Sara A.', city: 'riyadh', score: 40, shiftId: 's', reasons: [] }] as never }),
  invitedVolunteers: async () => new Set(),
  holds: async () => new Map(),
  fullShifts: async () => new Set(),
  ...extra,
});

describe('matching reasons from training and evaluations', () => {
  it('keeps a match whose training is missing and names the modules as a reason', async () => {
    const page = await myMatches(reads({ trainingRequired: async () => new Map([['opp-b', ['first-aid']]]) }), { sub: 'v-1', groups: ['volunteer'] }, { limit: 20 });

    expect(page.items.map((m) => m.opportunityId)).toEqual(['opp-a', 'opp-b']);
    expect(page.items[0]!.reasons).toEqual([{ code: 'remote', points: 1 }]);
    expect(page.items[1]!.reasons).toContainEqual({ code: 'training-required', modules: ['first-aid'], points: 0 });
  });

  it("shows managers a candidate's ratings as a reason", async () => {
    const page = await candidates(
      reads({ ratings: async () => new Map([['v-1', { overall: 4.5, count: 3 }]]) }),
      { get: async () => ({ opportunity: { orgId: 'org-1' } }) },
      { sub: 'm', groups: ['org-manager'], orgId: 'org-1' },
      'opp-a',
      { limit: 20 },
    );

    expect(page.items[0]!.reasons).toEqual([{ code: 'ratings', overall: 4.5, count: 3, points: 0 }]);
  });

  it("shows managers a candidate's attendance record as a reason (issue 19)", async () => {
    const page = await candidates(
      reads({ attendance: async () => new Map([['v-1', { attended: 7, noShows: 2, lateCancellations: 1 }]]) }),
      { get: async () => ({ opportunity: { orgId: 'org-1' } }) },
      { sub: 'm', groups: ['org-manager'], orgId: 'org-1' },
      'opp-a',
      { limit: 20 },
    );

    expect(page.items[0]!.reasons).toEqual([{ code: 'attendance', attended: 7, noShows: 2, lateCancellations: 1, points: 0 }]);
  });
});
