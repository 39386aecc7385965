/**
 * Alarms of one region, sent to the ops team through one SNS topic: API 5xx responses and
 * errors of every function it is told about. Workflows and scheduled jobs add their own
 * functions with `monitorFunction`.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
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
    }
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

  private alarm(id: string, metric: IMetric, options: { threshold: number; description: string }, scope: Construct = this): Alarm {
    const alarm = new Alarm(scope, scope === this ? id : 'ErrorsAlarm', {
      metric,
      threshold: options.threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: options.description,
    });
    alarm.addAlarmAction(this.action);
    return alarm;
  }
}
