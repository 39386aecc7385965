/**
 * Where a volunteer's personal data lives in the single table (issue 18), read by access
 * pattern, never by Scan: their own partitions (profile, consent history, charter, bookings,
 * trainings…; register; recognition standing; points; leaderboard entries; matches), their
 * index partitions (applications and hours on GSI1, ratings received on GSI1, messages on
 * GSI2, the employee records of every company they joined on GSI2), the ratings they gave (one
 * GetItem per shift they applied to or worked), and what their company items point to: the join
 * codes and messages sent to their work addresses (GSI2) and their programme participations and time-off
 * balances (BatchGet through the hours pointers in their partition).
 * The items are grouped by their `entity` attribute; the domain decides what a copy shows.
 */
import { BatchGetCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { HeldData, PersonalDataReader, Row } from '../domain/personal-data/ports.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { applicationKeys } from './entities/application.js';
import { companyEmployeeKeys, joinCodeKeys } from './entities/company-employee.js';
import { vtoHoursPointer, vtoParticipationKeys, vtoQuotaKeys } from './entities/company-program.js';
import { KEY_ATTRIBUTES, type Item } from './entities/entity.js';
import { experienceEvaluationKeys, volunteerEvaluationKeys } from './entities/evaluation.js';
import { hoursRecordKeys } from './entities/hours-record.js';
import { matchKeys } from './entities/match.js';
import { notificationKeys } from './entities/notification.js';
import { leaderboardEntryKeys, pointsLedgerKeys, recognitionStatsKeys } from './entities/recognition.js';
import { registerPartition } from './entities/register-entry.js';
import { volunteerKeys } from './entities/volunteer.js';

/** The notifier's recipient id of a volunteer (shared/messaging/notifier.ts). */
export const volunteerRecipientId = (sub: string): string => `volunteer:${sub}`;

/** A place a volunteer's items are: a table partition, or an index partition. */
export interface Holding {
  readonly index?: 'GSI1' | 'GSI2';
  readonly partition: string;
}

/** Every partition that holds only this volunteer's items (their data, wherever it is keyed by them). */
export const holdingsOf = (sub: string): readonly Holding[] => [
  { partition: volunteerKeys.partition(sub) },
  { partition: registerPartition(sub) },
  { partition: recognitionStatsKeys.standing(sub) },
  { partition: pointsLedgerKeys.partition(sub) },
  { partition: leaderboardEntryKeys.volunteerPartition(sub) },
  { partition: matchKeys.partition(sub) },
  { index: 'GSI1', partition: applicationKeys.volunteerPartition(sub) },
  { index: 'GSI1', partition: hoursRecordKeys.volunteerPartition(sub) },
  { index: 'GSI1', partition: volunteerEvaluationKeys.volunteerPartition(sub) },
  { index: 'GSI2', partition: notificationKeys.recipientPartition(volunteerRecipientId(sub)) },
  { index: 'GSI2', partition: companyEmployeeKeys.volunteerPartition(sub) },
];

/** Items by key, all of them (BatchGet in 100s, unprocessed keys asked again). */
export const itemsByKey = async (client: DynamoDBDocumentClient, tableName: string, keys: readonly Record<string, unknown>[]): Promise<Item[]> => {
  const found: Item[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
    while (pending && pending.length > 0) {
      const answer: BatchGetCommandOutput = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
      found.push(...(answer.Responses?.[tableName] ?? []));
      pending = answer.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return found;
};

/** The work addresses a volunteer joined companies with (their membership and every stint of their employee records). */
const workEmails = (items: readonly Item[]): string[] => {
  const emails = new Set<string>();
  for (const item of items) {
    if (typeof item.workEmail === 'string') emails.add(item.workEmail.toLowerCase());
    for (const stint of (item.stints as { workEmail?: unknown }[] | undefined) ?? []) if (typeof stint.workEmail === 'string') emails.add(stint.workEmail.toLowerCase());
  }
  return [...emails];
};

/**
 * The company items a volunteer's own items lead to (issue 18): the join codes and messages sent
 * to the work addresses of their membership and employee records, and — through the hours pointers of their
 * partition — their programme participations and time-off balances. `own` are the items of
 * their partitions (at least the VOL# partition and the employee records on GSI2).
 */
export const companyItemsOf = async (client: DynamoDBDocumentClient, tableName: string, sub: string, own: readonly Item[]): Promise<Item[]> => {
  const employment = own.filter((item) => item.entity === 'CompanyEmployee' || item.entity === 'CompanyMembership');
  const byAddress = workEmails(employment).flatMap((email): Holding[] => [
    { index: 'GSI2', partition: joinCodeKeys.addressPartition(email) },
    { index: 'GSI2', partition: notificationKeys.recipientPartition(`email:${email}`) },
  ]);
  const codes = (await Promise.all(byAddress.map((holding) => itemsOf(client, tableName, holding)))).flat();
  const pointers = own.filter((item) => item.entity === vtoHoursPointer.name).map((item) => vtoHoursPointer.fromItem(item));
  const keys = new Map<string, Record<string, unknown>>();
  for (const p of pointers) {
    for (const key of [vtoParticipationKeys.item(p.companyId, p.programId, p.participationId), vtoQuotaKeys.item(p.companyId, p.programId, sub)]) keys.set(`${key.PK}|${key.SK}`, key);
  }
  return [...codes, ...(await itemsByKey(client, tableName, [...keys.values()]))];
};

/** Items of one holding (all pages: a person's partitions are bounded). */
export const itemsOf = (client: DynamoDBDocumentClient, tableName: string, holding: Holding): Promise<Item[]> => {
  const key = holding.index ? `${holding.index}PK` : 'PK';
  const input: QueryCommandInput = {
    TableName: tableName,
    ...(holding.index && { IndexName: holding.index }),
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': key },
    ExpressionAttributeValues: { ':pk': holding.partition },
  };
  return queryAll(input, client);
};

/** Which section of the copy an entity belongs to; the others go to `other` by entity name. */
const SECTION_OF: Readonly<Record<string, Exclude<keyof HeldData, 'profile' | 'other'>>> = {
  ConsentChange: 'consentHistory',
  CharterAcceptance: 'charterAcceptances',
  Application: 'applications',
  HoursRecord: 'hours',
  RegisterEntry: 'register',
  RegisterTotal: 'register',
  Certificate: 'certificates',
  EarnedBadge: 'badges',
  PointsEntry: 'points',
  TrainingCompletion: 'trainings',
  TrainingAttempt: 'trainings',
  TrainingAttemptLog: 'trainings',
  ExperienceEvaluation: 'evaluationsGiven',
  VolunteerEvaluation: 'evaluationsReceived',
  Notification: 'messages',
  CompanyMembership: 'companies',
  CompanyEmployee: 'companies',
  JoinCode: 'companies',
  VtoParticipation: 'companies',
  VtoQuota: 'companies',
  VtoHoursPointer: 'companies',
};

const record = (item: Item): Row => {
  const copy: Row = { ...item };
  for (const name of KEY_ATTRIBUTES) delete copy[name];
  return copy;
};

export const personalDataRepository = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): PersonalDataReader & { givenRatings(sub: string, shiftIds: readonly string[]): Promise<Item[]> } => {
  const givenRatings = (sub: string, shiftIds: readonly string[]): Promise<Item[]> =>
    itemsByKey(client, tableName(), shiftIds.map((shiftId) => experienceEvaluationKeys.item(shiftId, sub)));

  return {
    givenRatings,
    async held(sub) {
      const items = (await Promise.all(holdingsOf(sub).map((holding) => itemsOf(client, tableName(), holding)))).flat();
      const shiftIds = [...new Set(items.filter((item) => item.entity === 'Application' || item.entity === 'HoursRecord').map((item) => String(item.shiftId ?? '')).filter(Boolean))];
      items.push(...(await givenRatings(sub, shiftIds)), ...(await companyItemsOf(client, tableName(), sub, items)));
      const held: { -readonly [K in keyof HeldData]: K extends 'profile' ? Row | undefined : K extends 'other' ? Record<string, Row[]> : Row[] } = {
        profile: undefined,
        consentHistory: [],
        charterAcceptances: [],
        applications: [],
        hours: [],
        register: [],
        certificates: [],
        badges: [],
        points: [],
        trainings: [],
        evaluationsGiven: [],
        evaluationsReceived: [],
        messages: [],
        companies: [],
        other: {},
      };
      for (const item of items) {
        const entity = String(item.entity ?? 'Unknown');
        if (entity === 'Volunteer') held.profile = record(item);
        else if (SECTION_OF[entity] === 'companies') held.companies.push({ kind: entity, ...record(item) });
        else if (SECTION_OF[entity]) held[SECTION_OF[entity]].push(record(item));
        else (held.other[entity] ??= []).push(record(item));
      }
      return held;
    },
  };
};
