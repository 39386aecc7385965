/**
 * Turns what a handler declares it needs (`Need`, functions/http/operation.ts) into environment
 * variables and least-privilege grants, in one place, so that HTTP routes, workflow tasks,
 * scheduled jobs and consumers are all granted the same way:
 *
 * ```ts
 * const fn = new NodeFunction(this, 'RemindVolunteers', { entry, serviceName: 'reminders' });
 * grantNeeds(fn, ['table:read', 'email', 'sms'], resources);
 * ```
 */
import { Arn, ArnFormat, Names, Stack, Token, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Need } from '../../functions/http/operation.js';
import { workflowArnEnvName } from '../../shared/workflows/definition.js';
import type { NodeFunction } from './node-function.js';
import type { Messaging } from './messaging.js';

/** The resources a need can be granted on. */
export interface NeedResources {
  /** The single table (`TABLE_NAME`). */
  readonly table: ITable;
  /** The idempotency table (`IDEMPOTENCY_TABLE_NAME`). */
  readonly idempotencyTable: ITable;
  /** The domain event bus (`EVENT_BUS_NAME`). */
  readonly eventBus: IEventBus;
  /** The national-ID pepper (`NATIONAL_ID_PEPPER_SECRET_ARN`). */
  readonly nationalIdPepper: ISecret;
  /**
   * The region's credential signing key (asymmetric, ECC_NIST_P256, SIGN_VERIFY), for the
   * `signing` need (`SIGNING_KEY_ARN`).
   * @default - a function that needs `signing` fails the synth
   */
  readonly signingKey?: IKey;
  /**
   * Signing keys rotated out: their public keys stay in the JWKS (`SIGNING_PREVIOUS_KEY_ARNS`).
   * @default - none
   */
  readonly previousSigningKeys?: readonly IKey[];
  /**
   * The key of the rotating attendance codes (`ATTENDANCE_CODE_KEY_SECRET_ARN`).
   * @default - a function that needs `attendance-code-key` fails the synth
   */
  readonly attendanceCodeKey?: ISecret;
  /**
   * The user pool, for the `cognito` need (`USER_POOL_ID`).
   * @default - a function that needs `cognito` fails the synth
   */
  readonly userPool?: IUserPool;
  /**
   * Email and SMS senders, for the `email` and `sms` needs.
   * @default - a function that needs `email` or `sms` fails the synth
   */
  readonly messaging?: Messaging;
  /**
   * State machines by workflow name, for `workflow:<Name>` needs (`WORKFLOW_<NAME>_ARN`).
   * The workflows construct adds its state machines here. Once a map is given, a need naming a
   * workflow that is not in it fails the synth (a typo, or a workflow not built yet).
   * @default - no workflows composed yet: `workflow:<Name>` needs are not granted, and each one
   * is reported as a synth warning (`TatawwuWorkflowNotBound`)
   */
  readonly stateMachines?: Readonly<Record<string, IStateMachine>>;
  /**
   * The region's bucket of prepared personal-data exports and its key, for the `exports:write`
   * and `exports:read` needs (`EXPORT_BUCKET_NAME`).
   * @default - a function that needs them fails the synth
   */
  readonly exportBucket?: { readonly bucket: IBucket; readonly key: IKey };
}

/**
 * What reading the table means here: keys and queries. Never `dynamodb:Scan` (which
 * `grantReadData` includes): no request, workflow, job or consumer path scans the table, so no
 * role may (test/infra/least-privilege.test.ts). `ConditionCheckItem` is for transactions.
 */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'] as const;
/** Item writes; TransactWriteItems is authorised per item with these (it has no IAM action of its own). */
export const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'] as const;
/** What the idempotency middleware does (shared/middleware/idempotency.ts). */
const IDEMPOTENCY_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'] as const;

const KEY_READ_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'] as const;
const KEY_WRITE_ACTIONS = ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'] as const;

/** `actions` on the table and (through ITable.grant) its indexes, and the key actions on its key. */
const grantTable = (fn: NodeFunction, table: ITable, actions: readonly string[], keyActions: readonly string[]): void => {
  table.grant(fn, ...actions);
  table.encryptionKey?.grant(fn, ...keyActions);
};

/** The id of the synth warning of a `workflow:<Name>` need that could not be granted. */
export const UNBOUND_WORKFLOW_WARNING = 'TatawwuWorkflowNotBound';


const missing = (fn: NodeFunction, need: Need, what: string): Error =>
  new Error(`${fn.node.path} needs ${JSON.stringify(need)} but no ${what} was given to grantNeeds`);

