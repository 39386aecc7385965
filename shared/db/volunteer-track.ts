/**
 * The two profile fields an hours record's track is derived from (professions, skills), read
 * with a projection and a schema of those two fields only (volunteer-fields.ts): the hours
 * writes' bundles carry neither the volunteer repository nor the profile schema and its
 * reference tables (issue 17).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod.js';
import type { VolunteerTrack } from '../domain/hours/ports.js';
import { profileFieldReads } from './volunteer-fields.js';

const TrackFields = /* @__PURE__ */ z.object({
  professions: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  skills: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ name: /* @__PURE__ */ z.string() })),
});

export const volunteerTrackReads = (client?: DynamoDBDocumentClient, tableName?: () => string): { get(sub: string): Promise<VolunteerTrack | undefined> } =>
  profileFieldReads(TrackFields, client, tableName);
