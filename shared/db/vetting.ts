/**
 * The writes of a vetted registration (an organisation, a company) while its onboarding
 * workflow runs, shared by their repositories: the workflow's task token and the reviewer's
 * decision live on the registration's profile item, guarded by conditions (pending, waiting,
 * undecided), so a decision is taken once and never before the workflow waits for it.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RecordedDecision } from '../domain/decision.js';
import { ConflictError, NotFoundError } from '../domain/errors.js';
import { DecisionAlreadyMadeError, DecisionNotOpenError } from '../domain/organizations/errors.js';
import type { TransactItem } from './transactions.js';

type Key = Record<string, unknown>;

export interface VettedItem {
  readonly key: Key;
  /** For messages: `organisation 01J…`, `company 01J…`. */
  readonly noun: string;
}

export const vettingWrites = (client: DynamoDBDocumentClient, tableName: () => string) => {
  const current = async (key: Key) =>
    (await client.send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item;
  const update = (key: Key, input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>) =>
    client.send(new UpdateCommand({ TableName: tableName(), Key: key, ...input }));
  const conditionFailed = (error: unknown) => error instanceof ConditionalCheckFailedException;

  return {
    /** Records the decision if pending, waiting (a token stored) and undecided; returns the token. */
    async recordDecision({ key, noun }: VettedItem, decision: RecordedDecision): Promise<string> {
      try {
        const { Attributes } = await update(key, {
          UpdateExpression: 'SET #decision = :decision, updatedAt = :at REMOVE taskToken',
          ConditionExpression: '#status = :pending AND attribute_exists(taskToken) AND attribute_not_exists(#decision)',
          ExpressionAttributeNames: { '#status': 'status', '#decision': 'decision' },
          ExpressionAttributeValues: { ':decision': decision, ':pending': 'pending', ':at': decision.at },
          ReturnValues: 'ALL_OLD',
        });
        return String(Attributes?.taskToken);
      } catch (error) {
        if (!conditionFailed(error)) throw error;
        const item = await current(key);
        if (!item) throw new NotFoundError(`${noun} not found`, { cause: error });
        if (item.status !== 'pending' || item.decision !== undefined) {
          throw new DecisionAlreadyMadeError(`${noun} was already decided (status ${String(item.status)})`, { cause: error });
        }
        throw new DecisionNotOpenError(`${noun} is not waiting for a decision yet; retry in a few seconds`, { cause: error });
      }
    },

    /** Takes back a decision whose task token was no longer accepted (the wait timed out meanwhile). */
    async withdrawDecision({ key }: VettedItem, decision: RecordedDecision): Promise<void> {
      try {
        await update(key, {
          UpdateExpression: 'REMOVE #decision',
          ConditionExpression: '#decision.#at = :at AND #decision.#by = :by',
          ExpressionAttributeNames: { '#decision': 'decision', '#at': 'at', '#by': 'by' },
          ExpressionAttributeValues: { ':at': decision.at, ':by': decision.by },
        });
      } catch (error) {
        // Another decision replaced it meanwhile: nothing of ours to take back.
        if (!conditionFailed(error)) throw error;
      }
    },

    /** Keeps the waiting execution's token, while the registration is pending. */
    async storeTaskToken({ key, noun }: VettedItem, taskToken: string): Promise<void> {
      try {
        await update(key, {
          UpdateExpression: 'SET taskToken = :token',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':token': taskToken, ':pending': 'pending' },
        });
      } catch (error) {
        if (conditionFailed(error)) throw new ConflictError(`${noun} is no longer pending; it cannot wait for a decision`, { cause: error });
        throw error;
      }
    },

    /** Drops the token of a wait that timed out. */
    async clearTaskToken({ key, noun }: VettedItem): Promise<void> {
      try {
        await update(key, { UpdateExpression: 'REMOVE taskToken', ConditionExpression: 'attribute_exists(PK)' });
      } catch (error) {
        if (conditionFailed(error)) throw new NotFoundError(`${noun} not found`, { cause: error });
        throw error;
      }
    },

    /**
     * Moves the registration `from` → `to` with the other writes of the change (its history
     * entry, markers, the outbox events) in one transaction. `already` when it is in `to`
     * already (a retried task); a ConflictError when it is in another status.
     */
    async transition({ key, noun }: VettedItem, from: string, to: string, at: string, items: readonly TransactItem[]): Promise<'applied' | 'already'> {
      const status: TransactItem = {
        Update: {
          TableName: tableName(),
          Key: key,
          UpdateExpression: 'SET #status = :to, updatedAt = :at REMOVE taskToken',
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':to': to, ':from': from, ':at': at },
        },
      };
      try {
        await client.send(new TransactWriteCommand({ TransactItems: [status, ...items] }));
        return 'applied';
      } catch (error) {
        const failed = error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');
        if (!failed) throw error;
        const item = await current(key);
        if (item?.status === to) return 'already';
        throw new ConflictError(`${noun} is ${String(item?.status ?? 'missing')}, not ${from}; it cannot become ${to}`, { cause: error });
      }
    },
  };
};
