/**
 * The cloud relay of the transactional outbox (issue 10 §1): the table's stream → an EventBridge
 * Pipe → the domain bus, with no Lambda in between, a dead-letter queue and its alarm.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AttributeType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { Key } from 'aws-cdk-lib/aws-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { EventPipe, outboxFilterPattern } from '../../infra/constructs/event-pipe.js';

let template: Template;

beforeAll(() => {
  const stack = new Stack(new App(), 'Pipe', { env: { account: '111111111111', region: 'me-central-1' } });
  const key = new Key(stack, 'Key');
  const table = new Table(stack, 'Table', { partitionKey: { name: 'PK', type: AttributeType.STRING }, stream: StreamViewType.NEW_IMAGE, encryptionKey: key });
  new EventPipe(stack, 'OutboxPipe', { table, tableStreamArn: table.tableStreamArn!, encryptionKey: key, eventBus: new EventBus(stack, 'Bus'), maximumRetryAttempts: 5 });
  template = Template.fromStack(stack);
});

describe('EventPipe', () => {
  it('reads the table stream and puts on the bus, with no enrichment step', () => {
    const [pipe] = Object.values(template.findResources('AWS::Pipes::Pipe')) as { Properties: Record<string, unknown> }[];
    expect(pipe!.Properties.Enrichment).toBeUndefined();
    template.hasResourceProperties('AWS::Pipes::Pipe', {
      Source: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Table'), 'StreamArn'] },
      Target: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Bus'), 'Arn'] },
    });
  });

  it('keeps only INSERTs of outbox items', () => {
    template.hasResourceProperties('AWS::Pipes::Pipe', {
      SourceParameters: { FilterCriteria: { Filters: [{ Pattern: JSON.stringify(outboxFilterPattern) }] } },
    });
    expect(outboxFilterPattern).toEqual({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['OutboxEvent'] } } } });
  });

  it('shapes the event as the consumers expect it: source tatawwu, the event type, the detail with eventId', () => {
    template.hasResourceProperties('AWS::Pipes::Pipe', {
      TargetParameters: {
        InputTemplate: '<$.dynamodb.NewImage.detailJson.S>',
        EventBridgeEventBusParameters: { Source: 'tatawwu', DetailType: '$.dynamodb.NewImage.eventType.S' },
      },
    });
  });

  it('dead-letters a batch after its retries, to an alarmed queue', () => {
    template.hasResourceProperties('AWS::Pipes::Pipe', {
      SourceParameters: {
        DynamoDBStreamParameters: { MaximumRetryAttempts: 5, DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OutboxPipeDlq'), 'Arn'] } } },
      },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Threshold: 1, AlarmDescription: Match.stringLikeRegexp('redrive -- outbox') });
  });

  it('lets the pipe read only the stream, put only on the bus and send only to its queue', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as { Properties: { PolicyDocument: { Statement: { Action: string | string[] }[] } } }[];
    const actions = policies.flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap((s) => [s.Action].flat()));
    expect(actions).toContain('events:PutEvents');
    expect(actions).toContain('dynamodb:GetRecords');
    expect(actions.filter((a) => a.startsWith('dynamodb:') && !['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'].includes(a))).toEqual([]);
  });

  it('refuses a retry count Pipes would refuse, naming it', () => {
    const stack = new Stack();
    const key = new Key(stack, 'Key');
    const table = new Table(stack, 'Table', { partitionKey: { name: 'PK', type: AttributeType.STRING }, stream: StreamViewType.NEW_IMAGE });
    expect(() => new EventPipe(stack, 'P', { table, tableStreamArn: table.tableStreamArn!, encryptionKey: key, eventBus: new EventBus(stack, 'Bus'), maximumRetryAttempts: -1 })).toThrow(
      /maximumRetryAttempts must be an integer from 0 to 10000, got -1/,
    );
  });
});
