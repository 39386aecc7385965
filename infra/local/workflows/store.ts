/**
 * Where the local runner keeps its executions so that they outlive the process: DynamoDB
 * Local, in the local-only table (`<table>-services`, created from `localOnlyTable` in
 * shared/db/table.ts) so that runner bookkeeping never mixes with domain items or their stream.
 *
 * Items (PK / SK), each with `entity`:
 * - `LocalExecution`  EXECUTIONS / <executionArn>: status, input, output, and the checkpoint
 *   (the top-level state it is in, that state's input, the open task token or the end of a Wait);
 * - `LocalHistoryEvent`  EXECHIST#<executionArn> / <seq, 8 digits>: one history event;
 * - `LocalTaskToken`  EXECTOKEN#<token> / TOKEN: the token's task, deadline, and how it closed
 *   (with the decision that closed it, so a decision accepted just before a crash is not lost).
 * JSON documents (inputs, outputs, events) are stored as strings: no marshalling surprises.
 * Listing executions at start is a Query of one partition (no Scan); fine for one machine.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, paginateQuery, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ExecutionStatus } from '../../../shared/workflows/client.js';
import type { TaskClosedReason } from '../../../shared/workflows/errors.js';

export interface HistoryEvent {
  readonly at: string;
  /** ExecutionStarted, ExecutionResumed, StateEntered, StateExited, StateFailed, StateRetried, StateCaught, ExecutionSucceeded, ExecutionFailed, ExecutionAborted, ExecutionTimedOut (and Map/Parallel events). */
  readonly type: string;
  readonly state?: string;
  readonly stateType?: string;
  readonly input?: unknown;
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: unknown;
  /** StateRetried: the attempt number. StateCaught: the catcher's Next. */
  readonly attempt?: number;
  readonly next?: string;
}

/** Where a running execution is: enough to start it again at that state after a restart. */
export interface Checkpoint {
  readonly state: string;
  /** The state's raw input (before InputPath/Parameters). */
  readonly input: unknown;
  readonly enteredAt: string;
  /** A `.waitForTaskToken` task: the token handed out (its deadline and status are on the token). */
  readonly token?: string;
  /** A Wait state: when it ends (epoch ms). */
  readonly waitUntil?: number;
}

export interface StoredExecution {
  readonly id: string;
  readonly name: string;
  readonly workflow: string;
  readonly input: unknown;
  readonly startedAt: string;
  readonly status: ExecutionStatus;
  readonly stoppedAt?: string;
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: string;
  readonly checkpoint?: Checkpoint;
}

export type TokenOutcome = { readonly output: unknown } | { readonly error: string; readonly cause?: string };

export interface StoredToken {
  readonly token: string;
  readonly executionId: string;
  readonly state: string;
  /** epoch ms */
  readonly since: number;
  readonly deadline: number;
  readonly handlerReturned: boolean;
  readonly status: 'open' | TaskClosedReason;
  /** The decision that completed the task (sendTaskSuccess / sendTaskFailure). */
  readonly outcome?: TokenOutcome;
}

export interface ExecutionStore {
  putExecution(execution: StoredExecution): Promise<void>;
  appendHistory(executionId: string, seq: number, event: HistoryEvent): Promise<void>;
  putToken(token: StoredToken): Promise<void>;
  getToken(token: string): Promise<StoredToken | undefined>;
  /** Every stored execution (without history). */
  executions(): Promise<StoredExecution[]>;
  history(executionId: string): Promise<HistoryEvent[]>;
}

const keys = {
  execution: (id: string) => ({ PK: 'EXECUTIONS', SK: id }),
  executions: 'EXECUTIONS',
  history: (id: string, seq: number) => ({ PK: `EXECHIST#${id}`, SK: String(seq).padStart(8, '0') }),
  historyOf: (id: string) => `EXECHIST#${id}`,
  token: (token: string) => ({ PK: `EXECTOKEN#${token}`, SK: 'TOKEN' }),
} as const;

const json = (value: unknown): string | undefined => (value === undefined ? undefined : JSON.stringify(value));
const parsed = (text: unknown): unknown => (typeof text === 'string' ? (JSON.parse(text) as unknown) : undefined);

export const dynamoExecutionStore = (client: DynamoDBClient, tableName: string): ExecutionStore => {
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const put = (Item: Record<string, unknown>) => db.send(new PutCommand({ TableName: tableName, Item })).then(() => undefined);
  const query = async (pk: string): Promise<Record<string, unknown>[]> => {
    const items: Record<string, unknown>[] = [];
    const pages = paginateQuery({ client: db }, { TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } });
    for await (const page of pages) items.push(...(page.Items ?? []));
    return items;
  };
  return {
    putExecution: (e) =>
      put({
        ...keys.execution(e.id),
        entity: 'LocalExecution',
        id: e.id,
        name: e.name,
        workflow: e.workflow,
        input: json(e.input),
        startedAt: e.startedAt,
        status: e.status,
        stoppedAt: e.stoppedAt,
        output: json(e.output),
        error: e.error,
        cause: e.cause,
        checkpoint: json(e.checkpoint),
      }),
    appendHistory: (id, seq, event) => put({ ...keys.history(id, seq), entity: 'LocalHistoryEvent', event: json(event) }),
    putToken: (t) => put({ ...keys.token(t.token), entity: 'LocalTaskToken', ...t, outcome: json(t.outcome) }),
    async getToken(token) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.token(token), ConsistentRead: true }));
      if (!Item) return undefined;
      return {
        token: String(Item.token),
        executionId: String(Item.executionId),
        state: String(Item.state),
        since: Number(Item.since),
        deadline: Number(Item.deadline),
        handlerReturned: Item.handlerReturned === true,
        status: Item.status as StoredToken['status'],
        ...(Item.outcome !== undefined && { outcome: parsed(Item.outcome) as TokenOutcome }),
      };
    },
    async executions() {
      return (await query(keys.executions)).map((item) => ({
        id: String(item.id),
        name: String(item.name),
        workflow: String(item.workflow),
        input: parsed(item.input),
        startedAt: String(item.startedAt),
        status: item.status as ExecutionStatus,
        ...(item.stoppedAt !== undefined && { stoppedAt: String(item.stoppedAt) }),
        ...(item.output !== undefined && { output: parsed(item.output) }),
        ...(item.error !== undefined && { error: String(item.error) }),
        ...(item.cause !== undefined && { cause: String(item.cause) }),
        ...(item.checkpoint !== undefined && { checkpoint: parsed(item.checkpoint) as Checkpoint }),
      }));
    },
    async history(id) {
      return (await query(keys.historyOf(id))).map((item) => parsed(item.event) as HistoryEvent);
    },
  };
};