/**
 * Sets the environment of `fn` and grants it exactly what `needs` lists:
 *
 * | need | grant | environment |
 * |---|---|---|
 * | (always) | none | `TABLE_NAME`, `IDEMPOTENCY_TABLE_NAME`, `EVENT_BUS_NAME` |
 * | `table:read` | {@link TABLE_READ_ACTIONS} on the table and its indexes (and decrypt with its key) | |
 * | `table:write` | the read actions and {@link TABLE_WRITE_ACTIONS} (and encrypt with its key) | |
 * | `idempotency` | GetItem, PutItem, UpdateItem, DeleteItem on the idempotency table | |
 * | `events` | `events:PutEvents` on the domain bus | |
 * | `email` | `ses:SendEmail`/`SendRawEmail` on the region's identity | `EMAIL_FROM`, `APP_BASE_URL` |
 * | `sms` | `sms-voice:SendTextMessage` on the region's sender ID | `SMS_SENDER_ID_ARN`, `APP_BASE_URL` |
 * | `cognito` | `AdminAddUserToGroup`, `AdminUpdateUserAttributes` on the pool | `USER_POOL_ID` |
 * | `cognito:erase` | `AdminDisableUser`, `AdminDeleteUser` on the pool | `USER_POOL_ID` |
 * | `audit` | `PutItem`, `BatchWriteItem` on the table (append-only audit entries) | |
 * | `national-id-pepper` | read the secret (and decrypt with its key) | `NATIONAL_ID_PEPPER_SECRET_ARN` |
 * | `signing` | `kms:Sign`, `kms:GetPublicKey` on the signing key (`GetPublicKey` on keys rotated out) | `SIGNING_KEY_ARN`, `SIGNING_PREVIOUS_KEY_ARNS` |
 * | `attendance-code-key` | read the secret (and decrypt with its key) | `ATTENDANCE_CODE_KEY_SECRET_ARN` |
 * | `exports:write` | `s3:PutObject` on `exports/*` of the exports bucket (and encrypt with its key) | `EXPORT_BUCKET_NAME` |
 * | `exports:read` | `s3:GetObject` on `exports/*` of the exports bucket (and decrypt with its key), to presign links | `EXPORT_BUCKET_NAME` |
 * | `exports:delete` | `s3:DeleteObject` on `exports/*` of the exports bucket (the erasure) | `EXPORT_BUCKET_NAME` |
 * | `notify` | queue notifications (shared/messaging/notifier.ts): `table:write` (the outbox record and its NotificationQueued event); only DeliverNotifications sends (`email`, `sms`) | `APP_BASE_URL` |
 * | `workflow:<Name>` | start executions and send task results | `WORKFLOW_<NAME>_ARN` |
 *
 * Names are not secrets, so every function knows where the table and bus are; only the IAM
 * grants are gated by `needs`.
 */
