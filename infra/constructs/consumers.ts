/**
 * One EventBridge rule per consumer of functions/consumers/index.ts on the domain bus (source
 * `tatawwu`, the consumer's detail-types), targeting a NodeFunction granted the consumer's
 * needs, with a retry policy and a dead-letter queue (alarmed) for events that failed every
 * retry. Consumers are idempotent, so a redrive from the queue is safe. A consumer declared with
 * `batch` gets a queue between its rule and its function (SQS event source, `size` events per
 * invocation, partial batch failures reported), whose redrive policy feeds the same DLQ.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule, type IEventBus } from 'aws-cdk-lib/aws-events';
import { LambdaFunction, SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { ConsumerDefinition } from '../../functions/consumers/definition.js';
import { consumers as registry } from '../../functions/consumers/index.js';
import { EVENT_SOURCE } from '../../shared/domain/events.js';
import { consumerNeeds } from '../../functions/consumers/definition.js';
import { grantNeeds, type NeedResources } from './grants.js';
import { AlarmedDeadLetterQueue } from './dead-letter-queue.js';
import { NodeFunction, type PowertoolsLogLevel } from './node-function.js';

export interface ConsumersProps {
  readonly resources: NeedResources;
  readonly eventBus: IEventBus;
  /** @default - every consumer of functions/consumers/index.ts */
  readonly consumers?: readonly ConsumerDefinition[];
  /** Where the dead-letter alarms go. @default - no action */
  readonly alarmAction?: IAlarmAction;
  /** Retries of a failed delivery. @default 4 */
  readonly retryAttempts?: number;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** @default 'INFO' */
  readonly logLevel?: PowertoolsLogLevel;
}

export interface DeployedConsumer {
  readonly definition: ConsumerDefinition;
  readonly rule: Rule;
  readonly function: NodeFunction;
  readonly deadLetterQueue: Queue;
  /** The queue between the rule and the function of a `batch` consumer. */
  readonly batchQueue?: Queue;
}

export class Consumers extends Construct {
  public readonly consumers: ReadonlyMap<string, DeployedConsumer>;

  constructor(scope: Construct, id: string, props: ConsumersProps) {
    super(scope, id);
    const deployed = new Map<string, DeployedConsumer>();
    for (const definition of props.consumers ?? registry) {
      if (definition.events.length === 0) throw new Error(`consumer ${definition.id} lists no events`);
      const fn = new NodeFunction(this, definition.id, {
        entry: definition.entry,
        serviceName: 'consumers',
        timeout: Duration.seconds(definition.timeout ?? 30),
        memorySize: definition.memorySize ?? 256,
        ...(props.logRetention && { logRetention: props.logRetention }),
        ...(props.logRemovalPolicy && { logRemovalPolicy: props.logRemovalPolicy }),
        ...(props.logLevel && { logLevel: props.logLevel }),
      });
      grantNeeds(fn, consumerNeeds(definition), props.resources);
      const { queue: deadLetterQueue } = new AlarmedDeadLetterQueue(this, `${definition.id}Dlq`, {
        deadLetterOf: 'an EventBridge rule target',
        alarmDescription: `${definition.id} failed to handle events after every retry`,
        ...(props.alarmAction && { alarmAction: props.alarmAction }),
        ...(props.logRemovalPolicy && { removalPolicy: props.logRemovalPolicy }),
      });
      let batchQueue: Queue | undefined;
      if (definition.batch) {
        // Bursts: the rule fills a queue, the function takes it `size` events at a time; what fails
        // five receives goes to the same alarmed DLQ.
        const timeout = definition.timeout ?? 30;
        batchQueue = new Queue(this, `${definition.id}Queue`, {
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
          visibilityTimeout: Duration.seconds(timeout * 6),
          retentionPeriod: Duration.days(4),
          deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: 5 },
          ...(props.logRemovalPolicy && { removalPolicy: props.logRemovalPolicy }),
        });
        fn.function.addEventSource(
          new SqsEventSource(batchQueue, {
            batchSize: definition.batch.size,
            maxBatchingWindow: Duration.seconds(definition.batch.windowSeconds),
            reportBatchItemFailures: true,
          }),
        );
      }
      const rule = new Rule(this, `${definition.id}Rule`, {
        eventBus: props.eventBus,
        description: `${definition.events.join(', ')} → ${definition.batch ? 'a queue → (batches) ' : ''}${definition.entry}`,
        eventPattern: { source: [EVENT_SOURCE], detailType: [...definition.events] },
        targets: [
          batchQueue
            ? new SqsQueue(batchQueue, { retryAttempts: props.retryAttempts ?? 4, maxEventAge: Duration.hours(6), deadLetterQueue })
            : new LambdaFunction(fn.function, {
                retryAttempts: props.retryAttempts ?? 4,
                maxEventAge: Duration.hours(6),
                deadLetterQueue,
              }),
        ],
      });
      deployed.set(definition.id, { definition, rule, function: fn, deadLetterQueue, ...(batchQueue && { batchQueue }) });
    }
    this.consumers = deployed;
  }
}
