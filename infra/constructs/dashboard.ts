/**
 * One CloudWatch dashboard per region and stage (`Tatawwu-<stage>-<region>`), the ops team's
 * first screen (issue 10 §4). Rows, top to bottom:
 *
 * - API per route: requests, 4xx, 5xx, latency p50 and p99 (the stage publishes per-route
 *   metrics: `detailedMetricsEnabled`; one SEARCH per graph, so new routes appear by themselves);
 * - Lambda: errors and throttles per function, init duration (cold starts) p50/p99 per function
 *   (Logs Insights over the functions' log groups, 50 per widget, a Logs Insights limit);
 * - workflows: failed, timed-out and aborted executions per state machine, and waits that timed
 *   out (callback tasks: `ServiceIntegrationsTimedOut`);
 * - dead-letter queues: the depth of every DLQ (consumers, schedules, notifications, outbox pipe);
 * - messaging: SES bounce and complaint rates, emails and SMS that failed (the notifier's
 *   `EmailFailed` / `SmsFailed` metrics);
 * - schedules: EventBridge Scheduler failures and the scheduled jobs' errors.
 *
 * Only the dashboard itself is a resource of the root stack; the metrics name resources of the
 * nested stacks through their outputs.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import {
  Dashboard,
  GraphWidget,
  LogQueryVisualizationType,
  LogQueryWidget,
  MathExpression,
  Metric,
  TextWidget,
  type IMetric,
  type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { NodeFunction } from './node-function.js';

export interface OperationsDashboardProps {
  /** `Tatawwu-<stage>-<region>`. */
  readonly dashboardName: string;
  readonly httpApi: IHttpApi;
  /** Every function of the region, by a readable name. */
  readonly functions: ReadonlyMap<string, NodeFunction>;
  /** State machine ARNs by workflow name. */
  readonly stateMachineArns: Readonly<Record<string, string>>;
  /** Every dead-letter queue, by a readable name. */
  readonly deadLetterQueues: ReadonlyMap<string, IQueue>;
  /** The SES configuration set whose reputation metrics are shown. */
  readonly configurationSetName: string;
  /** The scheduled jobs' functions (their errors are shown beside the Scheduler's failures). */
  readonly scheduleFunctions: ReadonlyMap<string, NodeFunction>;
}

const PERIOD = Duration.minutes(5);
const WIDE = 24;
const HALF = 12;
const THIRD = 8;
const HEIGHT = 6;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** A SEARCH over metrics with these dimensions (CloudWatch metric math). */
export const searchExpression = (schema: string, filter: string, statistic: string, period = PERIOD) =>
  `SEARCH('{${schema}} ${filter}', '${statistic}', ${period.toSeconds()})`;

const search = (label: string, schema: string, filter: string, statistic: string, period = PERIOD): IMetric =>
  new MathExpression({ expression: searchExpression(schema, filter, statistic, period), label, period, usingMetrics: {} });

const graph = (title: string, metrics: IMetric[], width = HALF, right: IMetric[] = []) =>
  new GraphWidget({ title, left: metrics, ...(right.length > 0 && { right }), width, height: HEIGHT, period: PERIOD });

