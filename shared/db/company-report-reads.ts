/**
 * What the monthly impact run reads of companies (issue 15): who receives the contribution
 * emails and each company's employee counters. The company's status and names and the admins'
 * addresses and languages are read with projections and schemas of those fields only, so the
 * `impact` job carries neither the company, employee nor volunteer repository (issue 17).
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod.js';
import type { CompanyAdmin } from '../domain/companies/schema.js';
import type { CompanyRecipients } from '../domain/companies/monthly-report.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { companyAdmin } from './entities/company.js';
import { companyEmployeeCounts } from './entities/company-employee.js';
import { companyPartition, volunteerPartition } from './entities/partitions.js';

const CompanyNames = /* @__PURE__ */ z.object({ status: /* @__PURE__ */ z.string(), nameAr: /* @__PURE__ */ z.string(), nameEn: /* @__PURE__ */ z.string() });

/** The profile's address and language, as the profile schema reads them (a missing locale is Arabic). */
const AdminContact = /* @__PURE__ */ z.object({
  email: /* @__PURE__ */ z.string(),
  preferences: /* @__PURE__ */ z.object({ locale: /* @__PURE__ */ z._default(/* @__PURE__ */ z.enum(['ar', 'en']), 'ar') }),
});

/**
 * Who receives the monthly contribution emails: the admins of every active company (one GSI1
 * partition of admins, by company), each with the language of their profile (Arabic without one).
 */
export const companyReportRecipients = async (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): Promise<CompanyRecipients[]> => {
  const items = await queryAll(
    { TableName: tableName(), IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': companyAdmin.keys.all } },
    client,
  );
  const byCompany = new Map<string, CompanyAdmin[]>();
  for (const admin of items.map((item) => companyAdmin.fromItem(item))) byCompany.set(admin.companyId, [...(byCompany.get(admin.companyId) ?? []), admin]);
  const out: CompanyRecipients[] = [];
  for (const [companyId, admins] of byCompany) {
    const { Item: item } = await client.send(
      new GetCommand({
        TableName: tableName(),
        Key: { PK: companyPartition(companyId), SK: 'PROFILE' },
        ProjectionExpression: '#s, nameAr, nameEn',
        ExpressionAttributeNames: { '#s': 'status' },
        ConsistentRead: true,
      }),
    );
    const found = item && CompanyNames.parse(item);
    if (found?.status !== 'active') continue;
    const profiles = await Promise.all(
      admins.map(async (a) => {
        const { Item: profile } = await client.send(
          new GetCommand({ TableName: tableName(), Key: { PK: volunteerPartition(a.sub), SK: 'PROFILE' }, ProjectionExpression: 'email, preferences' }),
        );
        return profile && AdminContact.parse(profile);
      }),
    );
    const reachable = admins.flatMap((a, i) => {
      const email = a.email ?? profiles[i]?.email;
      return email ? [{ sub: a.sub, email, locale: profiles[i]?.preferences.locale ?? ('ar' as const) }] : [];
    });
    out.push({ companyId, nameAr: found.nameAr, nameEn: found.nameEn, admins: reachable });
  }
  return out;
};

/** A company's employee counters (current members, ever joined). */
export const employeeCounts = async (
  companyId: string,
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): Promise<{ current: number; joined: number }> => {
  const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: companyEmployeeCounts.keys.item(companyId), ConsistentRead: true }));
  return Item ? companyEmployeeCounts.fromItem(Item) : { current: 0, joined: 0 };
};
