/**
 * CSV exports of the impact views: UTF-8 with a byte-order mark (so spreadsheet programs read
 * Arabic correctly), CRLF line ends (RFC 4180), Arabic column headers; ids stay as they are.
 */
import type { NationalStats, OrganizationImpact } from './schema.js';

const BOM = '\uFEFF';

const cell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would be a formula in a spreadsheet: prefix with a quote (CSV injection).
  const safe = /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const toCsv = (headers: readonly string[], rows: readonly (readonly unknown[])[]): string =>
  BOM + [headers, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

export const nationalCsv = (stats: NationalStats): string => {
  const headers = [
    'النطاق',
    'المتطوعون المسجلون',
    'المتطوعون الجدد',
    'المتطوعون النشطون (12 شهرًا)',
    'الجهات ذات إدارة تطوع',
    'الساعات المعتمدة',
    'القيمة الاقتصادية (ريال)',
    'نسبة التطوع المهني',
    'نسبة الاستبقاء',
  ];
  const row = (label: string, f: Omit<NationalStats['groups'][number], 'region' | 'month'>) => [
    label,
    f.registeredVolunteers,
    f.newVolunteers,
    f.activeVolunteers,
    f.organizationsWithDepartment,
    hours(f.approvedMinutes),
    f.valueSar,
    f.professionalShare,
    f.retention,
  ];
  return toCsv(headers, [
    row(`${stats.from}..${stats.to}`, stats),
    ...stats.groups.map((g) => row(g.region ?? g.month ?? '', g)),
  ]);
};

export const organizationCsv = (impact: OrganizationImpact): string => {
  const headers = ['الشهر', 'المتطوعون', 'الساعات المعتمدة', 'القيمة الاقتصادية (ريال)'];
  return toCsv(
    [...headers, 'الفترات', 'نسبة الحضور', 'حالات الغياب', 'المستفيدون'],
    [
      [`${impact.from}..${impact.to}`, impact.volunteers, hours(impact.approvedMinutes), impact.valueSar, impact.shifts, impact.attendanceRate, impact.noShows, impact.beneficiaries],
      ...impact.byMonth.map((m) => [m.month, m.volunteers, hours(m.approvedMinutes), m.valueSar, '', '', '', '']),
    ],
  );
};

/** True when the client asked for CSV (`Accept: text/csv`, alone or preferred). */
export const wantsCsv = (accept: string | undefined): boolean => /(^|,)\s*text\/csv\b/i.test(accept ?? '');
