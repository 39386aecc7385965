/**
 * Restore drill (README → Runbook → "Restore drill"): proves the table can be brought back
 * and read.
 *
 * - Cloud: `npm run restore-drill -- --region me-central-1 --table <table name>` (operator
 *   credentials). Point-in-time restore of the table (latest restorable time) into a new table
 *   `<table>-drill-<yyyymmddhhmm>`, waits until it is ACTIVE, then reads a sample of items from
 *   the copy and compares each with the source (GetItem). The copy is deleted afterwards
 *   unless `--keep`.
 * - Local: `npm run restore-drill -- --local [--endpoint http://127.0.0.1:8000] --table <name>`.
 *   DynamoDB Local has no point-in-time recovery, so the same check runs on an export/import:
 *   every item is exported to a JSON-lines file, imported into a new table built from the same
 *   definition (shared/db/table.ts), and every exported item is read back and compared.
 *
 * Scan is used here, by an operator, on a copy or a local table: never by a function role.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  RestoreTableToPointInTimeCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, paginateScan, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createTableInput, mainTable, type TableDefinition } from '../../shared/db/table.js';

export interface DrillSummary {
  readonly mode: 'cloud' | 'local';
  readonly source: string;
  readonly restored: string;
  /** Items exported (local) or sampled (cloud). */
  readonly items: number;
  /** Items read back from the copy and equal to the source. */
  readonly verified: number;
  readonly mismatches: readonly string[];
  readonly seconds: number;
}

const keyOf = (item: Record<string, unknown>, def: TableDefinition): Record<string, unknown> => ({
  [def.partitionKey]: item[def.partitionKey],
  ...(def.sortKey && { [def.sortKey]: item[def.sortKey] }),
});

const stamp = (now: Date): string => now.toISOString().replace(/[-:T]/g, '').slice(0, 12);

/** Reads each item's key from `copy` and compares it with the item itself. */
const verify = async (
  doc: DynamoDBDocumentClient,
  copy: string,
  items: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>,
  def: TableDefinition,
): Promise<{ items: number; verified: number; mismatches: string[] }> => {
  let count = 0;
  let verified = 0;
  const mismatches: string[] = [];
  for await (const item of items) {
    count += 1;
    const { Item } = await doc.send(new GetCommand({ TableName: copy, Key: keyOf(item, def), ConsistentRead: true }));
    if (isDeepStrictEqual(Item, item)) verified += 1;
    else mismatches.push(JSON.stringify(keyOf(item, def)));
  }
  return { items: count, verified, mismatches };
};

/** The local drill: export to a JSON-lines file, import into a new table, read everything back. */
export const localDrill = async (options: {
  readonly client: DynamoDBClient;
  readonly table: string;
  readonly target?: string;
  readonly def?: TableDefinition;
  readonly directory?: string;
}): Promise<DrillSummary & { readonly file: string }> => {
  const started = Date.now();
  const def = options.def ?? mainTable;
  const doc = DynamoDBDocumentClient.from(options.client);
  const target = options.target ?? `${options.table}-drill-${stamp(new Date())}`;
  const file = join(options.directory ?? (await mkdtemp(join(tmpdir(), 'tatawwu-drill-'))), `${options.table}.jsonl`);

  // Export.
  const out = createWriteStream(file);
  for await (const page of paginateScan({ client: doc }, { TableName: options.table, ConsistentRead: true })) {
    for (const item of page.Items ?? []) out.write(`${JSON.stringify(item)}\n`);
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));

  // Import into a new table with the same definition.
  await options.client.send(new CreateTableCommand(createTableInput(def, target)));
  await waitUntilTableExists({ client: options.client, maxWaitTime: 60 }, { TableName: target });
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    let requests = batch.map((item) => ({ PutRequest: { Item: item } }));
    batch = [];
    while (requests.length > 0) {
      const { UnprocessedItems } = await doc.send(new BatchWriteCommand({ RequestItems: { [target]: requests } }));
      requests = (UnprocessedItems?.[target] ?? []) as typeof requests;
    }
  };
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (!line) continue;
    batch.push(JSON.parse(line) as Record<string, unknown>);
    if (batch.length === 25) await flush();
  }
  await flush();

  // Read back every exported item from the copy.
  const exported = async function* () {
    for await (const line of createInterface({ input: createReadStream(file) })) if (line) yield JSON.parse(line) as Record<string, unknown>;
  };
  const result = await verify(doc, target, exported(), def);
  return { mode: 'local', source: options.table, restored: target, ...result, seconds: (Date.now() - started) / 1000, file };
};

/** The cloud drill: point-in-time restore into a new table, then a sampled read-back. */
export const cloudDrill = async (options: {
  readonly client: DynamoDBClient;
  readonly table: string;
  readonly sample?: number;
  readonly keep?: boolean;
}): Promise<DrillSummary> => {
  const started = Date.now();
  const doc = DynamoDBDocumentClient.from(options.client);
  const target = `${options.table}-drill-${stamp(new Date())}`;
  await options.client.send(
    new RestoreTableToPointInTimeCommand({ SourceTableName: options.table, TargetTableName: target, UseLatestRestorableTime: true }),
  );
  // A restore takes minutes to hours, depending on the table's size.
  await waitUntilTableExists({ client: options.client, maxWaitTime: 6 * 3600, minDelay: 30, maxDelay: 120 }, { TableName: target });
  const status = (await options.client.send(new DescribeTableCommand({ TableName: target }))).Table?.TableStatus;
  if (status !== 'ACTIVE') throw new Error(`restored table ${target} is ${status}, not ACTIVE`);
  // Items of the copy as it was restored, compared with the source now: an item changed since
  // the restore point shows as a mismatch (reported, expected to be few on a live table).
  const { Items = [] } = await doc.send(new ScanCommand({ TableName: target, Limit: options.sample ?? 100 }));
  const result = await verify(doc, options.table, Items, mainTable);
  if (!options.keep) await options.client.send(new DeleteTableCommand({ TableName: target }));
  return { mode: 'cloud', source: options.table, restored: target, ...result, seconds: (Date.now() - started) / 1000 };
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      table: { type: 'string' },
      region: { type: 'string' },
      local: { type: 'boolean', default: false },
      endpoint: { type: 'string' },
      keep: { type: 'boolean', default: false },
      sample: { type: 'string' },
    },
  });
  if (!values.table) throw new Error('usage: npm run restore-drill -- --table <name> (--region <region> | --local [--endpoint <url>]) [--keep] [--sample N]');
  const summary = values.local
    ? await localDrill({
        client: new DynamoDBClient({
          endpoint: values.endpoint ?? process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000',
          region: 'me-central-1',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }),
        table: values.table,
      })
    : await cloudDrill({
        client: new DynamoDBClient({ ...(values.region && { region: values.region }) }),
        table: values.table,
        keep: values.keep,
        ...(values.sample && { sample: Number(values.sample) }),
      });
  console.log(JSON.stringify(summary, null, 2));
  if (summary.verified === 0 || (summary.mode === 'local' && summary.mismatches.length > 0)) process.exitCode = 1;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
