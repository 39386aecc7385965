/**
 * MatchingRun (functions/workflows/matching-run/definition.ts): a Standard state machine whose
 * Distributed Map starts one EXPRESS child execution per batch of volunteer shards, each
 * invoking the shard handler. The Workflows construct deploys workflows without Distributed
 * Map, so this construct adds what a Distributed Map needs beyond a plain workflow:
 * - `states:StartExecution` on the state machine itself (the child executions), and
 *   `states:DescribeExecution` / `states:StopExecution` on its executions (run tracking, abort);
 * - `lambda:InvokeFunction` on the shard function (unqualified ARN, as the definition calls it).
 * The state machine's name is derived from the stack's (`<stack>-MatchingRun`) so that its own
 * ARN can be named in its role without a reference cycle (role → state machine → role).
 */
import { ArnFormat, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { matchingRun } from '../../functions/workflows/matching-run/definition.js';
import { grantNeeds, type NeedResources } from './grants.js';
import { NodeFunction } from './node-function.js';

export interface MatchingRunWorkflowProps {
  /** What the shard handler's `needs` are granted on (the table). */
  readonly resources: NeedResources;
  /**
   * Retention of the state machine's and the shard function's logs.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
  /**
   * Removal policy of the log groups.
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
}

export class MatchingRunWorkflow extends Construct {
  public readonly stateMachine: StateMachine;
  public readonly shardFunction: NodeFunction;

  constructor(scope: Construct, id: string, props: MatchingRunWorkflowProps) {
    super(scope, id);
    const binding = matchingRun.tasks.MatchShard!;
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;
    const logRemovalPolicy = props.logRemovalPolicy ?? RemovalPolicy.RETAIN;

    this.shardFunction = new NodeFunction(this, 'MatchShard', {
      entry: binding.entry,
      serviceName: 'matching',
      timeout: Duration.seconds(binding.timeout ?? 900),
      memorySize: binding.memorySize ?? 1024,
      logRetention,
      logRemovalPolicy,
      description: 'MatchingRun task MatchShard: re-matches a batch of volunteer shards',
    });
    grantNeeds(this.shardFunction, binding.needs, props.resources);

    const stack = Stack.of(this);
    const stateMachineName = `${stack.stackName}-MatchingRun`;
    const ownArn = stack.formatArn({ service: 'states', resource: 'stateMachine', resourceName: stateMachineName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    const executions = stack.formatArn({ service: 'states', resource: 'execution', resourceName: `${stateMachineName}/*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });

    const logGroup = new LogGroup(this, 'Logs', { retention: logRetention, removalPolicy: logRemovalPolicy });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(JSON.stringify(matchingRun.asl)),
      definitionSubstitutions: { FnMatchShard: this.shardFunction.function.functionArn },
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
      comment: String(matchingRun.asl.Comment),
    });
    this.stateMachine.addToRolePolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.shardFunction.function.functionArn] }));
    this.stateMachine.addToRolePolicy(new PolicyStatement({ actions: ['states:StartExecution'], resources: [ownArn] }));
    this.stateMachine.addToRolePolicy(new PolicyStatement({ actions: ['states:DescribeExecution', 'states:StopExecution'], resources: [executions] }));
    Validations.of(this.stateMachine.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'only the statements Step Functions needs for its log delivery and X-Ray tracing use Resource "*": those actions support no resource-level permissions',
    });
    Validations.of(this.stateMachine.role).acknowledge({
      // cdk-nag names the resource as it renders it: pseudo parameters for an environment-agnostic stack.
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:${Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region}:${
        Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account
      }:execution:${stateMachineName}/*]`,
      reason: 'the Distributed Map tracks and stops the child executions of this state machine only; their names are generated',
    });
  }
}
