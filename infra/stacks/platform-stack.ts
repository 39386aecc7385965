/**
 * The stateless stack of one region: identity, messaging senders, the HTTP API with its
 * functions, alarms. It only composes constructs; the data it works on lives in the DataStack
 * of the same region.
 */
import { ArnFormat, CfnOutput, Fn, NestedStack, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { AnyOperation } from '../../functions/http/operation.js';
import { mainTable } from '../../shared/db/table.js';
import type { DeploymentConfig } from '../config.js';
import type { NeedResources } from '../constructs/grants.js';
import { PlatformHttpApi } from '../constructs/http-api.js';
import { Identity } from '../constructs/identity.js';
import { Consumers } from '../constructs/consumers.js';
import { ExportBucket } from '../constructs/export-bucket.js';
import { EventPipe } from '../constructs/event-pipe.js';
import { MatchingRunWorkflow } from '../constructs/matching-run.js';
import { Messaging } from '../constructs/messaging.js';
import { MessagingFeedback } from '../constructs/messaging-feedback.js';
import { Observability } from '../constructs/observability.js';
import { OperationsDashboard } from '../constructs/dashboard.js';
import type { NodeFunction } from '../constructs/node-function.js';
import { Schedules } from '../constructs/schedules.js';
import { Workflows } from '../constructs/workflows.js';
import type { DataStack } from './data-stack.js';

export interface PlatformStackProps extends StackProps {
  readonly config: DeploymentConfig;
  /** The stateful stack of the same region. */
  readonly data: DataStack;
  /** The HTTP operation specs (functions/http/routes.ts). */
  readonly operations: readonly AnyOperation[];
}

export class PlatformStack extends Stack {
  public readonly identity: Identity;
  public readonly messaging: Messaging;
  public readonly api: PlatformHttpApi;
  public readonly observability: Observability;
  /** The state machines and their task functions (functions/workflows/index.ts). */
  public readonly workflows: Workflows;
  /** The national re-match (Distributed Map; outside `workflows`, whose engine has no Map). */
  public readonly matchingRun: MatchingRunWorkflow;
  public readonly schedules: Schedules;
  public readonly consumers: Consumers;
  /** The region's and stage's CloudWatch dashboard (`Tatawwu-<stage>-<region>`). */
  public readonly dashboard: OperationsDashboard;
  /** What any function of this stack can be granted (see grants.ts `grantNeeds`). */
  public readonly needResources: NeedResources;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    const { config, data } = props;
    if (data.region !== this.region) {
      throw new Error(`the platform stack in ${this.region} must use the data stack of its own region, got ${data.region}`);
    }
    const logRetention = config.logRetentionDays as RetentionDays;

    this.identity = new Identity(this, 'Identity', {
      featurePlan: config.userPoolFeaturePlan,
      removalPolicy: config.ephemeralRemovalPolicy,
    });
    this.messaging = new Messaging(this, 'Messaging', {
      emailDomain: config.emailDomain,
      emailFromLocalPart: config.emailFromLocalPart,
      smsSenderId: config.smsSenderId,
      smsCountry: config.smsCountry,
      appBaseUrl: config.appBaseUrl,
    });

    // Grants from this stack go to the functions' own policies, never into the data stack's
    // resource policies (that would make the data stack depend on this one: a cycle). The key
    // and the secret are therefore referenced as imports; the key policy trusts IAM policies of
    // the account, so an identity-policy grant is enough.
    const dataKey = Key.fromKeyArn(this, 'DataKey', data.key.keyArn);
    const baseResources: NeedResources = {
      table: Table.fromTableAttributes(this, 'Table', {
        tableArn: Fn.importValue(data.tableArnExportName),
        encryptionKey: dataKey,
        globalIndexes: mainTable.indexes.map((index) => index.indexName),
      }),
      idempotencyTable: Table.fromTableAttributes(this, 'IdempotencyTable', {
        tableArn: data.idempotencyTable.tableArn,
        encryptionKey: dataKey,
      }),
      eventBus: data.eventBus,
      nationalIdPepper: Secret.fromSecretAttributes(this, 'NationalIdPepper', {
        secretCompleteArn: data.nationalIdPepper.secretArn,
        encryptionKey: dataKey,
      }),
      attendanceCodeKey: Secret.fromSecretAttributes(this, 'AttendanceCodeKey', {
        secretCompleteArn: data.attendanceCodeKey.secretArn,
        encryptionKey: dataKey,
      }),
      userPool: this.identity.userPool,
      messaging: this.messaging,
      signingKey: Key.fromKeyArn(this, 'SigningKey', data.signingKey.keyArn),
      exportBucket: new ExportBucket(this, 'PersonalDataExports', { removalPolicy: config.ephemeralRemovalPolicy }),
    };

    // The workflows' task functions are granted from the base resources; their state machines
    // then let the routes that declare `workflow:<Name>` start them and answer their tasks.
    // CloudFormation allows 500 resources per stack: the workflows' task functions, the
    // scheduled jobs and the event consumers each live in a nested stack (the routes' functions
    // in one nested stack per area, see PlatformHttpApi); the parent counts each as one resource.
    this.workflows = new Workflows(new NestedStack(this, 'WorkflowTasks', { description: 'state machines and their task functions' }), 'Workflows', {
      resources: baseResources,
      logRetention,
      logRemovalPolicy: config.ephemeralRemovalPolicy,
      logLevel: config.logLevel,
    });
    this.matchingRun = new MatchingRunWorkflow(this, 'MatchingRun', {
      resources: baseResources,
      logRetention,
      logRemovalPolicy: config.ephemeralRemovalPolicy,
    });
    this.needResources = {
      ...baseResources,
      stateMachines: { ...this.workflows.stateMachines, MatchingRun: this.matchingRun.stateMachine },
    };

    this.api = new PlatformHttpApi(this, 'Api', {
      operations: props.operations,
      resources: this.needResources,
      jwtIssuer: this.identity.issuerUrl,
      jwtAudience: this.identity.client.userPoolClientId,
      jwksUrl: this.identity.jwksUrl,
      throttleRateLimit: config.throttleRateLimit,
      corsOrigins: config.corsOrigins,
      throttleBurstLimit: config.throttleBurstLimit,
      logRetention,
      logRemovalPolicy: config.ephemeralRemovalPolicy,
      logLevel: config.logLevel,
    });

    this.observability = new Observability(this, 'Observability', {
      alarmEmail: config.alarmEmail,
      httpApi: this.api.httpApi,
      removalPolicy: config.ephemeralRemovalPolicy,
    });
    for (const fn of this.api.functions.values()) this.observability.monitorFunction(fn.node.id, fn);
    for (const [id, fn] of this.workflows.functions) this.observability.monitorFunction(id, fn);
    this.observability.monitorFunction('MatchingRunShard', this.matchingRun.shardFunction);

    // Notifications: bounce/complaint and inbound-SMS paths, the notifications DLQ, scheduled
    // jobs (EventBridge Scheduler) and event consumers (rules on the domain bus), each alarmed.
    const alarmAction = new SnsAction(this.observability.topic);
    const functionDefaults = { logRetention, logRemovalPolicy: config.ephemeralRemovalPolicy, logLevel: config.logLevel };
    const feedback = new MessagingFeedback(this, 'MessagingFeedback', { messaging: this.messaging, resources: this.needResources, eventBus: data.eventBus, alarmAction, ...functionDefaults });
    const workers = new NestedStack(this, 'Workers', { description: 'scheduled jobs and event consumers, with their dead-letter queues and alarms' });
    this.schedules = new Schedules(workers, 'Schedules', { resources: this.needResources, alarmAction, ...functionDefaults });
    this.consumers = new Consumers(workers, 'Consumers', { resources: this.needResources, eventBus: data.eventBus, alarmAction, ...functionDefaults });
    // The transactional outbox: the table's stream → the domain bus (no Lambda in between).
    if (!data.table.tableStreamArn) throw new Error('the data stack table has no stream: the outbox pipe needs one (shared/db/table.ts: stream)');
    const outboxPipe = new EventPipe(this, 'OutboxPipe', {
      table: data.table,
      tableStreamArn: data.table.tableStreamArn,
      encryptionKey: data.key,
      eventBus: data.eventBus,
      alarmAction,
    });
    for (const fn of [feedback.bounces, feedback.inboundSms]) this.observability.monitorFunction(fn.node.id, fn);
    for (const { definition, function: fn } of this.schedules.schedules.values()) this.observability.monitorFunction(`Schedule${definition.id}`, fn);
    for (const { definition, function: fn } of this.consumers.consumers.values()) this.observability.monitorFunction(`Consumer${definition.id}`, fn);
    // The impact-reconcile job recounts a sample of the impact aggregates from the ledger daily (issue 16).
    this.observability.monitorMetric('ImpactAggregateDrift', 'ImpactAggregateDrift', { service: 'impact-reconcile', threshold: 1, description: 'impact aggregates differ from a recount of the ledger (impact-reconcile job)' });

    // What ops watches (README "Runbook"): workflow failures, Lambda throttling and lost
    // schedule runs in the region, and the dashboard of everything above.
    this.observability.monitorRegion();
    const stateMachineArns: Record<string, string> = Object.fromEntries(
      [...Object.keys(this.workflows.stateMachines), 'MatchingRun'].map((name) => [
        name,
        // The names are fixed (`<root stack>-<workflow>`), so no reference into the nested stack is needed.
        this.formatArn({ service: 'states', resource: 'stateMachine', resourceName: `${this.stackName}-${name}`, arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
      ]),
    );
    for (const [name, arn] of Object.entries(stateMachineArns)) this.observability.monitorStateMachine(name, arn);
    const functions = new Map<string, NodeFunction>([
      ...[...this.api.functions.values()].map((fn) => [fn.node.id, fn] as const),
      ...this.workflows.functions,
      ['MatchingRunShard', this.matchingRun.shardFunction],
      [feedback.bounces.node.id, feedback.bounces],
      [feedback.inboundSms.node.id, feedback.inboundSms],
      ...[...this.schedules.schedules.values()].map(({ definition, function: fn }) => [`Schedule${definition.id}`, fn] as const),
      ...[...this.consumers.consumers.values()].map(({ definition, function: fn }) => [`Consumer${definition.id}`, fn] as const),
    ]);
    this.dashboard = new OperationsDashboard(this, 'Dashboard', {
      dashboardName: `Tatawwu-${config.stage}-${this.region}`,
      httpApi: this.api.httpApi,
      functions,
      stateMachineArns,
      deadLetterQueues: new Map([
        ...[...this.consumers.consumers.values()].map(({ definition, deadLetterQueue }) => [`${definition.id}Dlq`, deadLetterQueue] as const),
        ...[...this.schedules.schedules.values()].map(({ definition, deadLetterQueue }) => [`Schedule${definition.id}Dlq`, deadLetterQueue] as const),
        ['NotificationsDlq', feedback.deadLetterQueue],
        ['OutboxPipeDlq', outboxPipe.deadLetterQueue],
      ]),
      configurationSetName: this.messaging.configurationSet.configurationSetName,
      scheduleFunctions: new Map([...this.schedules.schedules.values()].map(({ definition, function: fn }) => [definition.id, fn] as const)),
    });

    new CfnOutput(this, 'InboundSmsTopicArn', { value: this.messaging.inboundSmsTopic.topicArn });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'AppClientId', { value: this.identity.client.userPoolClientId });
    new CfnOutput(this, 'Issuer', { value: this.identity.issuerUrl });
  }
}
