/**
 * The monthly impact report (issue 16). The impact area renders the report itself (bilingual,
 * bars as HTML table cells, the CSV attached: shared/domain/impact/report.ts) and hands it to the
 * notifier as `rendered`; this template describes the type and is what a request without its
 * rendering would show.
 */
import type { Template } from '../render.js';

const month = { kind: 'text', max: 7, optional: true } as const;

export const impactReport: Template = {
  type: 'impact-report',
  params: { month },
  email: {
    ar: { subject: 'تقرير الأثر الشهري {{month}}', heading: 'تقرير الأثر الشهري {{month}}', paragraphs: ['تقرير أثر التطوع لشهر {{month}} مرفق بصيغة CSV.'] },
    en: { subject: 'Monthly impact report {{month}}', heading: 'Monthly impact report {{month}}', paragraphs: ['The volunteering impact report of {{month}} is attached as CSV.'] },
  },
};