export function grantNeeds(fn: NodeFunction, needs: readonly Need[], resources: NeedResources): void {
  const lambda = fn.function;
  lambda.addEnvironment('TABLE_NAME', resources.table.tableName);
  lambda.addEnvironment('IDEMPOTENCY_TABLE_NAME', resources.idempotencyTable.tableName);
  lambda.addEnvironment('EVENT_BUS_NAME', resources.eventBus.eventBusName);

  // Queueing a message writes its outbox record and NotificationQueued event: a table write.
  const unique = [...new Set(needs.flatMap((need): Need[] => (need === 'notify' ? ['notify', 'table:write'] : [need])))];
  for (const need of unique) {
    switch (need) {
      case 'table:read':
        // table:write includes reading; granting both would only duplicate statements.
        if (!unique.includes('table:write')) {
          grantTable(fn, resources.table, TABLE_READ_ACTIONS, KEY_READ_ACTIONS);
          acknowledgeIndexWildcard(fn, resources.table);
        }
        break;
      case 'table:write':
        grantTable(fn, resources.table, [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS], [...KEY_READ_ACTIONS, ...KEY_WRITE_ACTIONS]);
        acknowledgeIndexWildcard(fn, resources.table);
        acknowledgeKeyWriteActions(fn);
        break;
      case 'idempotency':
        grantTable(fn, resources.idempotencyTable, IDEMPOTENCY_ACTIONS, [...KEY_READ_ACTIONS, ...KEY_WRITE_ACTIONS]);
        acknowledgeKeyWriteActions(fn);
        break;
      case 'events':
        resources.eventBus.grantPutEventsTo(fn);
        // Events EventBridge refuses are parked in the table (shared/messaging/events.ts).
        resources.table.grantWriteData(fn);
        acknowledgeIndexWildcard(fn, resources.table);
        acknowledgeKeyWriteActions(fn);
        break;
      case 'notify':
        // The links of the messages it queues are absolute (shared/messaging/links.ts).
        if (resources.messaging?.appBaseUrl) lambda.addEnvironment('APP_BASE_URL', resources.messaging.appBaseUrl);
        break;
      case 'email': {
        if (!resources.messaging) throw missing(fn, need, 'messaging');
        resources.messaging.grantSendEmail(fn);
        lambda.addEnvironment('EMAIL_FROM', resources.messaging.fromAddress);
        if (resources.messaging.appBaseUrl) lambda.addEnvironment('APP_BASE_URL', resources.messaging.appBaseUrl);
        break;
      }
      case 'sms': {
        if (!resources.messaging) throw missing(fn, need, 'messaging');
        resources.messaging.grantSendSms(fn);
        lambda.addEnvironment('SMS_SENDER_ID_ARN', resources.messaging.smsSenderIdArn);
        if (resources.messaging.appBaseUrl) lambda.addEnvironment('APP_BASE_URL', resources.messaging.appBaseUrl);
        break;
      }
      case 'cognito': {
        if (!resources.userPool) throw missing(fn, need, 'userPool');
        resources.userPool.grant(fn, 'cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminUpdateUserAttributes');
        lambda.addEnvironment('USER_POOL_ID', resources.userPool.userPoolId);
        break;
      }
      case 'audit':
        // Append-only: a reader that records who read gets no update or delete on the table.
        if (!unique.includes('table:write')) {
          grantTable(fn, resources.table, ['dynamodb:PutItem', 'dynamodb:BatchWriteItem'], KEY_WRITE_ACTIONS);
          acknowledgeIndexWildcard(fn, resources.table);
          acknowledgeKeyWriteActions(fn);
        }
        break;
      case 'cognito:erase': {
        if (!resources.userPool) throw missing(fn, need, 'userPool');
        resources.userPool.grant(fn, 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminDeleteUser');
        lambda.addEnvironment('USER_POOL_ID', resources.userPool.userPoolId);
        break;
      }
      case 'signing': {
        if (!resources.signingKey) throw missing(fn, need, 'signingKey');
        resources.signingKey.grant(fn, 'kms:Sign', 'kms:GetPublicKey');
        lambda.addEnvironment('SIGNING_KEY_ARN', resources.signingKey.keyArn);
        const previous = resources.previousSigningKeys ?? [];
        for (const key of previous) key.grant(fn, 'kms:GetPublicKey');
        if (previous.length > 0) lambda.addEnvironment('SIGNING_PREVIOUS_KEY_ARNS', previous.map((key) => key.keyArn).join(','));
        break;
      }
      case 'national-id-pepper':
        resources.nationalIdPepper.grantRead(fn);
        lambda.addEnvironment('NATIONAL_ID_PEPPER_SECRET_ARN', resources.nationalIdPepper.secretArn);
        break;
      case 'attendance-code-key':
        if (!resources.attendanceCodeKey) throw missing(fn, need, 'attendanceCodeKey');
        resources.attendanceCodeKey.grantRead(fn);
        lambda.addEnvironment('ATTENDANCE_CODE_KEY_SECRET_ARN', resources.attendanceCodeKey.secretArn);
        break;
      case 'exports:write':
      case 'exports:read':
      case 'exports:delete': {
        if (!resources.exportBucket) throw missing(fn, need, 'exportBucket');
        const { bucket, key } = resources.exportBucket;
        const action = { 'exports:write': 's3:PutObject', 'exports:read': 's3:GetObject', 'exports:delete': 's3:DeleteObject' }[need];
        lambda.addToRolePolicy(new PolicyStatement({ actions: [action], resources: [bucket.arnForObjects('exports/*')] }));
        if (need === 'exports:write') key.grant(fn, 'kms:GenerateDataKey', 'kms:Encrypt');
        if (need === 'exports:read') key.grant(fn, 'kms:Decrypt');
        acknowledgeExportObjects(fn, bucket);
        lambda.addEnvironment('EXPORT_BUCKET_NAME', bucket.bucketName);
        break;
      }
      default: {
        const workflow = /^workflow:([A-Za-z][A-Za-z0-9]*)$/.exec(need)?.[1];
        if (!workflow) throw new Error(`${fn.node.path}: unknown need ${JSON.stringify(need)}`);
        if (!resources.stateMachines) {
          // No workflows are composed into this stack yet (they arrive separately from the
          // routes that start them): say so loudly at synth, but do not block the other routes.
          Validations.of(fn).addWarning(
            UNBOUND_WORKFLOW_WARNING,
            `${JSON.stringify(need)} is not granted: no state machines were given to grantNeeds, so this function cannot start ${workflow} yet`,
          );
          break;
        }
        const stateMachine = resources.stateMachines[workflow];
        if (!stateMachine) {
          const known = Object.keys(resources.stateMachines ?? {});
          throw new Error(
            `${fn.node.path} needs ${JSON.stringify(need)} but no state machine named ${JSON.stringify(workflow)} was given (known: ${known.length ? known.join(', ') : 'none'})`,
          );
        }
        stateMachine.grantStartExecution(fn);
        // Handlers of human decisions resume the execution waiting on their task token.
        stateMachine.grantTaskResponse(fn);
        grantDescribeExecutions(fn, stateMachine);
        lambda.addEnvironment(workflowArnEnvName(workflow), stateMachine.stateMachineArn);
      }
    }
  }
}

/**
 * Table grants (`ITable.grant`) name `<table ARN>/index/*` so that queries on GSI1..GSI3
 * work. cdk-nag (v3) acknowledges findings one by one, by their exact text, so the finding is
 * computed from this very table's ARN: a wildcard on any other resource still fails the check.
 */
/**
 * `states:DescribeExecution` on the executions of one state machine: start() replaying an
 * execution name and describe() read the execution. Execution names are generated per
 * organisation or application, so the resource ends in `:*` — acknowledged for exactly this
 * state machine's executions.
 */
const grantDescribeExecutions = (fn: NodeFunction, stateMachine: IStateMachine): void => {
  const stack = Stack.of(fn);
  // A state machine named in plain text (ours are) keeps the policy free of cross-stack
  // references, whose rendering cdk-nag's exact-text acknowledgement could not predict.
  const physicalName = (stateMachine as { physicalName?: string }).physicalName;
  const name = physicalName && !Token.isUnresolved(physicalName) ? physicalName : Arn.split(stateMachine.stateMachineArn, ArnFormat.COLON_RESOURCE_NAME).resourceName;
  const executions = stack.formatArn({
    service: 'states',
    resource: 'execution',
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    resourceName: `${name}:*`,
  });
  fn.function.addToRolePolicy(new PolicyStatement({ actions: ['states:DescribeExecution'], resources: [executions] }));
  Validations.of(fn.role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${flattenReference(stack.resolve(executions))}]`,
    reason: 'DescribeExecution on the executions of this one state machine; their names are generated per record',
  });
};

/**
 * The text cdk-nag gives a CloudFormation reference in a finding (its `flattenCfnReference`,
 * which cdk-nag 3 no longer exports): `Fn::ImportValue` → the export name, `Fn::GetAtt` →
 * `<Logical.Attr>`, `Ref` → `<Logical>`, `Fn::Join` → the joined parts.
 */
const flattenReference = (node: unknown): string => {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  const value = node as Record<string, unknown>;
  if (value['Fn::Join']) {
    const [delimiter, items] = value['Fn::Join'] as [string, unknown[]];
    return items.map(flattenReference).join(delimiter);
  }
  if (value['Fn::Sub']) return flattenReference(value['Fn::Sub']);
  if (value['Fn::GetAtt']) {
    const [resource, attribute] = value['Fn::GetAtt'] as [unknown, unknown];
    return `<${flattenReference(resource)}.${flattenReference(attribute)}>`;
  }
  if (value['Fn::ImportValue']) return flattenReference(value['Fn::ImportValue']);
  if (value.Ref) return `<${flattenReference(value.Ref)}>`;
  return JSON.stringify(node);
};

const acknowledgeIndexWildcard = (fn: NodeFunction, table: ITable): void => {
  const tableArn = flattenReference(Stack.of(fn).resolve(table.tableArn));
  Validations.of(fn.role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${tableArn}/index/*]`,
    reason: 'the grant covers the global secondary indexes of the single table only (GSI1..GSI3 queries); no other table or action is wildcarded',
  });
};

