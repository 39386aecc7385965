/** Applications themselves: creation (with the volunteer–shift marker), reads, lists by volunteer and by organisation queue, and plain transitions. */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AlreadyAppliedError, ApplicationChangedError } from '../domain/applications/errors.js';
import type { ApplicationRepository } from '../domain/applications/ports.js';
import { failedAt, type TransactItem } from './transactions.js';
import { appliedMarker } from './entities/applied-marker.js';
import { applicationKeys as applicationEntityKeys, applicationHistory } from './entities/application.js';
import { newApplicationItems } from './application-items.js';
import type { ApplicationWrites } from './application-writes.js';

export const applicationCore = (w: ApplicationWrites): Pick<ApplicationRepository, 'create' | 'get' | 'history' | 'markerOf' | 'listByVolunteer' | 'listByOrganization' | 'transition'> => {
  const { client, tableName, transact, applicationUpdate, closingHistory, releaseMarker, query, getApplication, eventItems } = w;
  return {
    async create(application, first, events) {
      const TableName = tableName();
      const reasons = await transact(
        [
          ...newApplicationItems(TableName, application, first),
          ...eventItems(events, application),
        ],
        `application ${application.id}`,
      );
      if (!reasons) return;
      if (failedAt(reasons, 1)) {
        throw new AlreadyAppliedError(application.shiftId, await this.markerOf(application.volunteerId, application.shiftId));
      }
      throw new ApplicationChangedError(application.id);
    },

    get: getApplication,

    async history(id) {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :h)',
          ExpressionAttributeValues: { ':pk': applicationEntityKeys.item(id).PK, ':h': applicationHistory.keys.prefix },
          ConsistentRead: true,
        }),
      );
      return (page.Items ?? []).map((item) => {
        const { applicationId: _a, ...change } = applicationHistory.fromItem(item);
        return change;
      });
    },

    async markerOf(volunteerId, shiftId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: appliedMarker.keys.item(volunteerId, shiftId), ConsistentRead: true }));
      return Item ? appliedMarker.fromItem(Item).applicationId : undefined;
    },

    listByVolunteer: (volunteerId, limit, cursor) =>
      query({
        index: 'GSI1',
        partitionAttribute: 'GSI1PK',
        sortAttribute: 'GSI1SK',
        partition: applicationEntityKeys.volunteerPartition(volunteerId),
        limit,
        cursor,
        newestFirst: true,
      }),

    listByOrganization: (orgId, status, limit, cursor) =>
      query({
        index: 'GSI2',
        partitionAttribute: 'GSI2PK',
        sortAttribute: 'GSI2SK',
        partition: applicationEntityKeys.reviewPartition(orgId, status),
        limit,
        cursor,
        newestFirst: false,
      }),

    async transition(application, change, options = {}) {
      const { update, next, history } = applicationUpdate(application, change);
      const items: TransactItem[] = [
        update,
        history as TransactItem,
        ...(options.releaseMarker ? [releaseMarker(application)] : []),
        ...eventItems(options.events, next),
        ...(await closingHistory(application, change)),
      ];
      const reasons = await transact(items, `application ${application.id}`);
      if (reasons) throw new ApplicationChangedError(application.id);
      return next;
    },
  };
};
