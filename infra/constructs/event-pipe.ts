/**
 * The relay of the transactional outbox in the cloud: the table's stream → an EventBridge Pipe
 * → the domain bus, with no Lambda in between. The pipe keeps only the outbox items (INSERT of
 * an item whose `entity` is `OutboxEvent`, see shared/db/entities/outbox-event.ts) and turns
 * each into the event the consumers expect: source `tatawwu`, detail-type the event type,
 * detail the event's detail plus `eventId`. A Pipes input template cannot turn DynamoDB's typed
 * maps and lists back into plain JSON, so the outbox item carries the event's type and its
 * detail as JSON text (`eventType`, `detailJson`) written with the event. What the bus refuses
 * after the retries lands in an alarmed dead-letter queue (`npm run redrive -- outbox`).
 * The local platform's stand-in is infra/local/event-relay.ts.
 */
import { Stack } from 'aws-cdk-lib';
import type { IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { CfnPipe } from 'aws-cdk-lib/aws-pipes';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { outboxEvent } from '../../shared/db/entities/outbox-event.js';
import { EVENT_SOURCE } from '../../shared/domain/events.js';
import { AlarmedDeadLetterQueue } from './dead-letter-queue.js';

export interface EventPipeProps {
  /** The table whose stream (NEW_IMAGE) carries the outbox items. */
  readonly table: ITable;
  /** The table's stream ARN. */
  readonly tableStreamArn: string;
  /** The key the table (and so its stream) is encrypted with. */
  readonly encryptionKey: IKey;
  readonly eventBus: IEventBus;
  /** Where the dead-letter alarm goes. @default - no action */
  readonly alarmAction?: IAlarmAction;
  /**
   * Attempts per batch before it is dead-lettered.
   * @default 10
   */
  readonly maximumRetryAttempts?: number;
}

/** The stream filter: INSERTs of outbox items only (the pattern Pipes applies before anything is billed). */
export const outboxFilterPattern = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { entity: { S: [outboxEvent.name] } } },
};

export class EventPipe extends Construct {
  public readonly pipe: CfnPipe;
  public readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: EventPipeProps) {
    super(scope, id);
    const attempts = props.maximumRetryAttempts ?? 10;
    if (!Number.isInteger(attempts) || attempts < 0 || attempts > 10_000) {
      throw new Error(`maximumRetryAttempts must be an integer from 0 to 10000, got ${attempts}`);
    }
    const { queue, alarm } = new AlarmedDeadLetterQueue(this, 'Dlq', {
      deadLetterOf: 'the outbox pipe (table stream → domain bus)',
      alarmDescription: 'domain events the outbox pipe could not put on the bus: run `npm run redrive -- outbox` (README, runbook)',
      ...(props.alarmAction && { alarmAction: props.alarmAction }),
    });
    void alarm;
    this.deadLetterQueue = queue;

    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('pipes.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }) });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
        resources: [props.tableStreamArn],
      }),
    );
    props.encryptionKey.grantDecrypt(role);
    props.eventBus.grantPutEventsTo(role);
    queue.grantSendMessages(role);

    this.pipe = new CfnPipe(this, 'Resource', {
      description: 'transactional outbox: outbox items of the table stream → domain events on the bus',
      roleArn: role.roleArn,
      source: props.tableStreamArn,
      sourceParameters: {
        filterCriteria: { filters: [{ pattern: JSON.stringify(outboxFilterPattern) }] },
        dynamoDbStreamParameters: {
          startingPosition: 'TRIM_HORIZON',
          batchSize: 10,
          maximumRetryAttempts: attempts,
          deadLetterConfig: { arn: queue.queueArn },
        },
      },
      target: props.eventBus.eventBusArn,
      targetParameters: {
        // The detail: the event's detail and its id (`eventId`, the consumers' idempotency key).
        inputTemplate: '<$.dynamodb.NewImage.detailJson.S>',
        eventBridgeEventBusParameters: { source: EVENT_SOURCE, detailType: '$.dynamodb.NewImage.eventType.S' },
      },
    });
    this.pipe.node.addDependency(role);
  }
}
