/**
 * Alarms of one region, sent to the ops team through one SNS topic: API 5xx responses and
 * latency, errors of every function it is told about (`monitorFunction`), failed workflow
 * executions (`monitorStateMachine`), Lambda throttling and EventBridge Scheduler failures in
 * the region (`monitorRegion`). Each alarm has its entry in the README runbook.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { NodeFunction } from './node-function.js';

export interface ObservabilityProps {
  /**
   * Receives every alarm by email.
   * @default - no subscription (subscribe another endpoint to `topic`)
   */
  readonly alarmEmail?: string;
  /**
   * Alarm on this API's 5xx responses.
   * @default - no API alarm
   */
  readonly httpApi?: IHttpApi;
  /**
   * 5xx responses within five minutes that raise the API alarm.
   * @default 5
   */
  readonly serverErrorThreshold?: number;
  /**
   * API latency p99 (ms) that, held for 15 minutes, raises the latency alarm.
   * @default 3000
   */
  readonly latencyP99ThresholdMs?: number;
  /**
   * Removal policy of the topic.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

const PERIOD = Duration.minutes(5);

export class Observability extends Construct {
  /** Every alarm notifies this topic. */
  public readonly topic: Topic;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: ObservabilityProps = {}) {
    super(scope, id);
    this.topic = new Topic(this, 'AlarmTopic', { displayName: 'Tatawwu alarms', enforceSSL: true });
    this.topic.applyRemovalPolicy(props.removalPolicy ?? RemovalPolicy.RETAIN);
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.action = new SnsAction(this.topic);

    if (props.httpApi) {
      this.alarm('ApiServerErrors', props.httpApi.metricServerError({ period: PERIOD, statistic: 'Sum' }), {
        threshold: props.serverErrorThreshold ?? 5,
        description: 'the HTTP API answered with 5xx responses',
      });
      this.alarm('ApiLatencyP99', props.httpApi.metricLatency({ period: PERIOD, statistic: 'p99' }), {
        threshold: props.latencyP99ThresholdMs ?? 3000,
        evaluationPeriods: 3,
        description: `the HTTP API's p99 latency stayed at or above ${props.latencyP99ThresholdMs ?? 3000} ms for 15 minutes`,
      });
    }
  }

  /**
   * Alarms on what the region's services report for all functions and schedules at once:
   * Lambda throttling (concurrency exhausted) and EventBridge Scheduler invocations that were
   * dropped or could not even be dead-lettered (lost runs of a scheduled job).
   */
  public monitorRegion(): void {
    this.alarm('LambdaThrottles', new Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', statistic: 'Sum', period: PERIOD }), {
      threshold: 10,
      description: 'Lambda throttled 10 or more invocations in five minutes in this region (concurrency exhausted)',
    });
    const scheduler = (metricName: string) => new Metric({ namespace: 'AWS/Scheduler', metricName, statistic: 'Sum', period: PERIOD });
    this.alarm(
      'ScheduleFailures',
      new MathExpression({
        expression: 'FILL(dropped, 0) + FILL(undeliverable, 0)',
        usingMetrics: { dropped: scheduler('InvocationDroppedCount'), undeliverable: scheduler('InvocationsFailedToBeSentToDeadLetterCount') },
        period: PERIOD,
        label: 'schedule invocations lost',
      }),
      { threshold: 1, description: 'EventBridge Scheduler dropped a scheduled job run, or could not put it in its dead-letter queue' },
    );
  }

  /** Raises an alarm when an execution of the state machine fails, times out or is aborted. */
  public monitorStateMachine(id: string, stateMachineArn: string): Alarm {
    const metric = (metricName: string) =>
      new Metric({ namespace: 'AWS/States', metricName, dimensionsMap: { StateMachineArn: stateMachineArn }, statistic: 'Sum', period: PERIOD });
    return this.alarm(
      `${id}ExecutionsFailed`,
      new MathExpression({
        expression: 'FILL(failed, 0) + FILL(timedOut, 0) + FILL(aborted, 0)',
        usingMetrics: { failed: metric('ExecutionsFailed'), timedOut: metric('ExecutionsTimedOut'), aborted: metric('ExecutionsAborted') },
        period: PERIOD,
        label: `${id} executions failed, timed out or aborted`,
      }),
      { threshold: 1, description: `an execution of the ${id} workflow failed, timed out or was aborted` },
    );
  }

  /** Raises an alarm when `fn` reports any error within five minutes. */
  /**
   * An alarm on the function's errors. It is created beside the function (in its stack: a
   * nested stack for route functions), so a stack's size grows with its own functions only.
   */
  public monitorFunction(id: string, fn: NodeFunction): Alarm {
    return this.alarm(`${id}Errors`, fn.function.metricErrors({ period: PERIOD, statistic: 'Sum' }), {
      threshold: 1,
      description: `${fn.node.path} reported errors`,
    }, fn);
  }

  /**
   * Raises an alarm when an application metric reaches `threshold` within a day. Powertools
   * publishes under the namespace `Tatawwu` with the function's service name as dimension.
   */
  public monitorMetric(id: string, metricName: string, options: { service: string; threshold: number; description: string }): Alarm {
    const metric = new Metric({ namespace: 'Tatawwu', metricName, dimensionsMap: { service: options.service }, statistic: 'Maximum', period: Duration.days(1) });
    return this.alarm(id, metric, options);
  }

  private alarm(id: string, metric: IMetric, options: { threshold: number; description: string; evaluationPeriods?: number }, scope: Construct = this): Alarm {
    const alarm = new Alarm(scope, scope === this ? id : 'ErrorsAlarm', {
      metric,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: options.description,
    });
    alarm.addAlarmAction(this.action);
    return alarm;
  }
}
