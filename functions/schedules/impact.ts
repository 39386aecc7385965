/**
 * The monthly impact run (1st of the month, 08:00 Riyadh; `POST /local/schedules/impact` locally):
 * freezes last month's snapshot and emails each organisation its impact, the ministry the
 * national report and each company admin their company's contribution, each once, through the notifier (shared/domain/impact/monthly.ts).
 */
import { companyContributionRepository } from '../../shared/db/company-contribution-repository.js';
import { companyReportRecipients, employeeCounts } from '../../shared/db/company-report-reads.js';
import type { CompanyReportSource } from '../../shared/domain/companies/monthly-report.js';
import { impactReportDirectory, impactReportStore, impactRepository } from '../../shared/db/impact-repository.js';
import { runMonthlyImpact, type ReportMailer } from '../../shared/domain/impact/monthly.js';
import type { Clock } from '../../shared/clock.js';
import { notifier } from '../../shared/messaging/notifier.js';
import { job } from '../../shared/middleware/job.js';
import { impactSchedule } from './index.js';

/** The companies audience's reads: recipients, the contribution counters and employee counts (issue 15). */
const companyReportSource = (): CompanyReportSource => ({
  recipients: () => companyReportRecipients(),
  reads: { months: companyContributionRepository().months, counts: (id) => employeeCounts(id) },
  appUrl: (process.env.PUBLIC_BASE_URL ?? 'https://tatawwu.sa').replace(/\/+$/, ''),
});

/**
 * The reports carry their own HTML (bars as table cells) and a CSV: the notifier sends them as
 * rendered, through the outbox (dedupe key: the type, the address and `<month>:<recipient>`),
 * the suppression list, retries and dead letters like every other email.
 */
const notifierMailer = (clock: Clock): ReportMailer => ({
  async send(month, recipient, to, report, locale = 'ar') {
    const [result] = await notifier(clock).notify({
      type: 'impact-report',
      to: { kind: 'address', email: to, locale },
      about: `${month}:${recipient}`,
      params: { month },
      rendered: { subject: report.subject, html: report.html, text: report.text },
      attachments: [report.attachment],
    });
    return result?.outcome === 'queued' || result?.outcome === 'sent';
  },
});

export const handler = job(impactSchedule).handler(async ({ now }) => {
  const repo = impactRepository();
  return runMonthlyImpact(
    { store: repo, targets: repo, snapshots: impactReportStore(), mailer: notifierMailer({ now: () => now }), directory: impactReportDirectory(), companies: companyReportSource() },
    now,
  );
});