/**
 * The exports bucket's objects are one per prepared export (`exports/<sub>/<id>.zip`): the grant
 * is on that prefix. From a nested stack the bucket's ARN is a parameter named after the bucket.
 */
const acknowledgeExportObjects = (fn: NodeFunction, bucket: IBucket): void => {
  const cfn = bucket.node.defaultChild;
  const arns = [flattenReference(Stack.of(fn).resolve(bucket.bucketArn)), ...(cfn ? [`<referenceto${Names.nodeUniqueId(cfn.node)}Arn>`] : [])];
  for (const arn of new Set(arns)) {
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${arn}/exports/*]`,
      reason: 'one object per prepared personal-data export, under the exports/ prefix of the exports bucket only; its keys are made at run time',
    });
  }
};

/**
 * Writing to a table encrypted with a customer-managed key needs the key's encrypt actions, which
 * the DynamoDB grant names as the families `kms:GenerateDataKey*` and `kms:ReEncrypt*`, on the
 * data key's ARN only.
 */
const acknowledgeKeyWriteActions = (fn: NodeFunction): void => {
  for (const action of ['kms:GenerateDataKey*', 'kms:ReEncrypt*']) {
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason: `${action} is the action family DynamoDB needs to encrypt written items with the table's customer-managed key; the statement names that key's ARN only`,
    });
  }
};
