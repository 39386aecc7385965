/** The pure rules of recognition: badge criteria, the rule of volunteer of the month, the badge credential and message. */
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../shared/domain/notifications/links.js';
import { arabicNumber, badgeById, evaluateBadges, englishNumber, type RecognitionStats } from '../../shared/domain/recognition/badges.js';
import { openBadgeCredential } from '../../shared/domain/recognition/credential.js';
import { byTheRule } from '../../shared/domain/recognition/rules.js';
import { renderEmail, renderSms } from '../../shared/messaging/render.js';
import { templates } from '../../shared/messaging/templates/index.js';

const none: RecognitionStats = { approvedMinutes: 0, professionalMinutes: 0, shifts: 0, organizations: 0, activeMonths: [], trainings: 0 };
const earned = (stats: Partial<RecognitionStats>) => evaluateBadges({ ...none, ...stats }, new Set()).award.map((b) => b.id);

describe('badge criteria', () => {
  it('gives the 12-month streak only for 12 consecutive months, across a year boundary', () => {
    const months = ['2025-12', ...Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)];

    expect(earned({ activeMonths: months })).toContain('streak-12');
    expect(earned({ activeMonths: months.filter((m) => m !== '2026-06') })).not.toContain('streak-12');
  });

  it('counts professional hours for their own badges, and three organisations for the bridge builder', () => {
    expect(earned({ approvedMinutes: 1500, professionalMinutes: 1500, organizations: 3 })).toEqual(
      expect.arrayContaining(['hours-10', 'professional-25', 'three-organizations']),
    );
    expect(earned({ approvedMinutes: 1500, organizations: 2 })).not.toContain('professional-25');
  });

  it('revokes a held milestone the stats no longer meet', () => {
    const { revoke } = evaluateBadges({ ...none, approvedMinutes: 599, shifts: 1 }, new Set(['hours-10', 'first-shift']));

    expect(revoke.map((b) => b.id)).toEqual(['hours-10']);
  });

  it('writes the numbers of the badge texts as toLocaleString does', () => {
    for (const n of [0, 1, 5, 10, 25, 100, 250, 999, 1000, 12345, 1000000]) {
      expect(arabicNumber(n)).toBe(n.toLocaleString('ar-SA'));
      expect(englishNumber(n)).toBe(n.toLocaleString('en'));
    }
    expect(badgeById('hours-1000')?.criteriaAr).toBe('١٬٠٠٠ ساعة تطوع معتمدة');
  });
});

describe('the rule of volunteer of the month', () => {
  it('picks the most minutes, then the better rating, then whoever reached the total first', () => {
    const contenders = [
      { volunteerId: 'a', minutes: 300, reachedAt: '2026-11-03T10:00:00Z', rating: 3.9 },
      { volunteerId: 'b', minutes: 300, reachedAt: '2026-11-20T10:00:00Z', rating: 4.6 },
      { volunteerId: 'c', minutes: 299, reachedAt: '2026-11-01T10:00:00Z', rating: 5 },
    ];

    expect(byTheRule(contenders)?.volunteerId).toBe('b');
    expect(byTheRule(contenders.map(({ rating: _r, ...c }) => c))?.volunteerId).toBe('a');
    expect(byTheRule([{ volunteerId: 'z', minutes: 0, reachedAt: '2026-11-01T10:00:00Z' }])).toBeUndefined();
  });
});

describe('the badge credential and message', () => {
  it('points the credential at its status list entry, as certificates do', () => {
    const credential = openBadgeCredential({
      baseUrl: 'https://api.tatawwu.sa',
      credentialId: '00000000-0000-4000-8000-000000000000',
      badge: badgeById('hours-10')!,
      holder: { nameAr: 'سارة', nameEn: 'Sara' },
      earnedAt: '2026-11-15T06:00:00.000Z',
      status: { listId: '2-1', index: 417 },
    });

    expect(credential.credentialStatus).toEqual({
      id: 'https://api.tatawwu.sa/v1/status-lists/2-1#417',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '417',
      statusListCredential: 'https://api.tatawwu.sa/v1/status-lists/2-1',
    });
  });

  it('sends the link of the badge by email and SMS, in the recipient\'s language', () => {
    const params = { nameAr: 'سارة', nameEn: 'Sara', badgeAr: 'عشر ساعات عطاء', badgeEn: '10 hours of giving', criteriaAr: '١٠ ساعات', criteriaEn: '10 hours' };
    const appLink = `https://app.tatawwu.example.sa${appPaths.badge('hours-10')}`;

    expect(renderEmail(templates['badge-earned'], 'ar', { ...params, appLink }).text).toContain(appLink);
    expect(renderEmail(templates['badge-earned'], 'en', { ...params, appLink }).subject).toBe('New badge: 10 hours of giving');
    expect(renderSms(templates['badge-earned'], 'ar', { ...params, appLink })).toContain('app.tatawwu.example.sa/b/hours-10');
    expect(renderSms(templates['badge-earned'], 'en', { ...params, appLink })).toContain('app.tatawwu.example.sa/b/hours-10');
  });
});
