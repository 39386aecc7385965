/**
 * Badge definitions are data: bilingual name and criteria, an icon id, a version. A badge is
 * earned when its criterion holds on the volunteer's recognition stats (approved hours only)
 * and revoked when a reversal makes it false again. Changing a criterion means a new version
 * (the id stays; earned badges keep the version they were earned under).
 */
export interface RecognitionStats {
  /** Approved minutes, net of reversals. */
  readonly approvedMinutes: number;
  /** Approved minutes on the skills and professional tracks. */
  readonly professionalMinutes: number;
  /** Approved shift records (not project claims), net of reversals. */
  readonly shifts: number;
  /** Distinct organisations with approved hours (net > 0). */
  readonly organizations: number;
  /** Riyadh months (YYYY-MM) with approved minutes > 0, sorted. */
  readonly activeMonths: readonly string[];
  /** Valid training completions. */
  readonly trainings: number;
}

export type BadgeCriterion =
  | { readonly kind: 'approved-hours'; readonly hours: number }
  | { readonly kind: 'shifts'; readonly shifts: number }
  | { readonly kind: 'professional-hours'; readonly hours: number }
  | { readonly kind: 'organizations'; readonly organizations: number }
  | { readonly kind: 'streak-months'; readonly months: number }
  | { readonly kind: 'trainings'; readonly trainings: number };

export interface BadgeDefinition {
  readonly id: string;
  readonly version: number;
  readonly nameAr: string;
  readonly nameEn: string;
  readonly criteriaAr: string;
  readonly criteriaEn: string;
  readonly icon: string;
  readonly criterion: BadgeCriterion;
  /** Points granted once when the badge is earned (taken back if it is revoked). */
  readonly bonusPoints: number;
}

const ARABIC_INDIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/**
 * A whole number as `toLocaleString('ar-SA')` writes it (Arabic-Indic digits, `٬` between
 * thousands) and as `toLocaleString('en')` does: the first `toLocaleString('ar-SA')` of a process
 * loads ICU's Arabic number data (~10 ms CPU), which every import of the badges paid (issue 17).
 */
export const arabicNumber = (n: number): string =>
  String(n).replace(/\B(?=(\d{3})+$)/g, '٬').replace(/\d/g, (d) => ARABIC_INDIC_DIGITS[Number(d)]!);
export const englishNumber = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

const hoursBadge = (hours: number, nameAr: string, nameEn: string, bonusPoints: number): BadgeDefinition => ({
  id: `hours-${hours}`,
  version: 1,
  nameAr,
  nameEn,
  criteriaAr: `${arabicNumber(hours)} ساعة تطوع معتمدة`,
  criteriaEn: `${englishNumber(hours)} approved volunteer hours`,
  icon: `hours-${hours}`,
  criterion: { kind: 'approved-hours', hours },
  bonusPoints,
});

