/**
 * Fault injection for the local platform and the crash tests (issue 10 §3): a share of the
 * calls to DynamoDB, SES and SMS fail the way the real services fail under load, so that the
 * retries, the conflict handling and the dead letters are exercised for real.
 *
 *   LOCAL_FAULTS="dynamodb-throttle=0.05,transaction-conflict=0.03,ses=0.2,sms=0.2"
 *
 * - `dynamodb-throttle`: that share of DynamoDB calls fails with
 *   ProvisionedThroughputExceededException *inside* the SDK's retry loop (the SDK retries
 *   throttling, as it does against the real service);
 * - `transaction-conflict`: that share of TransactWriteItems is cancelled with
 *   TransactionConflict on every item (the SDK does not retry it; the repositories do);
 * - `ses` / `sms`: that share of sends fails with a transient provider error (the notifier
 *   retries, then dead-letters).
 *
 * Only ever active on the local platform (`TATAWWU_MODE=local` with a local DynamoDB
 * endpoint); a deployed function ignores the variable.
 */
import {
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { env } from './env.js';

export type FaultKind = 'dynamodb-throttle' | 'transaction-conflict' | 'ses' | 'sms';
const KINDS: readonly FaultKind[] = ['dynamodb-throttle', 'transaction-conflict', 'ses', 'sms'];

/** The shares configured in LOCAL_FAULTS (0 for what is not named); all 0 outside the local platform. */
export const faultShares = (raw: string | undefined = process.env.LOCAL_FAULTS): Record<FaultKind, number> => {
  const shares: Record<FaultKind, number> = { 'dynamodb-throttle': 0, 'transaction-conflict': 0, ses: 0, sms: 0 };
  if (!raw || env.mode !== 'local' || !env.dynamoEndpoint) return shares;
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, value] = part.split('=');
    const share = Number(value);
    if (!KINDS.includes(name as FaultKind) || !(share >= 0 && share <= 1)) {
      throw new Error(`LOCAL_FAULTS: "${part}" is not <${KINDS.join('|')}>=<share between 0 and 1>`);
    }
    shares[name as FaultKind] = share;
  }
  return shares;
};

const injected: Record<FaultKind, number> = { 'dynamodb-throttle': 0, 'transaction-conflict': 0, ses: 0, sms: 0 };
/** How many faults this process injected so far (the local platform shows them at GET /local/faults). */
export const injectedFaults = (): Readonly<Record<FaultKind, number>> => ({ ...injected });

/** True when this call should fail (and counts it). */
export const shouldFail = (kind: FaultKind, shares: Record<FaultKind, number> = faultShares()): boolean => {
  if (shares[kind] <= 0 || Math.random() >= shares[kind]) return false;
  injected[kind] += 1;
  return true;
};

/** A transient provider error, as SES or the SMS service answer when throttled. */
export const providerFault = (kind: 'ses' | 'sms'): Error =>
  Object.assign(new Error(`injected ${kind} fault (LOCAL_FAULTS)`), { name: 'ThrottlingException', $fault: 'client', $retryable: { throttling: true } });

/** Adds the DynamoDB faults of LOCAL_FAULTS to `client` (nothing when none is configured). */
export const injectDynamoFaults = (client: DynamoDBClient): DynamoDBClient => {
  const shares = faultShares();
  if (shares['dynamodb-throttle'] <= 0 && shares['transaction-conflict'] <= 0) return client;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const $metadata = { httpStatusCode: 400, attempts: 1 };
      if (shouldFail('dynamodb-throttle', shares)) {
        throw new ProvisionedThroughputExceededException({ message: 'injected throttling (LOCAL_FAULTS)', $metadata });
      }
      if (context.commandName === 'TransactWriteItemsCommand' && shouldFail('transaction-conflict', shares)) {
        const items = ((args.input as { TransactItems?: unknown[] }).TransactItems ?? []).length;
        throw new TransactionCanceledException({
          message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict] (injected, LOCAL_FAULTS)',
          $metadata,
          CancellationReasons: Array.from({ length: Math.max(1, items) }, () => ({ Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' })),
        });
      }
      return next(args);
    },
    // Inside the SDK's retry loop (retryMiddleware is finalizeRequest/high): throttling is retried by the SDK.
    { step: 'finalizeRequest', priority: 'low', name: 'localFaultInjection' },
  );
  return client;
};
