/**
 * One EventBridge Scheduler schedule per job of functions/schedules/index.ts: its expression in
 * its time zone (Asia/Riyadh by default), a NodeFunction target granted the job's needs, a
 * retry policy, and a dead-letter queue (with an alarm on its depth) for invocations that
 * failed every retry. The input is what the local runner sends: `{ name, scheduledAt }`.
 */
import { Duration, RemovalPolicy, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { TimeZone } from 'aws-cdk-lib';
import type { ScheduleDefinition } from '../../functions/schedules/definition.js';
import { schedules as registry } from '../../functions/schedules/index.js';
import { grantNeeds, type NeedResources } from './grants.js';
import { AlarmedDeadLetterQueue } from './dead-letter-queue.js';
import { NodeFunction, type PowertoolsLogLevel } from './node-function.js';

export interface SchedulesProps {
  readonly resources: NeedResources;
  /** @default - every job of functions/schedules/index.ts */
  readonly schedules?: readonly ScheduleDefinition[];
  /** Where the dead-letter alarms go. @default - no action */
  readonly alarmAction?: IAlarmAction;
  /** Retries of a failed invocation. @default 3 */
  readonly retryAttempts?: number;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** @default 'INFO' */
  readonly logLevel?: PowertoolsLogLevel;
}

export interface DeployedSchedule {
  readonly definition: ScheduleDefinition;
  readonly schedule: Schedule;
  readonly function: NodeFunction;
  readonly deadLetterQueue: Queue;
}

export class Schedules extends Construct {
  public readonly schedules: ReadonlyMap<string, DeployedSchedule>;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    const deployed = new Map<string, DeployedSchedule>();
    for (const definition of props.schedules ?? registry) {
      if (!/^[A-Z][A-Za-z0-9]*$/.test(definition.id)) throw new Error(`schedule id must be PascalCase, got ${JSON.stringify(definition.id)}`);
      const unbound = definition.needs.filter(
        (need) => need.startsWith('workflow:') && !props.resources.stateMachines?.[need.slice('workflow:'.length)],
      );
      if (unbound.length > 0) {
        // A job whose workflow is not composed yet would fail on every run: it is not deployed
        // until it is (the area adds its workflow to functions/workflows/index.ts), and the
        // synth says so.
        Validations.of(this).addWarning(
          `tatawwu:schedule-not-deployed:${definition.name}`,
          `schedule ${definition.name} is not deployed: ${unbound.join(', ')} has no state machine in this stack yet`,
        );
        continue;
      }
      const timeout = definition.timeout ?? 300;
      const fn = new NodeFunction(this, definition.id, {
        entry: definition.entry,
        serviceName: definition.name,
        timeout: Duration.seconds(timeout),
        memorySize: definition.memorySize ?? 512,
        description: definition.description,
        ...(props.logRetention && { logRetention: props.logRetention }),
        ...(props.logRemovalPolicy && { logRemovalPolicy: props.logRemovalPolicy }),
        ...(props.logLevel && { logLevel: props.logLevel }),
      });
      grantNeeds(fn, definition.needs, props.resources);

      const { queue: deadLetterQueue } = new AlarmedDeadLetterQueue(this, `${definition.id}Dlq`, {
        deadLetterOf: 'an EventBridge Scheduler target',
        alarmDescription: `invocations of the ${definition.name} schedule failed every retry`,
        ...(props.alarmAction && { alarmAction: props.alarmAction }),
        ...(props.logRemovalPolicy && { removalPolicy: props.logRemovalPolicy }),
      });
      // The target role of this schedule only. Granting invoke names the function and its
      // versions (`<arn>:*`); cdk-nag acknowledges exactly that finding, by this function's ARN.
      const role = new Role(this, `${definition.id}SchedulerRole`, {
        assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
        description: `EventBridge Scheduler invokes ${definition.entry}`,
      });
      const functionLogicalId = Stack.of(this).getLogicalId(fn.function.node.defaultChild as CfnElement);
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`,
        reason: 'lambda:InvokeFunction on the job function and its versions (`:*`), which is how the Scheduler target grant is written; no other resource',
      });
      const schedule = new Schedule(this, `${definition.id}Schedule`, {
        description: definition.description,
        schedule: ScheduleExpression.expression(definition.expression, TimeZone.of(definition.timezone ?? 'Asia/Riyadh')),
        target: new LambdaInvoke(fn.function, {
          input: ScheduleTargetInput.fromObject({ name: definition.name, scheduledAt: ContextAttribute.scheduledTime }),
          retryAttempts: props.retryAttempts ?? 3,
          // A run that could not start within one period is superseded by the next one.
          maxEventAge: Duration.hours(1),
          deadLetterQueue,
          role,
        }),
      });
      deployed.set(definition.name, { definition, schedule, function: fn, deadLetterQueue });
    }
    this.schedules = deployed;
  }
}
