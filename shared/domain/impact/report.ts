/**
 * The monthly impact emails (pure): bilingual (Arabic first, right-to-left, then English),
 * charts as HTML tables with coloured cells of a set width — they render in Outlook, Gmail and
 * Apple Mail alike, where inline SVG is stripped — and the CSV of the same figures attached.
 */
import { regions } from '../reference/cities.js';
import { nationalCsv, organizationCsv } from './csv.js';
import type { NationalStats, OrganizationImpact } from './schema.js';

export interface RenderedReport {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly attachment: { readonly filename: string; readonly contentType: string; readonly content: string };
}

export const esc = (value: unknown): string =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const fmt = (n: number): string => n.toLocaleString('en');
export const hours = (minutes: number): string => fmt(Math.round(minutes / 60));
export const pct = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

/** One bar: a two-cell table row whose filled cell has the value's share of the widest bar. */
const bar = (label: string, value: number, max: number, shown: string, dir: 'rtl' | 'ltr'): string => {
  const width = max > 0 ? Math.max(1, Math.round((value / max) * 100)) : 1;
  return `<tr><td style="padding:2px 6px;font-size:13px;white-space:nowrap">${esc(label)}</td><td style="padding:2px 0;width:100%"><table role="presentation" cellpadding="0" cellspacing="0" width="100%" dir="${dir}"><tr><td width="${width}%" style="background:#0b7a5a;height:14px;font-size:0;line-height:0">&nbsp;</td><td style="font-size:12px;padding:0 6px;white-space:nowrap">${esc(shown)}</td></tr></table></td></tr>`;
};

export const chart = (title: string, rows: readonly { label: string; value: number; shown: string }[], dir: 'rtl' | 'ltr'): string => {
  const max = Math.max(0, ...rows.map((r) => r.value));
  return `<h3 style="font-size:15px;margin:16px 0 4px">${esc(title)}</h3><table role="presentation" cellpadding="0" cellspacing="0" width="100%" dir="${dir}">${rows.map((r) => bar(r.label, r.value, max, r.shown, dir)).join('')}</table>`;
};

export const figuresTable = (rows: readonly (readonly [string, string])[], dir: 'rtl' | 'ltr'): string =>
  `<table role="presentation" cellpadding="4" cellspacing="0" dir="${dir}" style="border-collapse:collapse;font-size:14px">${rows
    .map(([k, v]) => `<tr><td style="border-bottom:1px solid #ddd">${esc(k)}</td><td style="border-bottom:1px solid #ddd;font-weight:bold">${esc(v)}</td></tr>`)
    .join('')}</table>`;

/** Both languages, the reader's first (Arabic unless their locale is English). */
export const page = (ar: string, en: string, first: 'ar' | 'en' = 'ar'): string => {
  const arabic = `<div dir="rtl" lang="ar" style="text-align:right">${ar}</div>`;
  const english = `<div dir="ltr" lang="en" style="text-align:left">${en}</div>`;
  const [a, b] = first === 'en' ? [english, arabic] : [arabic, english];
  return `<!doctype html><html lang="${first}" dir="${first === 'en' ? 'ltr' : 'rtl'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head><body style="margin:0;padding:16px;font-family:Tahoma,Arial,sans-serif;color:#1b1b1b">${a}<hr style="margin:24px 0;border:0;border-top:1px solid #ccc">${b}</body></html>`;
};

export const renderOrganizationReport = (org: { nameAr: string; nameEn: string }, month: string, impact: OrganizationImpact, history: OrganizationImpact): RenderedReport => {
  const months = history.byMonth.map((m) => ({ label: m.month, value: m.approvedMinutes, shown: hours(m.approvedMinutes) }));
  const rate = pct(impact.attendanceRate);
  const ar = `<h2 style="font-size:18px">أثر ${esc(org.nameAr)} التطوعي — ${esc(month)}</h2>${figuresTable(
    [
      ['المتطوعون', fmt(impact.volunteers)],
      ['الساعات المعتمدة', hours(impact.approvedMinutes)],
      ['القيمة الاقتصادية (ريال)', fmt(impact.valueSar)],
      ['الفترات', fmt(impact.shifts)],
      ['نسبة الحضور', rate],
      ['حالات الغياب', fmt(impact.noShows)],
      ['المستفيدون', fmt(impact.beneficiaries)],
    ],
    'rtl',
  )}${chart('الساعات المعتمدة شهرًا بشهر', months, 'rtl')}<p style="font-size:12px;color:#555">الأرقام مرفقة في ملف CSV.</p>`;
  const en = `<h2 style="font-size:18px">${esc(org.nameEn)}: volunteering impact — ${esc(month)}</h2>${figuresTable(
    [
      ['Volunteers', fmt(impact.volunteers)],
      ['Approved hours', hours(impact.approvedMinutes)],
      ['Economic value (SAR)', fmt(impact.valueSar)],
      ['Shifts', fmt(impact.shifts)],
      ['Attendance rate', rate],
      ['No-shows', fmt(impact.noShows)],
      ['Beneficiaries', fmt(impact.beneficiaries)],
    ],
    'ltr',
  )}${chart('Approved hours, month over month', months, 'ltr')}<p style="font-size:12px;color:#555">The figures are attached as a CSV file.</p>`;
  const text = [
    `أثر ${org.nameAr} التطوعي — ${month}: ${fmt(impact.volunteers)} متطوعًا، ${hours(impact.approvedMinutes)} ساعة معتمدة، ${fmt(impact.valueSar)} ريال.`,
    `${org.nameEn} — ${month}: ${fmt(impact.volunteers)} volunteers, ${hours(impact.approvedMinutes)} approved hours, SAR ${fmt(impact.valueSar)}, attendance ${rate}, ${fmt(impact.noShows)} no-shows, ${fmt(impact.beneficiaries)} beneficiaries.`,
  ].join('\n\n');
  return {
    subject: `تقرير الأثر الشهري ${month} | Monthly impact report ${month}`,
    html: page(ar, en),
    text,
    attachment: { filename: `impact-${month}.csv`, contentType: 'text/csv', content: organizationCsv(history) },
  };
};

