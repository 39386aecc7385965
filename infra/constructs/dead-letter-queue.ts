/**
 * A dead-letter queue with the alarm that makes it visible: encrypted, TLS-only, 14 days of
 * retention, and an alarm as soon as one message lands. Used by every asynchronous path that
 * can give up (scheduled jobs, event consumers, notifications).
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface AlarmedDeadLetterQueueProps {
  /** What this queue is the dead-letter queue of, e.g. "an EventBridge rule target" (shown in the cdk-nag acknowledgement). */
  readonly deadLetterOf: string;
  /** Description of the alarm raised when a message lands. */
  readonly alarmDescription: string;
  /** Where the alarm goes. @default - no action */
  readonly alarmAction?: IAlarmAction;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

export class AlarmedDeadLetterQueue extends Construct {
  public readonly queue: Queue;
  public readonly alarm: Alarm;

  constructor(scope: Construct, id: string, props: AlarmedDeadLetterQueueProps) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `this queue is itself the dead-letter queue of ${props.deadLetterOf}; it has no queue of its own to redrive to`,
    });
    this.alarm = new Alarm(this, 'Depth', {
      metric: this.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: props.alarmDescription,
    });
    if (props.alarmAction) this.alarm.addAlarmAction(props.alarmAction);
  }
}
