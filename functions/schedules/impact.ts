/**
 * The monthly impact run (1st of the month, 08:00 Riyadh; `POST /local/schedules/impact` locally):
 * freezes last month's snapshot and emails each organisation its impact and the ministry the
 * national report, each once (shared/domain/impact/monthly.ts).
 */
import { impactReportDirectory, impactReportStore, impactRepository } from '../../shared/db/impact-repository.js';
import { runMonthlyImpact, type ReportMailer } from '../../shared/domain/impact/monthly.js';
import { sesEmailTransport } from '../../shared/messaging/ses-email.js';
import { job } from '../../shared/middleware/job.js';
import { impactSchedule } from './index.js';

/** The reports carry their own HTML (bars as table cells) and a CSV, so they go to SES directly, claimed once per recipient and month. */
const sesMailer = (): ReportMailer => ({
  async send(to, report) {
    await sesEmailTransport().send({
      to,
      subject: report.subject,
      html: report.html,
      text: report.text,
      attachments: [{ filename: report.attachment.filename, contentType: report.attachment.contentType, content: report.attachment.content }],
      tags: { type: 'impact-report' },
    });
  },
});

export const handler = job(impactSchedule).handler(async ({ now }) => {
  const repo = impactRepository();
  const reports = impactReportStore();
  return runMonthlyImpact({ store: repo, targets: repo, snapshots: reports, claims: reports, mailer: sesMailer(), directory: impactReportDirectory() }, now);
});
