/**
 * What recognition reads of a volunteer (VolunteerProfiles): the names, birth date and the two
 * preferences it uses, with a projection and a schema of those fields only, and the ratings
 * aggregate. The awards job, the Award step and the counting consumers carry neither the
 * volunteer repository and its profile schema (with the reference tables) nor the evaluation
 * repository (issue 17).
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod.js';
import { volunteerRating } from '../domain/evaluations/anonymity.js';
import type { RecognitionProfile, VolunteerProfiles } from '../domain/recognition/ports.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { volunteerAggregate } from './entities/evaluation.js';
import { volunteerPartition } from './entities/partitions.js';

/** The profile's fields recognition uses, as the profile schema reads them (a missing locale is Arabic). */
const ProfileFields = /* @__PURE__ */ z.object({
  nameAr: /* @__PURE__ */ z.string(),
  nameEn: /* @__PURE__ */ z.string(),
  birthDate: /* @__PURE__ */ z.string(),
  preferences: /* @__PURE__ */ z.object({
    locale: /* @__PURE__ */ z._default(/* @__PURE__ */ z.enum(['ar', 'en']), 'ar'),
    showAchievements: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
  }),
});

export const recognitionProfiles = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): VolunteerProfiles => {
  return {
    async ratings(volunteerIds) {
      const views = await Promise.all(
        volunteerIds.map(async (id) => {
          const { Item: item } = await client.send(new GetCommand({ TableName: tableName(), Key: volunteerAggregate.keys.item(id), ConsistentRead: true }));
          return volunteerRating(id, item ? volunteerAggregate.fromItem(item) : undefined);
        }),
      );
      return new Map(views.flatMap((view) => (view.overall === undefined ? [] : [[view.volunteerId, view.overall] as const])));
    },
    async profile(volunteerId): Promise<RecognitionProfile | undefined> {
      const { Item: item } = await client.send(
        new GetCommand({ TableName: tableName(), Key: { PK: volunteerPartition(volunteerId), SK: 'PROFILE' }, ProjectionExpression: 'nameAr, nameEn, birthDate, preferences' }),
      );
      if (!item) return undefined;
      const { nameAr, nameEn, birthDate, preferences } = ProfileFields.parse(item);
      return {
        nameAr,
        nameEn,
        birthDate,
        locale: preferences.locale,
        ...(preferences.showAchievements !== undefined && { showAchievements: preferences.showAchievements }),
      };
    },
  };
};
