/**
 * The monthly email to company admins (issue 15), one of the audiences of the monthly impact
 * run (shared/domain/impact/monthly.ts): last month's contribution and the 12 months up to it,
 * frozen once per company and month, rendered for each admin in both languages with theirs
 * first, the CSV of the 12 months attached, with the link to the live report.
 */
import { chart, esc, figuresTable, fmt, hours, page, pct, type RenderedReport } from '../impact/report.js';
import { addMonths, type Month } from '../impact/months.js';
import type { Locale } from '../reference/locale.js';
import { contributionFigures, reportCsv, type ContributionReads } from './contributions.js';
import type { CompanyReport } from './schema.js';

export interface CompanyRecipients {
  readonly companyId: string;
  readonly nameAr: string;
  readonly nameEn: string;
  readonly admins: readonly { readonly sub: string; readonly email: string; readonly locale: Locale }[];
}

/** What the monthly run reads of companies. */
export interface CompanyReportSource {
  /** Active companies with their admins (address and preferred language). */
  recipients(): Promise<readonly CompanyRecipients[]>;
  readonly reads: Pick<ContributionReads, 'months' | 'counts'>;
  /** The apps' origin, for the link to the live report. */
  readonly appUrl: string;
}

export interface CompanyMonthFigures extends Record<string, unknown> {
  readonly month: CompanyReport;
  readonly history: CompanyReport;
}

export const companyMonthFigures = async (source: CompanyReportSource, companyId: string, month: Month): Promise<CompanyMonthFigures> => ({
  month: await contributionFigures(source.reads, companyId, month, month),
  history: await contributionFigures(source.reads, companyId, addMonths(month, -11), month),
});

export const renderCompanyReport = (company: CompanyRecipients, month: string, figures: CompanyMonthFigures, locale: Locale, appUrl: string): RenderedReport => {
  const { month: m, history } = figures;
  const link = `${appUrl}/companies/${company.companyId}/report?from=${history.from}&to=${month}`;
  const bars = history.byMonth.map((b) => ({ label: b.month, value: b.minutes, shown: hours(b.minutes) }));
  const ar = `<h2 style="font-size:18px">مساهمة ${esc(company.nameAr)} التطوعية — ${esc(month)}</h2>${figuresTable(
    [
      ['الموظفون المشاركون', fmt(m.participants)],
      ['نسبة المشاركة', pct(m.participationRate)],
      ['الساعات المعتمدة', hours(m.approvedMinutes)],
      ['القيمة الاقتصادية (ريال)', fmt(m.valueSar)],
      ['الموظفون المنضمون', fmt(m.employees)],
    ],
    'rtl',
  )}${chart('الساعات المعتمدة شهرًا بشهر', bars, 'rtl')}<p style="font-size:13px"><a href="${esc(link)}">التقرير الكامل</a> — الأرقام مرفقة في ملف CSV.</p>`;
  const en = `<h2 style="font-size:18px">${esc(company.nameEn)}: volunteering contribution — ${esc(month)}</h2>${figuresTable(
    [
      ['Participating employees', fmt(m.participants)],
      ['Participation rate', pct(m.participationRate)],
      ['Approved hours', hours(m.approvedMinutes)],
      ['Economic value (SAR)', fmt(m.valueSar)],
      ['Employees who joined', fmt(m.employees)],
    ],
    'ltr',
  )}${chart('Approved hours, month over month', bars, 'ltr')}<p style="font-size:13px"><a href="${esc(link)}">The full report</a> — the figures are attached as a CSV file.</p>`;
  const lines = {
    ar: `مساهمة ${company.nameAr} — ${month}: ${fmt(m.participants)} موظفًا مشاركًا، ${hours(m.approvedMinutes)} ساعة معتمدة، ${fmt(m.valueSar)} ريال. التقرير الكامل: ${link}`,
    en: `${company.nameEn} — ${month}: ${fmt(m.participants)} participating employees (${pct(m.participationRate)}), ${hours(m.approvedMinutes)} approved hours, SAR ${fmt(m.valueSar)}. Full report: ${link}`,
  };
  const subjects = { ar: `مساهمة شركتكم التطوعية ${month}`, en: `Your company's volunteering contribution ${month}` };
  const order: readonly Locale[] = locale === 'en' ? ['en', 'ar'] : ['ar', 'en'];
  return {
    subject: order.map((l) => subjects[l]).join(' | '),
    html: page(ar, en, locale),
    text: order.map((l) => lines[l]).join('\n\n'),
    attachment: { filename: `company-contribution-${month}.csv`, contentType: 'text/csv', content: reportCsv(history) },
  };
};
