/**
 * The workflows of the platform, built from the registry (functions/workflows/index.ts), the
 * same definitions the local runner executes:
 *
 * - one `NodeFunction` per task binding, granted its `needs` through `grantNeeds`;
 * - one Standard state machine per workflow, its definition the ASL document as written,
 *   each `fn()` placeholder replaced by the task function's ARN (`DefinitionSubstitutions`);
 *   logging level ALL to its own log group (with retention), X-Ray tracing on;
 * - each state machine's role may invoke exactly its own task functions.
 *
 * `stateMachines` (by workflow name) goes into `NeedResources.stateMachines`, so the functions
 * that declare `workflow:<Name>` are granted StartExecution and task responses on it, and told
 * its ARN (`WORKFLOW_<NAME>_ARN`).
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { workflows as registry } from '../../functions/workflows/index.js';
import { placeholderTaskIds, workflowProblems, WorkflowDefinitionError, type WorkflowDefinition } from '../../shared/workflows/definition.js';
import { grantNeeds, type NeedResources } from './grants.js';
import { NodeFunction, type PowertoolsLogLevel } from './node-function.js';

export interface WorkflowsProps {
  /** What the task functions' `needs` are granted on. */
  readonly resources: NeedResources;
  /**
   * The workflows to deploy.
   * @default - the registry, functions/workflows/index.ts
   */
  readonly workflows?: readonly WorkflowDefinition[];
  /**
   * Retention of the state machines' and task functions' logs.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
  /**
   * Removal policy of the log groups.
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
  /**
   * Powertools log level of the task functions.
   * @default 'INFO'
   */
  readonly logLevel?: PowertoolsLogLevel;
}

/** One deployed workflow. */
export interface DeployedWorkflow {
  readonly definition: WorkflowDefinition;
  readonly stateMachine: StateMachine;
  readonly logGroup: LogGroup;
  /** Task functions by task id. */
  readonly functions: ReadonlyMap<string, NodeFunction>;
}

/** `OrganizationOnboarding` → `organization-onboarding`: the Powertools service of its tasks. */
const serviceNameFor = (workflow: string): string => workflow.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** The name of the top-level stack this construct is deployed with (nested stacks have token names). */
const rootStackName = (scope: Construct): string => {
  let stack = Stack.of(scope);
  while (stack.nestedStackParent) stack = stack.nestedStackParent;
  return stack.stackName;
};

export class Workflows extends Construct {
  /** State machines by workflow name: pass as `NeedResources.stateMachines`. */
  public readonly stateMachines: Readonly<Record<string, StateMachine>>;
  /** Everything deployed per workflow, by workflow name. */
  public readonly workflows: ReadonlyMap<string, DeployedWorkflow>;

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    const definitions = props.workflows ?? registry;
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;
    const logRemovalPolicy = props.logRemovalPolicy ?? RemovalPolicy.RETAIN;

    const names = new Set<string>();
    for (const definition of definitions) {
      // Definitions are checked when declared; this also catches one assembled by hand.
      const problems = workflowProblems(definition);
      if (problems.length > 0) throw new WorkflowDefinitionError(definition.name, problems);
      if (names.has(definition.name)) throw new Error(`workflow ${JSON.stringify(definition.name)} is registered twice`);
      names.add(definition.name);
      for (const [taskId, binding] of Object.entries(definition.tasks)) {
        // The state machine names the function's ARN and the function would name the state
        // machine's ARN: CloudFormation cannot create either first.
        if (binding.needs.includes(`workflow:${definition.name}`)) {
          throw new Error(
            `${this.node.path}: task ${taskId} of ${definition.name} needs "workflow:${definition.name}", a dependency cycle; resume the workflow from outside it`,
          );
        }
      }
    }

    const deployed = new Map<string, DeployedWorkflow>();
    for (const definition of definitions) {
      const scopeOf = new Construct(this, definition.name);
      const functions = new Map<string, NodeFunction>();
      for (const taskId of placeholderTaskIds(definition.asl)) {
        const binding = definition.tasks[taskId]!;
        functions.set(
          taskId,
          new NodeFunction(scopeOf, taskId, {
            entry: binding.entry,
            serviceName: serviceNameFor(definition.name),
            timeout: Duration.seconds(binding.timeout ?? 30),
            memorySize: binding.memorySize ?? 256,
            logRetention,
            logRemovalPolicy,
            logLevel: props.logLevel ?? 'INFO',
            description: `${definition.name} task ${taskId} (${binding.entry})`,
          }),
        );
      }

      const logGroup = new LogGroup(scopeOf, 'Logs', { retention: logRetention, removalPolicy: logRemovalPolicy });
      const stateMachine = new StateMachine(scopeOf, 'StateMachine', {
        // Named after the deployed (root) stack, so other stacks can name its executions in a
        // policy as plain text (cdk-nag acknowledges that wildcard by its exact text).
        stateMachineName: `${rootStackName(this)}-${definition.name}`,
        stateMachineType: StateMachineType.STANDARD,
        definitionBody: DefinitionBody.fromString(JSON.stringify(definition.asl)),
        definitionSubstitutions: Object.fromEntries([...functions].map(([taskId, fn]) => [`Fn${taskId}`, fn.function.functionArn])),
        // Execution data stays out of the logs: inputs carry task tokens and personal data; the
        // execution history in Step Functions keeps them, in the region, for the usual 90 days.
        logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
        tracingEnabled: true,
        comment: typeof definition.asl.Comment === 'string' ? definition.asl.Comment : definition.name,
      });
      // The definition invokes the unqualified function ARNs only, so the role names exactly
      // those (grantInvoke would add `<arn>:*`, every version and alias).
      stateMachine.addToRolePolicy(
        new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [...functions.values()].map((fn) => fn.function.functionArn) }),
      );
      Validations.of(stateMachine.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'only the statements Step Functions needs for its log delivery (logs:*LogDelivery*, *ResourcePolicy*, DescribeLogGroups) and X-Ray tracing use Resource "*": those actions support no resource-level permissions',
      });
      deployed.set(definition.name, { definition, stateMachine, logGroup, functions });
    }
    this.workflows = deployed;
    this.stateMachines = Object.fromEntries([...deployed].map(([name, w]) => [name, w.stateMachine]));

    // Granted once every state machine exists, so a task may start another workflow.
    const resources: NeedResources = { ...props.resources, stateMachines: { ...props.resources.stateMachines, ...this.stateMachines } };
    for (const { definition, functions } of deployed.values()) {
      for (const [taskId, fn] of functions) grantNeeds(fn, definition.tasks[taskId]!.needs, resources);
    }
  }

  /** Every task function, with a stable id (`OrganizationOnboardingValidate`), e.g. for alarms. */
  public get functions(): ReadonlyMap<string, NodeFunction> {
    return new Map([...this.workflows].flatMap(([name, w]) => [...w.functions].map(([taskId, fn]) => [`${name}${taskId}`, fn] as const)));
  }
}