export const renderNationalReport = (month: string, stats: NationalStats, byMonth: NationalStats): RenderedReport => {
  const target = stats.targets;
  const progress = (value: number, goal: number | undefined, label: string, dir: 'rtl' | 'ltr') =>
    goal ? chart(label, [{ label: `${fmt(value)} / ${fmt(goal)}`, value: Math.min(value, goal), shown: pct(value / goal) }, { label: '', value: goal, shown: '' }], dir) : '';
  const regionRows = (lang: 'nameAr' | 'nameEn') =>
    stats.groups.map((g) => ({ label: regions[g.region as keyof typeof regions]?.[lang] ?? g.region ?? '', value: g.approvedMinutes, shown: hours(g.approvedMinutes) }));
  const monthRows = byMonth.groups.map((g) => ({ label: g.month ?? '', value: g.approvedMinutes, shown: hours(g.approvedMinutes) }));
  const rows = (ar: boolean): [string, string][] => [
    [ar ? 'المتطوعون المسجلون' : 'Registered volunteers', fmt(stats.registeredVolunteers)],
    [ar ? 'المتطوعون النشطون (12 شهرًا)' : 'Active volunteers (12 months)', fmt(stats.activeVolunteers)],
    [ar ? 'الجهات ذات إدارة تطوع' : 'Organisations with a volunteer department', fmt(stats.organizationsWithDepartment)],
    [ar ? 'الساعات المعتمدة في الشهر' : 'Approved hours this month', hours(stats.approvedMinutes)],
    [ar ? 'القيمة الاقتصادية (ريال)' : 'Economic value (SAR)', fmt(stats.valueSar)],
    [ar ? 'نسبة التطوع المهني' : 'Professional share', pct(stats.professionalShare)],
    [ar ? 'نسبة الاستبقاء' : 'Retention', pct(stats.retention)],
  ];
  const ar = `<h2 style="font-size:18px">التقرير الوطني للعمل التطوعي — ${esc(month)}</h2>${figuresTable(rows(true), 'rtl')}${progress(stats.activeVolunteers, target?.volunteers, 'التقدم نحو مستهدف المتطوعين', 'rtl')}${progress(stats.organizationsWithDepartment, target?.organizations, 'التقدم نحو مستهدف الجهات', 'rtl')}${chart('الساعات المعتمدة حسب المنطقة', regionRows('nameAr'), 'rtl')}${chart('الساعات المعتمدة شهرًا بشهر', monthRows, 'rtl')}`;
  const en = `<h2 style="font-size:18px">National volunteering report — ${esc(month)}</h2>${figuresTable(rows(false), 'ltr')}${progress(stats.activeVolunteers, target?.volunteers, 'Progress to the volunteer target', 'ltr')}${progress(stats.organizationsWithDepartment, target?.organizations, 'Progress to the organisation target', 'ltr')}${chart('Approved hours by region', regionRows('nameEn'), 'ltr')}${chart('Approved hours, month over month', monthRows, 'ltr')}`;
  return {
    subject: `التقرير الوطني للتطوع ${month} | National volunteering report ${month}`,
    html: page(ar, en),
    text: rows(true).map(([k, v]) => `${k}: ${v}`).join('\n') + '\n\n' + rows(false).map(([k, v]) => `${k}: ${v}`).join('\n'),
    attachment: { filename: `national-${month}.csv`, contentType: 'text/csv', content: nationalCsv(stats) },
  };
};
