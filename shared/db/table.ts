/**
 * The single table, declared once. The CDK data stack, the local platform and the tests all
 * build their tables from this definition, so the key schema cannot drift between them.
 *
 * - `PK`/`SK`: every entity (see keys.ts for the layout and the access patterns).
 * - `GSI1`..`GSI3`: overloaded, sparse: an item appears in an index only if it carries the
 *   index's key attributes.
 * - `expiresAt`: TTL (epoch seconds) for ephemeral records (attendance codes, dedupe markers).
 *
 * Idempotency records (shared/middleware/idempotency.ts) live in their own small table (`id`
 * hash key, `expiration` TTL) so that they never share partitions with domain data.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface TableDefinition {
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly indexes: readonly IndexDefinition[];
  readonly timeToLiveAttribute: string;
  /** A stream of new item images: the relay of the transactional outbox reads it (cloud: EventBridge Pipes; locally: infra/local/event-relay.ts). */
  readonly stream?: 'NEW_IMAGE';
}

export const mainTable: TableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  indexes: [
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
  ],
  timeToLiveAttribute: 'expiresAt',
  stream: 'NEW_IMAGE',
};

export const idempotencyTable: TableDefinition = {
  partitionKey: 'id',
  indexes: [],
  timeToLiveAttribute: 'expiration',
};

/**
 * Local only (`<table>-services`): what the cloud's managed services keep for themselves — the
 * local workflow runner's executions, history and task tokens (infra/local/workflows/store.ts)
 * and the outbox relay's stream checkpoints and dead letters (infra/local/event-relay.ts) —
 * apart from the domain items and their stream. Never deployed.
 */
export const localOnlyTable: TableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  indexes: [],
  timeToLiveAttribute: 'expiresAt',
};

/** The CreateTable input for a local or test table (on-demand, like the cloud table). */
export const createTableInput = (def: TableDefinition, tableName: string): CreateTableCommandInput => {
  const attributes = new Set<string>([def.partitionKey]);
  if (def.sortKey) attributes.add(def.sortKey);
  for (const index of def.indexes) {
    attributes.add(index.partitionKey);
    attributes.add(index.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    ...(def.stream && { StreamSpecification: { StreamEnabled: true, StreamViewType: def.stream } }),
    KeySchema: [
      { AttributeName: def.partitionKey, KeyType: 'HASH' },
      ...(def.sortKey ? [{ AttributeName: def.sortKey, KeyType: 'RANGE' as const }] : []),
    ],
    ...(def.indexes.length > 0 && {
      GlobalSecondaryIndexes: def.indexes.map((index) => ({
        IndexName: index.indexName,
        ...(def.stream && { StreamSpecification: { StreamEnabled: true, StreamViewType: def.stream } }),
    KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
          { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
        ],
        Projection: { ProjectionType: 'ALL' as const },
      })),
    }),
  };
};
