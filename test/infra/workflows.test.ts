import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { workflows as registry } from '../../functions/workflows/index.js';
import type { NeedResources } from '../../infra/constructs/grants.js';
import { grantNeeds } from '../../infra/constructs/grants.js';
import { NodeFunction } from '../../infra/constructs/node-function.js';
import { Workflows } from '../../infra/constructs/workflows.js';
import { allStates, isWaitForTaskToken, placeholderTaskIds, workflowArnEnvName, type AslObject } from '../../shared/workflows/definition.js';
import { approvalWorkflow } from '../workflows/fixtures/approval.js';
import { actionsOn, logicalIdOf, statementsOf, synthesize, TEST_ACCOUNT } from './synth.js';

const REGION = 'me-central-1';

/** A stack with the fixture workflow, on imported resources (so every finding is the construct's). */
const fixtureStack = () => {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'tatawwu-cdk-')), context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'WorkflowsFixture', { env: { account: TEST_ACCOUNT, region: REGION } });
  const resources: NeedResources = {
    table: Table.fromTableArn(stack, 'Table', `arn:aws:dynamodb:${REGION}:${TEST_ACCOUNT}:table/main`),
    idempotencyTable: Table.fromTableArn(stack, 'IdempotencyTable', `arn:aws:dynamodb:${REGION}:${TEST_ACCOUNT}:table/idempotency`),
    eventBus: EventBus.fromEventBusArn(stack, 'Bus', `arn:aws:events:${REGION}:${TEST_ACCOUNT}:event-bus/domain`),
    nationalIdPepper: Secret.fromSecretCompleteArn(stack, 'Pepper', `arn:aws:secretsmanager:${REGION}:${TEST_ACCOUNT}:secret:pepper-AbCdEf`),
  };
  const workflows = new Workflows(stack, 'Workflows', { workflows: [approvalWorkflow], resources });
  // A handler that starts the workflow and sends decisions, as an HTTP route would.
  const starter = new NodeFunction(stack, 'Starter', { entry: 'test/workflows/fixtures/validate.ts', serviceName: 'test' });
  grantNeeds(starter, ['workflow:FixtureApproval'], { ...resources, stateMachines: workflows.stateMachines });
  return { app, stack, workflows, starter };
};

type Fixture = ReturnType<typeof fixtureStack>;
let fixture: Fixture;
let template: Template;

beforeAll(() => {
  fixture = fixtureStack();
  template = Template.fromStack(fixture.stack);
});

const deployed = () => fixture.workflows.workflows.get('FixtureApproval')!;
const stateMachineResource = () => template.toJSON().Resources[logicalIdOf(deployed().stateMachine)];
const deployedAsl = (): AslObject => JSON.parse(stateMachineResource().Properties.DefinitionString);

