/**
 * A DynamoDB table built from a `TableDefinition` of shared/db/table.ts, the same definition
 * the local platform and the tests create their tables from, so keys cannot drift.
 *
 * `Table` (AWS::DynamoDB::Table), not `TableV2` (AWS::DynamoDB::GlobalTable): personal data
 * must stay in the stack's region, so the replica support that is TableV2's reason to exist
 * is something we must never use; and cdk-nag's DynamoDB rules (e.g. DDB3, point-in-time
 * recovery) inspect AWS::DynamoDB::Table only, so with `Table` those checks keep guarding us.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import type { TableDefinition } from '../../shared/db/table.js';

export interface SingleTableProps {
  /** Key schema, indexes and TTL attribute (from shared/db/table.ts). */
  readonly definition: TableDefinition;
  /** Customer-managed key for server-side encryption. */
  readonly encryptionKey: IKey;
  /**
   * What happens to the table when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Refuse DeleteTable calls, whoever makes them.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Emit a stream of item changes, of the definition's view type (`stream`, else
   * NEW_AND_OLD_IMAGES): the main table's stream feeds the outbox pipe (NEW_IMAGE).
   * @default false
   */
  readonly stream?: boolean;
}

export class SingleTable extends Construct {
  public readonly table: Table;

  constructor(scope: Construct, id: string, props: SingleTableProps) {
    super(scope, id);
    const { definition } = props;
    if (definition.indexes.length > 20) {
      throw new Error(`a table has at most 20 global secondary indexes, got ${definition.indexes.length}`);
    }

    this.table = new Table(this, 'Resource', {
      partitionKey: { name: definition.partitionKey, type: AttributeType.STRING },
      ...(definition.sortKey && { sortKey: { name: definition.sortKey, type: AttributeType.STRING } }),
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: definition.timeToLiveAttribute,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.deletionProtection ?? true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      ...(props.stream && { stream: definition.stream === 'NEW_IMAGE' ? StreamViewType.NEW_IMAGE : StreamViewType.NEW_AND_OLD_IMAGES }),
    });

    for (const index of definition.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }
}
