/**
 * What the approval message says of an hours record (consumers/notify-hours): the minutes
 * approved and requested, the reason of the last decision and the dispute deadline, read with a
 * projection and validated with a schema of those fields, not the whole record (issue 17).
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { hoursRecordKeys } from './entities/hours-record.js';

const Minutes = /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0));
const ApprovalFields = /* @__PURE__ */ z.object({
  minutes: Minutes,
  requestedMinutes: Minutes,
  decisions: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) })),
  disputeUntil: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type HoursApprovalNotice = z.output<typeof ApprovalFields>;

const NAMES = ['minutes', 'requestedMinutes', 'decisions', 'disputeUntil'];

export const hoursApprovalNotices = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName) => ({
  async get(hoursId: string): Promise<HoursApprovalNotice | undefined> {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName(),
        Key: hoursRecordKeys.item(hoursId),
        ConsistentRead: true,
        ProjectionExpression: NAMES.map((_, i) => `#f${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(NAMES.map((name, i) => [`#f${i}`, name])),
      }),
    );
    return Item ? ApprovalFields.parse(Item) : undefined;
  },
});
