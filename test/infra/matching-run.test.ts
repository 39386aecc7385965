import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { App, Stack } from 'aws-cdk-lib';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { MatchingRunWorkflow } from '../../infra/constructs/matching-run.js';
import { allStates, type AslObject } from '../../shared/workflows/definition.js';
import { logicalIdOf, TEST_ACCOUNT } from './synth.js';

const REGION = 'me-central-1';
let template: Template;
let stack: Stack;
let app: App;
let workflow: MatchingRunWorkflow;

beforeAll(() => {
  app = new App({ outdir: mkdtempSync(join(tmpdir(), 'tatawwu-cdk-')), context: { 'aws:cdk:bundling-stacks': [] } });
  stack = new Stack(app, 'MatchingRunFixture', { env: { account: TEST_ACCOUNT, region: REGION } });
  workflow = new MatchingRunWorkflow(stack, 'MatchingRun', {
    resources: {
      table: Table.fromTableArn(stack, 'Table', `arn:aws:dynamodb:${REGION}:${TEST_ACCOUNT}:table/main`),
      idempotencyTable: Table.fromTableArn(stack, 'IdempotencyTable', `arn:aws:dynamodb:${REGION}:${TEST_ACCOUNT}:table/idempotency`),
      eventBus: EventBus.fromEventBusArn(stack, 'Bus', `arn:aws:events:${REGION}:${TEST_ACCOUNT}:event-bus/domain`),
      nationalIdPepper: Secret.fromSecretCompleteArn(stack, 'Pepper', `arn:aws:secretsmanager:${REGION}:${TEST_ACCOUNT}:secret:pepper-AbCdEf`),
    },
  });
  template = Template.fromStack(stack);
});

const deployedAsl = (): AslObject => JSON.parse(template.toJSON().Resources[logicalIdOf(workflow.stateMachine)].Properties.DefinitionString);
const mapState = () => allStates(deployedAsl()).find((s) => s.state.Type === 'Map')!.state;

describe('MatchingRun state machine', () => {
  it('is one Standard state machine with logging and tracing', () => {
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      LoggingConfiguration: Match.objectLike({ Level: 'ALL' }),
      TracingConfiguration: { Enabled: true },
    });
  });

  it('maps over the shards with a Distributed Map of Express children', () => {
    expect(mapState().ItemProcessor).toMatchObject({ ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' } });
  });

  it('batches shards and tolerates a share of failed children', () => {
    expect(mapState().ItemBatcher).toMatchObject({ MaxItemsPerBatch: expect.any(Number), BatchInput: expect.any(Object) });
    expect(mapState().ToleratedFailurePercentage).toBeGreaterThan(0);
  });

  it('invokes the shard handler from the child', () => {
    const child = allStates(mapState().ItemProcessor as AslObject).find((s) => s.state.Type === 'Task')!.state;
    expect(child).toMatchObject({ Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: '${FnMatchShard}' } });
  });

  it('may start its own child executions and track them', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    const statements = Object.values(policies).flatMap((p) => (p as { Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } } }).Properties.PolicyDocument.Statement);
    const start = statements.find((s) => s.Action === 'states:StartExecution');
    expect(JSON.stringify(start?.Resource)).toContain(':stateMachine:MatchingRunFixture-MatchingRun');
    const track = statements.find((s) => Array.isArray(s.Action) && s.Action.includes('states:DescribeExecution'));
    expect(JSON.stringify(track?.Resource)).toContain(':execution:MatchingRunFixture-MatchingRun/*');
  });

  it("passes cdk-nag's AwsSolutions checks", () => {
    const report = new AwsSolutionsChecks(app).validateScope(stack);
    expect(report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });
});