describe('Workflows construct', () => {
  it('deploys each workflow as one Standard state machine', () => {
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    expect(stateMachineResource().Properties.StateMachineType).toBe('STANDARD');
  });

  it('deploys the definition as written, placeholders and all', () => {
    expect(deployedAsl()).toEqual(approvalWorkflow.asl);
  });

  it('logs every event of the state machine to its own log group, without execution data', () => {
    expect(stateMachineResource().Properties.LoggingConfiguration).toEqual({
      Level: 'ALL',
      IncludeExecutionData: false,
      Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [logicalIdOf(deployed().logGroup), 'Arn'] } } }],
    });
  });

  it('keeps the state machine logs for a limited time', () => {
    const logGroup = template.toJSON().Resources[logicalIdOf(deployed().logGroup)];
    expect(logGroup.Properties.RetentionInDays).toBe(30);
  });

  it('traces executions with X-Ray', () => {
    expect(stateMachineResource().Properties.TracingConfiguration).toEqual({ Enabled: true });
  });

  it('bounds every wait for a task token with a timeout and catches States.Timeout', () => {
    const waits = allStates(deployedAsl()).filter((ref) => isWaitForTaskToken(ref.state));

    expect(waits.map((w) => w.name)).toEqual(['RequestDecision', 'RequestDecisionAgain']);
    for (const { state } of waits) {
      expect(state.TimeoutSeconds).toBeGreaterThan(0);
      expect((state.Catch as { ErrorEquals: string[] }[]).some((c) => c.ErrorEquals.includes('States.Timeout'))).toBe(true);
    }
  });

  it('substitutes each placeholder with the ARN of its own task function', () => {
    const substitutions = stateMachineResource().Properties.DefinitionSubstitutions;

    expect(Object.keys(substitutions).sort()).toEqual(placeholderTaskIds(approvalWorkflow.asl).map((id) => `Fn${id}`).sort());
    for (const [taskId, fn] of deployed().functions) {
      expect(substitutions[`Fn${taskId}`]).toEqual({ 'Fn::GetAtt': [logicalIdOf(fn.function), 'Arn'] });
    }
  });

  it('creates one function per task, sized from its binding', () => {
    const activate = template.toJSON().Resources[logicalIdOf(deployed().functions.get('Activate')!.function)];

    expect([...deployed().functions.keys()]).toEqual(['Validate', 'RequestDecision', 'RemindReviewers', 'Activate', 'Expire']);
    expect(activate.Properties).toMatchObject({ Timeout: 20, MemorySize: 512, Runtime: 'nodejs22.x', Architectures: ['arm64'] });
  });

  it('lets the state machine invoke exactly its task functions', () => {
    const roleId = logicalIdOf(deployed().stateMachine.role);
    const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } });
    const invokes = Object.values(policies)
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
      .filter((s) => [s.Action].flat().some((a) => a.startsWith('lambda:')));

    expect(invokes).toHaveLength(1);
    expect(invokes[0]!.Action).toBe('lambda:InvokeFunction');
    expect(invokes[0]!.Resource).toEqual([...deployed().functions.values()].map((fn) => ({ 'Fn::GetAtt': [logicalIdOf(fn.function), 'Arn'] })));
  });

  it('grants each task function its needs', () => {
    const validate = statementsOf(template, deployed().functions.get('Validate')!);
    const remind = statementsOf(template, deployed().functions.get('RemindReviewers')!);

    expect(validate.flatMap((s) => s.Action)).toContain('dynamodb:Query');
    expect(validate.flatMap((s) => s.Action)).not.toContain('dynamodb:PutItem');
    expect(remind.flatMap((s) => s.Action)).toContain('events:PutEvents');
  });

  it('lets a function that needs the workflow start it and answer its tasks, at the ARN the client reads', () => {
    const statements = statementsOf(template, fixture.starter);
    const stateMachineId = logicalIdOf(deployed().stateMachine);
    const starter = template.toJSON().Resources[logicalIdOf(fixture.starter.function)];

    expect(actionsOn(statements, stateMachineId)).toEqual(
      expect.arrayContaining(['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure']),
    );
    expect(starter.Properties.Environment.Variables[workflowArnEnvName('FixtureApproval')]).toEqual({ Ref: stateMachineId });
  });

  it("passes cdk-nag's AwsSolutions checks without acknowledging SF1 or SF2", () => {
    const report = new AwsSolutionsChecks(fixture.app).validateScope(fixture.stack);
    const acknowledged = fixture.stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').map((m) => JSON.stringify(m.data)));

    expect(report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    expect(acknowledged.some((a) => a.includes('AwsSolutions-IAM5'))).toBe(true); // the scan sees acknowledgements
    expect(acknowledged.filter((a) => /AwsSolutions-SF[12]/.test(a))).toEqual([]);
  });

  it('refuses a task that needs its own workflow (a dependency cycle)', () => {
    const stack = new Stack(new App(), 'Cycle');
    const cyclic = { ...approvalWorkflow, tasks: { ...approvalWorkflow.tasks, Expire: { entry: 'test/workflows/fixtures/expire.ts', needs: ['workflow:FixtureApproval' as const] } } };

    expect(() => new Workflows(stack, 'Workflows', { workflows: [cyclic], resources: {} as NeedResources })).toThrow(
      /task Expire of FixtureApproval needs "workflow:FixtureApproval", a dependency cycle/,
    );
  });
});

describe('platform stack', () => {
  it('deploys every registered workflow, and nothing else, as a state machine', () => {
    const synth = synthesize({ bundle: false });
    for (const { platform } of synth.stacks) {
      const machines = synth.template(platform).findResources('AWS::StepFunctions::StateMachine');
      // MatchingRun (a Distributed Map, which this engine refuses) comes from its own construct.
      expect(Object.keys(machines)).toHaveLength(registry.length + 1);
      expect(Object.keys(platform.workflows.stateMachines).sort()).toEqual(registry.map((w) => w.name).sort());
      expect(Object.keys(platform.needResources.stateMachines ?? {}).sort()).toEqual([...registry.map((w) => w.name), 'MatchingRun'].sort());
    }
  });
});
