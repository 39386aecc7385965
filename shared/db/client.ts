import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  paginateQuery,
  type BatchGetCommandInput,
  type BatchGetCommandOutput,
  type BatchWriteCommandInput,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { env } from '../env.js';
import { injectDynamoFaults } from '../faults.js';
import { traced } from '../powertools/tracer.js';

let built: DynamoDBDocumentClient | undefined;
let handle: DynamoDBDocumentClient | undefined;

/**
 * One document client per process (reused across warm invocations). What this returns is a
 * handle: the client itself (region, endpoint, credentials: read from the environment) is
 * built at its first use, not when a module or a repository factory asks for it. So a
 * repository can be created at import time, and a test can import and create its
 * repositories before pointing the environment at its table (test/helpers/table.ts).
 */
export const documentClient = (): DynamoDBDocumentClient =>
  (handle ??= new Proxy(Object.create(DynamoDBDocumentClient.prototype) as DynamoDBDocumentClient, {
    get(_, property) {
      built ??= DynamoDBDocumentClient.from(dynamoClient(), {
        marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
      });
      const value: unknown = Reflect.get(built, property, built);
      return typeof value === 'function' ? value.bind(built) : value;
    },
  }));

let rawClient: DynamoDBClient | undefined;

/** The low-level client (the document client wraps it). */
export const dynamoClient = (): DynamoDBClient => {
  rawClient ??= traced(injectDynamoFaults(new DynamoDBClient({
    region: env.region,
    ...(env.dynamoEndpoint && {
      endpoint: env.dynamoEndpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      // Locally every handler shares this one client (in Lambda each instance serves one
      // request at a time), so the SDK's default of 50 sockets would queue requests.
      requestHandler: { httpAgent: { keepAlive: true, maxSockets: 512 } },
    }),
  })));
  return rawClient;
};

/**
 * Every item of a Query, across pages (lib-dynamodb's paginator). For bounded partitions only:
 * an organisation's history, an opportunity with its shifts, a volunteer's bookings.
 */
export const queryAll = async (
  input: QueryCommandInput,
  client: DynamoDBDocumentClient = documentClient(),
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client }, input)) items.push(...(page.Items ?? []));
  return items;
};

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/**
 * Puts and deletes in BatchWriteItem calls of 25, re-sending what DynamoDB left unprocessed
 * with a capped exponential backoff. Without `maxAttempts` it tries until everything is
 * written; with it, a chunk still unprocessed after that many calls throws, naming `what`.
 */
export const batchWriteAll = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly WriteRequest[],
  limit: { readonly maxAttempts?: number; readonly what?: string } = {},
): Promise<void> => {
  const maxAttempts = limit.maxAttempts ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < requests.length; i += 25) {
    let pending: BatchWriteCommandInput['RequestItems'] | undefined = { [tableName]: requests.slice(i, i + 25) };
    for (let attempt = 0; pending && Object.keys(pending).length > 0; attempt++) {
      if (attempt >= maxAttempts) {
        const left = Object.values(pending).reduce((n, list) => n + list.length, 0);
        throw new Error(`could not write ${requests.length} ${limit.what ?? 'items'}: the table kept ${left} unprocessed after ${attempt} tries`);
      }
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1_000, 25 * 2 ** attempt)));
      pending = (await client.send(new BatchWriteCommand({ RequestItems: pending }))).UnprocessedItems;
    }
  }
};

type KeysAndAttributes = NonNullable<BatchGetCommandInput['RequestItems']>[string];

/**
 * The items of `keys` (absent ones left out, in no particular order) in BatchGetItem calls of
 * 100, re-asking for what DynamoDB left unprocessed with the same backoff as batchWriteAll.
 */
export const batchGetAll = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Record<string, unknown>[],
  options: Omit<KeysAndAttributes, 'Keys'> = {},
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: BatchGetCommandInput['RequestItems'] | undefined = { [tableName]: { ...options, Keys: keys.slice(i, i + 100) } };
    for (let attempt = 0; pending && Object.keys(pending).length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1_000, 25 * 2 ** attempt)));
      const result: BatchGetCommandOutput = await client.send(new BatchGetCommand({ RequestItems: pending }));
      items.push(...(result.Responses?.[tableName] ?? []));
      pending = result.UnprocessedKeys;
    }
  }
  return items;
};
