/**
 * The erasure's seat release (issue 18): the person's applications not yet closed whose shift
 * has not started, from their applications partition (GSI1). Its own module so that the
 * releaseSeats step carries none of the erasure store's other entities (issue 17).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ErasureStore } from '../domain/personal-data/erasure.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { applicationKeys } from './entities/application.js';
import { itemsOf } from './personal-data-repository.js';

const OPEN = /* @__PURE__ */ new Set(['submitted', 'pending', 'waitlisted']);

export const openApplicationReads = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): Pick<ErasureStore, 'openApplications'> => ({
  async openApplications(sub, now) {
    const list = await itemsOf(client, tableName(), { index: 'GSI1', partition: applicationKeys.volunteerPartition(sub) });
    return list
      .filter((item) => OPEN.has(String(item.status)) || (item.status === 'approved' && String(item.shiftStart) > now))
      .map((item) => ({ id: String(item.id), status: String(item.status) }));
  },
});
