/**
 * What answers the messaging feedback paths of one region (the topics are Messaging's,
 * messaging.ts):
 * - the function on the bounce/complaint topic (functions/consumers/email-bounces.ts) puts the
 *   address on the suppression list;
 * - the function on the inbound-SMS topic (functions/consumers/sms-inbound.ts) handles STOP / START;
 * - the notifications dead-letter queue: NotificationDeadLettered events land there;
 * - alarms on bounce and complaint rates and on the dead-letter queue.
 * A construct of its own because its functions are granted from resources that include the
 * Messaging construct (grants.ts → messaging.ts), so Messaging cannot create them.
 */
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Alarm, ComparisonOperator, Metric, TreatMissingData, type IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule, type IEventBus } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { EVENT_SOURCE } from '../../shared/domain/event-source.js';
import { grantNeeds, type NeedResources } from './grants.js';
import { AlarmedDeadLetterQueue } from './dead-letter-queue.js';
import type { Messaging } from './messaging.js';
import { NodeFunction, type PowertoolsLogLevel } from './node-function.js';

export interface MessagingFeedbackProps {
  /** The senders and topics whose feedback this handles. */
  readonly messaging: Messaging;
  /** What the feedback functions are granted from. */
  readonly resources: NeedResources;
  /** The domain bus: NotificationDeadLettered events are routed from it to the DLQ. */
  readonly eventBus: IEventBus;
  /** Where alarms go. */
  readonly alarmAction: IAlarmAction;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** @default 'INFO' */
  readonly logLevel?: PowertoolsLogLevel;
  /**
   * Bounce rate (0–1) that raises the alarm; SES reviews an account at 5 %.
   * @default 0.03
   */
  readonly bounceRateThreshold?: number;
  /**
   * Complaint rate (0–1) that raises the alarm; SES reviews an account at 0.1 %.
   * @default 0.0008
   */
  readonly complaintRateThreshold?: number;
}

export class MessagingFeedback extends Construct {
  /** Bounces and complaints → suppression list. */
  public readonly bounces: NodeFunction;
  /** Inbound SMS → STOP / START. */
  public readonly inboundSms: NodeFunction;
  /** NotificationDeadLettered events. */
  public readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: MessagingFeedbackProps) {
    super(scope, id);
    const { messaging } = props;
    const common = {
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
      logLevel: props.logLevel,
      serviceName: 'notifications',
    };
    this.bounces = new NodeFunction(this, 'EmailBounces', { ...common, entry: 'functions/consumers/email-bounces.ts' });
    grantNeeds(this.bounces, ['table:write'], props.resources);
    messaging.feedbackTopic.addSubscription(new LambdaSubscription(this.bounces.function));

    this.inboundSms = new NodeFunction(this, 'SmsInbound', { ...common, entry: 'functions/consumers/sms-inbound.ts' });
    grantNeeds(this.inboundSms, ['table:write'], props.resources);
    messaging.inboundSmsTopic.addSubscription(new LambdaSubscription(this.inboundSms.function));

    this.deadLetterQueue = new AlarmedDeadLetterQueue(this, 'NotificationsDlq', {
      deadLetterOf: 'notifications (an EventBridge rule delivers NotificationDeadLettered to it)',
      alarmDescription: 'notifications failed every try and were dead-lettered (see the outbox records named in the messages)',
      alarmAction: props.alarmAction,
      ...(props.logRemovalPolicy && { removalPolicy: props.logRemovalPolicy }),
    }).queue;
    new Rule(this, 'DeadLetteredNotifications', {
      eventBus: props.eventBus,
      description: 'notifications that failed every try → the notifications DLQ',
      eventPattern: { source: [EVENT_SOURCE], detailType: ['NotificationDeadLettered'] },
      targets: [new SqsQueue(this.deadLetterQueue)],
    });

    const alarm = (alarmId: string, metric: Metric, threshold: number, description: string) => {
      const created = new Alarm(this, alarmId, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(props.alarmAction);
      return created;
    };
    const reputation = (metricName: string) =>
      new Metric({
        namespace: 'AWS/SES',
        metricName,
        dimensionsMap: { 'ses:configuration-set': messaging.configurationSet.configurationSetName },
        statistic: 'Maximum',
        period: Duration.hours(1),
      });
    alarm('BounceRate', reputation('Reputation.BounceRate'), props.bounceRateThreshold ?? 0.03, 'SES bounce rate is approaching the level at which SES reviews the account');
    alarm('ComplaintRate', reputation('Reputation.ComplaintRate'), props.complaintRateThreshold ?? 0.0008, 'SES complaint rate is approaching the level at which SES reviews the account');
  }
}
