/**
 * Daily reconciliation of the impact aggregates: 50 organisations at random, this month and
 * last month, recounted from the hours area's records (what the aggregates must say) and from
 * the aggregates' own ledger; the number of drifting organisation-months goes out as the
 * `ImpactAggregateDrift` metric (alarm: any drift). Records changed in the last hour are left
 * for the next run (their events may still be on their way).
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { impactHoursLedger, impactReportDirectory, impactRepository } from '../../shared/db/impact-repository.js';
import { addMonths, riyadhMonth } from '../../shared/domain/impact/months.js';
import { reconcile, sample } from '../../shared/domain/impact/reconcile.js';
import { logger, metrics } from '../../shared/powertools/index.js';
import { job } from '../../shared/middleware/job.js';
import { impactReconcileSchedule } from './index.js';

const SAMPLE = 50;
const SETTLE_MS = 60 * 60 * 1000;

export const handler = job(impactReconcileSchedule).handler(async ({ now }) => {
  const orgs = await impactReportDirectory().organizations();
  const month = riyadhMonth(now);
  const { checked, drifts, unsettled } = await reconcile(impactRepository(), sample(orgs.map((o) => o.orgId), SAMPLE), [addMonths(month, -1), month], {
    ledger: impactHoursLedger(),
    settledBefore: new Date(now.getTime() - SETTLE_MS),
  });
  metrics.addMetric('ImpactAggregateDrift', MetricUnit.Count, drifts.length);
  if (drifts.length > 0) logger.error('impact aggregates drifted from the hours records or their ledger', { drifts: drifts.slice(0, 20) });
  return { checked, drifted: drifts.length, unsettled };
});
