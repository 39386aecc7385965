/**
 * TransactWriteItems with the retry every repository needs: a transaction cancelled only by a
 * TransactionConflict (another transaction on the same item at the same moment) is tried again
 * after a jittered pause, so that the loser of a race sees the winner's item and fails its
 * condition with a meaningful, named error instead of a generic conflict.
 */
import { TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Cancelled only because another transaction touched the same items at the same moment. */
export const onlyConflicts = (reasons: readonly CancellationReason[] | undefined): boolean =>
  (reasons ?? []).some((r) => r.Code === 'TransactionConflict') &&
  (reasons ?? []).every((r) => r.Code === 'TransactionConflict' || r.Code === 'None' || r.Code === undefined);

/** The condition of item `index` of the transaction failed. */
export const failedAt = (reasons: readonly CancellationReason[] | undefined, index: number): boolean =>
  reasons?.[index]?.Code === 'ConditionalCheckFailed';

export interface TransactOptions {
  /** Attempts before giving up on a contended item. */
  readonly attempts: number;
  /** The error thrown when every attempt met a conflict. */
  readonly contended: (attempts: number, cause: TransactionCanceledException) => Error;
  /** Pause before attempt `attempt + 1`, in ms. @default full jitter, 8 ms base, 400 ms cap */
  readonly backoff?: (attempt: number) => number;
  /** Called before each retry (e.g. to count them). */
  readonly onRetry?: () => void;
}

const fullJitter = (attempt: number) => Math.random() * Math.min(400, 8 * 2 ** attempt);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the transaction. Resolves `undefined` when it committed, or the cancellation (whose
 * `CancellationReasons` name the failed conditions) when a condition failed; other errors throw.
 */
export const transactWrite = async (
  client: DynamoDBDocumentClient,
  items: TransactItem[],
  options: TransactOptions,
): Promise<TransactionCanceledException | undefined> => {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: items }));
      return undefined;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      if (!onlyConflicts(error.CancellationReasons)) return error;
      if (attempt >= options.attempts) throw options.contended(attempt, error);
      options.onRetry?.();
      await pause((options.backoff ?? fullJitter)(attempt));
    }
  }
};
