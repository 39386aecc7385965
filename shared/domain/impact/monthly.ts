/**
 * The monthly impact run (the `impact` schedule, 1st of the month at 08:00 Riyadh): freezes
 * last month's figures (a snapshot written once, never changed: a rerun reads it back), then
 * sends each audience its report through the notifier, like every other email: its outbox
 * record (type, recipient, month) is written before it goes out, so a rerun — or a retried
 * invocation — sends nothing twice, and a send that fails every try is dead-lettered and can
 * be re-driven.
 *
 * Audiences are a list (`ReportAudience`: who receives what): organisations, the ministry and
 * company admins (their contribution, shared/domain/companies/monthly-report.ts).
 */
import { companyMonthFigures, renderCompanyReport, type CompanyMonthFigures, type CompanyReportSource } from '../companies/monthly-report.js';
import type { Locale } from '../reference/locale.js';
import { addMonths, riyadhMonth, type Month } from './months.js';
import type { AggregateStore, TargetStore } from './ports.js';
import { renderNationalReport, renderOrganizationReport, type RenderedReport } from './report.js';
import type { NationalStats, OrganizationImpact } from './schema.js';
import { nationalReport, organizationReport } from './views.js';

export interface SnapshotStore {
  /** Writes the snapshot if the month has none for `key` yet; answers the stored one either way. */
  freeze<T extends Record<string, unknown>>(month: Month, key: string, report: T, at: Date): Promise<{ report: T; created: boolean }>;
}

export interface ReportMailer {
  /** Sends `report` to `to`, once per month and recipient key: false when it went out before (a rerun). `locale`: the recipient's (default Arabic). */
  send(month: Month, recipient: string, to: string, report: RenderedReport, locale?: Locale): Promise<boolean>;
}

export interface ReportDirectory {
  /** Organisations with a volunteer department: who receives their monthly impact. */
  organizations(): Promise<readonly { orgId: string; nameAr: string; nameEn: string; email: string }[]>;
  /** The ministry's report addresses. */
  ministry(): readonly string[];
}

export interface MonthlyDeps {
  readonly store: AggregateStore;
  readonly targets: TargetStore;
  readonly snapshots: SnapshotStore;
  readonly mailer: ReportMailer;
  readonly directory: ReportDirectory;
  /** Company contribution reports (issue 15); without it the companies audience sends nothing. */
  readonly companies?: CompanyReportSource;
}

export interface AudienceResult {
  readonly audience: string;
  readonly snapshots: number;
  readonly sent: number;
  readonly alreadySent: number;
}

/** One kind of recipient of the monthly run (organisations, the ministry; companies later). */
export interface ReportAudience {
  readonly name: string;
  run(deps: MonthlyDeps, month: Month, at: Date, deliver: Deliver): Promise<AudienceResult>;
}

type Deliver = (recipient: string, to: string, report: RenderedReport, locale?: Locale) => Promise<boolean>;

export const organizationAudience: ReportAudience = {
  name: 'organizations',
  async run(deps, month, at, deliver) {
    let snapshots = 0;
    let sent = 0;
    let alreadySent = 0;
    for (const org of await deps.directory.organizations()) {
      const figures = {
        month: await organizationReport(deps, org.orgId, { from: month, to: month }),
        history: await organizationReport(deps, org.orgId, { from: addMonths(month, -11), to: month }),
      };
      const frozen = await deps.snapshots.freeze(month, `org:${org.orgId}`, figures, at);
      if (frozen.created) snapshots += 1;
      const report = renderOrganizationReport(org, month, frozen.report.month as OrganizationImpact, frozen.report.history as OrganizationImpact);
      if (await deliver(`org:${org.orgId}`, org.email, report)) sent += 1;
      else alreadySent += 1;
    }
    return { audience: 'organizations', snapshots, sent, alreadySent };
  },
};

export const ministryAudience: ReportAudience = {
  name: 'ministry',
  async run(deps, month, at, deliver) {
    const figures = {
      stats: await nationalReport(deps, { from: month, to: month }, 'region'),
      byMonth: await nationalReport(deps, { from: addMonths(month, -11), to: month }, 'month'),
    };
    const frozen = await deps.snapshots.freeze(month, 'NATIONAL', figures, at);
    const report = renderNationalReport(month, frozen.report.stats as NationalStats, frozen.report.byMonth as NationalStats);
    let sent = 0;
    let alreadySent = 0;
    for (const to of deps.directory.ministry()) {
      if (await deliver(`ministry:${to}`, to, report)) sent += 1;
      else alreadySent += 1;
    }
    return { audience: 'ministry', snapshots: frozen.created ? 1 : 0, sent, alreadySent };
  },
};

/** Each company's admins: the company's contribution, frozen once per month, in each admin's language first. */
export const companyAudience: ReportAudience = {
  name: 'companies',
  async run(deps, month, at, deliver) {
    let snapshots = 0;
    let sent = 0;
    let alreadySent = 0;
    const source = deps.companies;
    for (const company of source ? await source.recipients() : []) {
      const frozen = await deps.snapshots.freeze(month, `company:${company.companyId}`, await companyMonthFigures(source!, company.companyId, month), at);
      if (frozen.created) snapshots += 1;
      for (const admin of company.admins) {
        const report = renderCompanyReport(company, month, frozen.report as CompanyMonthFigures, admin.locale, source!.appUrl);
        if (await deliver(`company:${company.companyId}:${admin.sub}`, admin.email, report, admin.locale)) sent += 1;
        else alreadySent += 1;
      }
    }
    return { audience: 'companies', snapshots, sent, alreadySent };
  },
};

/** The audiences of the monthly run, in order. */
export const impactAudiences: readonly ReportAudience[] = [organizationAudience, ministryAudience, companyAudience];

/** Runs the month before `now` (Riyadh) for every audience. */
export const runMonthlyImpact = async (deps: MonthlyDeps, now: Date, audiences: readonly ReportAudience[] = impactAudiences) => {
  const month = addMonths(riyadhMonth(now), -1);
  const deliver: Deliver = (recipient, to, report, locale) => deps.mailer.send(month, recipient, to, report, locale);
  const results: AudienceResult[] = [];
  for (const audience of audiences) results.push(await audience.run(deps, month, now, deliver));
  return { month, results };
};