export class OperationsDashboard extends Construct {
  public readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    const api = `ApiId="${props.httpApi.apiId}"`;
    const route = (metricName: string, statistic: string) => search(metricName, 'AWS/ApiGateway,ApiId,Method,Resource,Stage', `${api} MetricName="${metricName}"`, statistic);
    const fns = [...props.functions];
    const lambda = (fn: NodeFunction, metricName: string) =>
      new Metric({ namespace: 'AWS/Lambda', metricName, dimensionsMap: { FunctionName: fn.function.functionName }, statistic: 'Sum', period: PERIOD });
    const states = (name: string, arn: string, metricName: string) =>
      new Metric({ namespace: 'AWS/States', metricName, dimensionsMap: { StateMachineArn: arn }, statistic: 'Sum', period: PERIOD, label: `${name} ${metricName}` });
    const ses = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, dimensionsMap: { 'ses:configuration-set': props.configurationSetName }, statistic: 'Maximum', period: Duration.hours(1) });
    const scheduler = (metricName: string) => new Metric({ namespace: 'AWS/Scheduler', metricName, statistic: 'Sum', period: PERIOD });

    const rows: IWidget[][] = [
      [new TextWidget({ markdown: `# Tatawwu ${props.dashboardName}\nAlarms and what to do: README, "Runbook". Region ${region}.`, width: WIDE, height: 2 })],
      // API per route.
      [graph('API requests per route', [route('Count', 'Sum')], THIRD), graph('API 4xx per route', [route('4xx', 'Sum')], THIRD), graph('API 5xx per route', [route('5xx', 'Sum')], THIRD)],
      [graph('API latency p50 per route (ms)', [route('Latency', 'p50')]), graph('API latency p99 per route (ms)', [route('Latency', 'p99')])],
      // Lambda: errors and throttles, 40 functions per graph.
      ...chunks(fns, 40).map((part, i) => [
        graph(`Lambda errors (${i + 1})`, part.map(([name, fn]) => lambda(fn, 'Errors').with({ label: name }))),
        graph(`Lambda throttles (${i + 1})`, part.map(([name, fn]) => lambda(fn, 'Throttles').with({ label: name }))),
      ]),
      // Cold starts: Lambda reports the init duration in its REPORT log line only.
      ...chunks(fns, 50).map((part, i) => [
        new LogQueryWidget({
          title: `Lambda init duration per function, p50/p99 ms (${i + 1})`,
          logGroupNames: part.map(([, fn]) => fn.logGroup.logGroupName),
          queryLines: [
            'filter @type = "REPORT" and ispresent(@initDuration)',
            'stats count() as coldStarts, pct(@initDuration, 50) as p50, pct(@initDuration, 99) as p99 by @log',
            'sort p99 desc',
          ],
          view: LogQueryVisualizationType.TABLE,
          width: WIDE,
          height: HEIGHT,
        }),
      ]),
      // Workflows.
      [
        graph(
          'Workflow executions failed / timed out / aborted',
          Object.entries(props.stateMachineArns).flatMap(([name, arn]) => ['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted'].map((m) => states(name, arn, m))),
        ),
        graph('Waits for a person that timed out (callback tasks)', [
          search('ServiceIntegrationsTimedOut', 'AWS/States,ServiceIntegrationResourceArn', 'MetricName="ServiceIntegrationsTimedOut"', 'Sum', Duration.hours(1)),
        ]),
      ],
      // Dead-letter queues.
      ...chunks([...props.deadLetterQueues], 40).map((part, i) => [
        graph(
          `Dead-letter queue depth (${i + 1})`,
          part.map(([name, queue]) => queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: PERIOD, label: name })),
          WIDE,
        ),
      ]),
      // Messaging.
      [
        graph('SES bounce and complaint rates', [ses('Reputation.BounceRate'), ses('Reputation.ComplaintRate')], THIRD),
        graph('Emails that failed (permanent or dead)', [search('EmailFailed', 'Tatawwu,service', 'MetricName="EmailFailed"', 'Sum')], THIRD),
        graph('SMS that failed (permanent or dead)', [search('SmsFailed', 'Tatawwu,service', 'MetricName="SmsFailed"', 'Sum')], THIRD),
      ],
      // Schedules.
      [
        graph('EventBridge Scheduler failures', [
          scheduler('TargetErrorCount'),
          scheduler('InvocationDroppedCount'),
          scheduler('InvocationsSentToDeadLetterCount'),
          scheduler('InvocationsFailedToBeSentToDeadLetterCount'),
        ]),
        graph('Scheduled job errors', [...props.scheduleFunctions].map(([name, fn]) => lambda(fn, 'Errors').with({ label: name }))),
      ],
    ];

    this.dashboard = new Dashboard(this, 'Resource', { dashboardName: props.dashboardName, defaultInterval: Duration.hours(6), widgets: rows });
  }
}
