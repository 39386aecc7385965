/**
 * The two profile fields an hours record's track is derived from (professions, skills), read
 * with a projection and a schema of those two fields only: the hours writes' bundles carry
 * neither the volunteer repository nor the profile schema and its reference tables (issue 17).
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod.js';
import type { VolunteerTrack } from '../domain/hours/ports.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { volunteerPartition } from './entities/partitions.js';

const TrackFields = /* @__PURE__ */ z.object({
  professions: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  skills: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ name: /* @__PURE__ */ z.string() })),
});

export const volunteerTrackReads = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName) => ({
  async get(sub: string): Promise<VolunteerTrack | undefined> {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName(),
        Key: { PK: volunteerPartition(sub), SK: 'PROFILE' },
        ProjectionExpression: '#p, #s',
        ExpressionAttributeNames: { '#p': 'professions', '#s': 'skills' },
      }),
    );
    return Item ? TrackFields.parse(Item) : undefined;
  },
});
