/**
 * Some fields of a volunteer's profile (`VOL#<sub>` / `PROFILE`), read with a projection and
 * validated with a schema of those fields only: a handler that needs a few fields carries
 * neither the volunteer repository nor the profile schema and its reference tables (issue 17).
 * Never the national ID: only the fields a schema names are read.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod.js';
import type { ScreeningProfile } from '../domain/applications/screening.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { volunteerKeys } from './entities/volunteer.js';

export const profileFieldReads = <S extends z.ZodMiniObject>(fields: S, client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName) => {
  const names = Object.keys(fields.shape);
  return {
    async get(sub: string): Promise<z.output<S> | undefined> {
      const { Item } = await client.send(
        new GetCommand({
          TableName: tableName(),
          Key: volunteerKeys.item(sub),
          ProjectionExpression: names.map((_, i) => `#f${i}`).join(', '),
          ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#f${i}`, name])),
        }),
      );
      return Item ? fields.parse(Item) : undefined;
    },
  };
};

/** What screening an application reads of the profile (shared/domain/applications/screening.ts). */
const ScreeningFields = /* @__PURE__ */ z.object({
  nameAr: /* @__PURE__ */ z.string(),
  nameEn: /* @__PURE__ */ z.string(),
  birthDate: /* @__PURE__ */ z.string(),
  email: /* @__PURE__ */ z.string(),
  phone: /* @__PURE__ */ z.string(),
  city: /* @__PURE__ */ z.string(),
  professions: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  acceptedCharterVersion: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});

/** The profile fields applying and claiming a team seat screen (ApplicationDeps['volunteers']). */
export const screeningProfiles = (client?: DynamoDBDocumentClient, tableName?: () => string): { get(sub: string): Promise<ScreeningProfile | undefined> } =>
  profileFieldReads(ScreeningFields, client, tableName);

/** What the company contribution reports read of the profile: the volunteer's choice to count in their employer's reports. */
const CompanyReportsFields = /* @__PURE__ */ z.object({ preferences: /* @__PURE__ */ z.object({ companyReports: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()) }) });

/** Whether the volunteer counts in their employer's reports (ContributionDeps['consents']): absent means yes, and so does a missing profile. */
export const companyReportConsents =
  (client?: DynamoDBDocumentClient, tableName?: () => string) =>
  async (sub: string): Promise<boolean> =>
    (await profileFieldReads(CompanyReportsFields, client, tableName).get(sub))?.preferences.companyReports !== false;
