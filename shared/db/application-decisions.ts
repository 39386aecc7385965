/** Managers' decisions and the review workflow's task token, on the application item. */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ApplicationAlreadyDecidedError, ApplicationChangedError, DecisionNotOpenError } from '../domain/applications/errors.js';
import type { ApplicationRepository } from '../domain/applications/ports.js';
import type { ApplicationStatus } from '../domain/applications/schema.js';
import { applicationKeys as applicationEntityKeys } from './entities/application.js';
import { toRecord } from './application-items.js';
import type { ApplicationWrites } from './application-writes.js';

export const applicationDecisions = (w: ApplicationWrites): Pick<ApplicationRepository, 'recordDecision' | 'withdrawDecision' | 'storeTaskToken' | 'clearTaskToken'> => {
  const { client, tableName, transact, getApplication, eventItems } = w;
  return {
    async recordDecision(id, decision) {
      try {
        const { Attributes } = await client.send(
          new UpdateCommand({
            TableName: tableName(),
            Key: applicationEntityKeys.item(id),
            UpdateExpression: 'SET decision = :d',
            ConditionExpression: '#status = :pending AND attribute_exists(taskToken) AND attribute_not_exists(decision)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':d': decision, ':pending': 'pending' },
            ReturnValues: 'ALL_NEW',
          }),
        );
        const application = toRecord(Attributes ?? {});
        return { application, taskToken: String(application.taskToken) };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const current = await getApplication(id);
        const status: ApplicationStatus | 'unknown' = current?.status ?? 'unknown';
        if (status === 'pending' && current?.decision === undefined) {
          throw new DecisionNotOpenError(`application ${id} is not waiting for a decision yet (its review is screening it); retry in a moment`, {
            cause: error,
          });
        }
        throw new ApplicationAlreadyDecidedError(id, status, { cause: error });
      }
    },

    async withdrawDecision(id, decision) {
      await client
        .send(
          new UpdateCommand({
            TableName: tableName(),
            Key: applicationEntityKeys.item(id),
            UpdateExpression: 'REMOVE decision',
            ConditionExpression: 'decision.#at = :at AND decision.#by = :by',
            ExpressionAttributeNames: { '#at': 'at', '#by': 'by' },
            ExpressionAttributeValues: { ':at': decision.at, ':by': decision.by },
          }),
        )
        .catch((error: unknown) => {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        });
    },

    async storeTaskToken(id, taskToken) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName(),
            Key: applicationEntityKeys.item(id),
            UpdateExpression: 'SET taskToken = :t',
            ConditionExpression: '#status = :pending AND attribute_not_exists(decision)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':t': taskToken, ':pending': 'pending' },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new ApplicationChangedError(id, { cause: error });
        throw error;
      }
    },

    async clearTaskToken(application, events) {
      // Cancelled only when the application left pending: nothing to void, nobody to remind.
      await transact(
        [
          {
            Update: {
              TableName: tableName(),
              Key: applicationEntityKeys.item(application.id),
              UpdateExpression: 'REMOVE taskToken',
              ConditionExpression: '#status = :pending',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':pending': 'pending' },
            },
          },
          ...eventItems(events, application),
        ],
        `the task token of application ${application.id}`,
      );
    },
  };
};
