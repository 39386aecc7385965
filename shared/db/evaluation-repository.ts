/**
 * Evaluations in the single table (entities/evaluation.ts). Each evaluation and the change of
 * its aggregate are one transaction: a create is conditioned on the evaluation's absence (once
 * each) and ADDs 1 to the count and the scores to the sums; an edit is conditioned on the
 * version read and ADDs the difference. So the aggregates equal a recount at every commit,
 * whatever the concurrency, and are never recounted on read.
 */
import { GetCommand, paginateQuery, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EvaluationChangedError, EvaluationExistsError } from '../domain/evaluations/errors.js';
import type { EvaluationRepository, ShiftFacts } from '../domain/evaluations/ports.js';
import type { ExperienceRecord, VolunteerEvaluationRecord } from '../domain/evaluations/schema.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { experienceAggregate, experienceEvaluation, volunteerAggregate, volunteerEvaluation } from './entities/evaluation.js';
import { shift as shiftEntity, shiftByIdQuery } from './entities/shift.js';
import { applicationKeys as applicationEntityKeys } from './entities/application.js';
import { failedAt, transactWrite, type TransactItem } from './transactions.js';

const ATTEMPTS = 10;

export const evaluationRepository = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): EvaluationRepository & { shift(shiftId: string): Promise<ShiftFacts | undefined>; experiencesOfOrganization(orgId: string): Promise<ExperienceRecord[]>; evaluationsOfVolunteer(volunteerId: string): Promise<VolunteerEvaluationRecord[]> } => {
  const transact = async (items: TransactItem[], what: string) => {
    const cancelled = await transactWrite(client, items, { attempts: ATTEMPTS, contended: (n, cause) => new EvaluationChangedError(`${what} (${n} attempts)`, { cause }) });
    return cancelled?.CancellationReasons;
  };

  const experiencePut = (record: ExperienceRecord, condition: Record<string, unknown>): TransactItem => ({
    Put: {
      TableName: tableName(),
      Item: experienceEvaluation.toItem(record, {
        ...experienceEvaluation.keys.item(record.shiftId, record.volunteerId),
        ...experienceEvaluation.keys.byOrganization(record.orgId, record.createdAt, record.shiftId, record.volunteerId),
      }),
      ...condition,
    },
  });

  const volunteerPut = (record: VolunteerEvaluationRecord, condition: Record<string, unknown>): TransactItem => ({
    Put: {
      TableName: tableName(),
      Item: volunteerEvaluation.toItem(record, {
        ...volunteerEvaluation.keys.item(record.shiftId, record.volunteerId),
        ...volunteerEvaluation.keys.byVolunteer(record.volunteerId, record.createdAt, record.shiftId),
      }),
      ...condition,
    },
  });

  const orgAdd = (orgId: string, count: number, sum: number): TransactItem => ({
    Update: {
      TableName: tableName(),
      Key: experienceAggregate.keys.item(orgId),
      UpdateExpression: 'SET orgId = :org, entity = :entity ADD #count :count, #sum :sum',
      ExpressionAttributeNames: { '#count': 'count', '#sum': 'sum' },
      ExpressionAttributeValues: { ':org': orgId, ':entity': experienceAggregate.name, ':count': count, ':sum': sum },
    },
  });

  const volunteerAdd = (volunteerId: string, count: number, d: { punctuality: number; skill: number; conduct: number }): TransactItem => ({
    Update: {
      TableName: tableName(),
      Key: volunteerAggregate.keys.item(volunteerId),
      UpdateExpression: 'SET volunteerId = :vol, entity = :entity ADD #count :count, punctuality :p, skill :s, conduct :c',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':vol': volunteerId, ':entity': volunteerAggregate.name, ':count': count, ':p': d.punctuality, ':s': d.skill, ':c': d.conduct },
    },
  });

  const get = async (Key: Record<string, unknown>) => (await client.send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true }))).Item;
  const partition = (pk: string, prefix: string) =>
    queryAll(
      { TableName: tableName(), KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix }, ConsistentRead: true },
      client,
    );
  const index = (pk: string) =>
    queryAll({ TableName: tableName(), IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': pk } }, client);
  const created = { ConditionExpression: 'attribute_not_exists(PK)' };
  const seenVersion = (version: number) => ({ ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': version } });

  return {
    async experience(shiftId, volunteerId) {
      const item = await get(experienceEvaluation.keys.item(shiftId, volunteerId));
      return item ? experienceEvaluation.fromItem(item) : undefined;
    },
    async volunteerEvaluation(shiftId, volunteerId) {
      const item = await get(volunteerEvaluation.keys.item(shiftId, volunteerId));
      return item ? volunteerEvaluation.fromItem(item) : undefined;
    },
    async createExperience(record) {
      const reasons = await transact([experiencePut(record, created), orgAdd(record.orgId, 1, record.rating)], `the evaluation of shift ${record.shiftId}`);
      if (reasons) throw new EvaluationExistsError(`the evaluation of shift ${record.shiftId}`, { cause: reasons });
    },
    async updateExperience(previous, next) {
      const reasons = await transact(
        [experiencePut(next, seenVersion(previous.version)), orgAdd(next.orgId, 0, next.rating - previous.rating)],
        `the evaluation of shift ${next.shiftId}`,
      );
      if (reasons) throw new EvaluationChangedError(`the evaluation of shift ${next.shiftId}`, { cause: reasons });
    },
    async createVolunteerEvaluation(record) {
      const reasons = await transact([volunteerPut(record, created), volunteerAdd(record.volunteerId, 1, record)], `the evaluation of volunteer ${record.volunteerId}`);
      if (reasons && failedAt(reasons, 0)) throw new EvaluationExistsError(`the evaluation of volunteer ${record.volunteerId} on shift ${record.shiftId}`, { cause: reasons });
      if (reasons) throw new EvaluationChangedError(`the evaluation of volunteer ${record.volunteerId}`, { cause: reasons });
    },
    async updateVolunteerEvaluation(previous, next) {
      const delta = { punctuality: next.punctuality - previous.punctuality, skill: next.skill - previous.skill, conduct: next.conduct - previous.conduct };
      const reasons = await transact([volunteerPut(next, seenVersion(previous.version)), volunteerAdd(next.volunteerId, 0, delta)], `the evaluation of volunteer ${next.volunteerId}`);
      if (reasons) throw new EvaluationChangedError(`the evaluation of volunteer ${next.volunteerId} on shift ${next.shiftId}`, { cause: reasons });
    },
    async experiencesOfShift(shiftId) {
      return (await partition(experienceEvaluation.keys.shiftPartition(shiftId), experienceEvaluation.keys.prefix)).map((i) => experienceEvaluation.fromItem(i));
    },
    async volunteerEvaluationsOfShift(shiftId) {
      return (await partition(volunteerEvaluation.keys.shiftPartition(shiftId), volunteerEvaluation.keys.prefix)).map((i) => volunteerEvaluation.fromItem(i));
    },
    async organizationAggregate(orgId) {
      const item = await get(experienceAggregate.keys.item(orgId));
      return item ? experienceAggregate.fromItem(item) : undefined;
    },
    async volunteerAggregate(volunteerId) {
      const item = await get(volunteerAggregate.keys.item(volunteerId));
      return item ? volunteerAggregate.fromItem(item) : undefined;
    },
    async hasAppliedTo(volunteerId, orgId) {
      const pages = paginateQuery(
        { client, pageSize: 100 },
        {
          TableName: tableName(),
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          FilterExpression: 'orgId = :org',
          ExpressionAttributeValues: { ':pk': applicationEntityKeys.volunteerPartition(volunteerId), ':org': orgId },
          ProjectionExpression: 'orgId',
        },
      );
      for await (const page of pages) if ((page.Items ?? []).length > 0) return true;
      return false;
    },
    async shift(shiftId) {
      const { Items } = await client.send(new QueryCommand(shiftByIdQuery(tableName(), shiftId)));
      const item = Items?.[0];
      if (!item) return undefined;
      const found = shiftEntity.fromItem(item);
      return { id: found.id, opportunityId: found.opportunityId, orgId: found.orgId, start: found.start, end: found.end };
    },
    async experiencesOfOrganization(orgId) {
      return (await index(experienceEvaluation.keys.organizationPartition(orgId))).map((i) => experienceEvaluation.fromItem(i));
    },
    async evaluationsOfVolunteer(volunteerId) {
      return (await index(volunteerEvaluation.keys.volunteerPartition(volunteerId))).map((i) => volunteerEvaluation.fromItem(i));
    },
  };
};