export const badgeDefinitions: readonly BadgeDefinition[] = /* @__PURE__ */ (() => [
  {
    id: 'first-shift',
    version: 1,
    nameAr: 'الخطوة الأولى',
    nameEn: 'First step',
    criteriaAr: 'أول مناوبة تطوعية معتمدة',
    criteriaEn: 'First approved volunteer shift',
    icon: 'first-shift',
    criterion: { kind: 'shifts', shifts: 1 },
    bonusPoints: 20,
  },
  /* @__PURE__ */ hoursBadge(10, 'عشر ساعات عطاء', '10 hours of giving', 20),
  /* @__PURE__ */ hoursBadge(50, 'خمسون ساعة عطاء', '50 hours of giving', 50),
  /* @__PURE__ */ hoursBadge(100, 'مئة ساعة عطاء', '100 hours of giving', 100),
  /* @__PURE__ */ hoursBadge(250, 'متطوع متميز', 'Distinguished volunteer', 200),
  /* @__PURE__ */ hoursBadge(500, 'متطوع ملهم', 'Inspiring volunteer', 400),
  /* @__PURE__ */ hoursBadge(1000, 'ألف ساعة عطاء', '1,000 hours of giving', 1000),
  .../* @__PURE__ */ [5, 25, 100].map(
    (shifts): BadgeDefinition => ({
      id: `shifts-${shifts}`,
      version: 1,
      nameAr: `${arabicNumber(shifts)} مناوبات`,
      nameEn: `${shifts} shifts`,
      criteriaAr: `${arabicNumber(shifts)} مناوبة معتمدة`,
      criteriaEn: `${shifts} approved shifts`,
      icon: `shifts-${shifts}`,
      criterion: { kind: 'shifts', shifts },
      bonusPoints: shifts * 4,
    }),
  ),
  .../* @__PURE__ */ [25, 100].map(
    (hours): BadgeDefinition => ({
      id: `professional-${hours}`,
      version: 1,
      nameAr: `خبير معطاء ${arabicNumber(hours)}`,
      nameEn: `Skilled giver ${hours}`,
      criteriaAr: `${arabicNumber(hours)} ساعة تطوع تخصصي أو بالمهارات`,
      criteriaEn: `${hours} hours of skills-based or professional volunteering`,
      icon: `professional-${hours}`,
      criterion: { kind: 'professional-hours', hours },
      bonusPoints: hours * 2,
    }),
  ),
  {
    id: 'three-organizations',
    version: 1,
    nameAr: 'جسور العطاء',
    nameEn: 'Bridge builder',
    criteriaAr: 'التطوع مع ثلاث جهات',
    criteriaEn: 'Volunteered with 3 organisations',
    icon: 'three-organizations',
    criterion: { kind: 'organizations', organizations: 3 },
    bonusPoints: 50,
  },
  {
    id: 'streak-12',
    version: 1,
    nameAr: 'عام من العطاء',
    nameEn: 'A year of giving',
    criteriaAr: 'ساعات معتمدة في كل شهر من اثني عشر شهرًا متتالية',
    criteriaEn: 'Approved hours in each of 12 consecutive months',
    icon: 'streak-12',
    criterion: { kind: 'streak-months', months: 12 },
    bonusPoints: 300,
  },
  {
    id: 'trained-3',
    version: 1,
    nameAr: 'متطوع مؤهل',
    nameEn: 'Qualified volunteer',
    criteriaAr: 'إتمام ثلاثة برامج تدريبية',
    criteriaEn: 'Completed 3 training modules',
    icon: 'trained-3',
    criterion: { kind: 'trainings', trainings: 3 },
    bonusPoints: 30,
  },
])();

export const badgeById = (id: string): BadgeDefinition | undefined => badgeDefinitions.find((badge) => badge.id === id);

const nextMonth = (month: string): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
};

/** The longest run of consecutive months in a sorted list of YYYY-MM. */
export const longestStreak = (months: readonly string[]): number => {
  let best = 0;
  let run = 0;
  let previous: string | undefined;
  for (const month of [...new Set(months)].sort()) {
    run = previous !== undefined && nextMonth(previous) === month ? run + 1 : 1;
    best = Math.max(best, run);
    previous = month;
  }
  return best;
};

export const meets = (criterion: BadgeCriterion, stats: RecognitionStats): boolean => {
  switch (criterion.kind) {
    case 'approved-hours':
      return stats.approvedMinutes >= criterion.hours * 60;
    case 'shifts':
      return stats.shifts >= criterion.shifts;
    case 'professional-hours':
      return stats.professionalMinutes >= criterion.hours * 60;
    case 'organizations':
      return stats.organizations >= criterion.organizations;
    case 'streak-months':
      return longestStreak(stats.activeMonths) >= criterion.months;
    case 'trainings':
      return stats.trainings >= criterion.trainings;
  }
};

/** What changes for a volunteer: badges to award (criterion met, not held) and to revoke (held, no longer met). */
export const evaluateBadges = (stats: RecognitionStats, held: ReadonlySet<string>): { award: BadgeDefinition[]; revoke: BadgeDefinition[] } => ({
  award: badgeDefinitions.filter((badge) => !held.has(badge.id) && meets(badge.criterion, stats)),
  revoke: badgeDefinitions.filter((badge) => held.has(badge.id) && !meets(badge.criterion, stats)),
});
