/**
 * The matching index and results in the single table (keys: `matchingKeys` in keys.ts; the
 * design in shared/domain/matching/retrieval.ts and service.ts). Every read is a Query or a
 * (Batch)GetItem on a known partition; writes are deterministic keys, so reruns overwrite.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  paginateQuery,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { bucketOf, OPEN_BUCKETS, shardOf } from '../domain/matching/adapters.js';
import type { Change, IndexedVolunteer, MatchingPorts, MatchingStore, StoredCandidate, StoredMatch } from '../domain/matching/service.js';
import type { Invitation, MatchOpportunity } from '../domain/matching/schema.js';
import { systemClock } from '../clock.js';
import { cityById } from '../domain/reference/cities.js';
import { env } from '../env.js';
import { outboxPuts } from './entities/outbox-event.js';
import { notifier } from '../messaging/notifier.js';
import { organizationRepository } from './organization-repository.js';
import { documentClient } from './client.js';
import { matchingKeys as keys } from './keys.js';

type Item = Record<string, unknown>;
type Key = { PK: string; SK: string };

const keyOf = (item: Item): Key => ({ PK: item.PK as string, SK: item.SK as string });

export interface Page<T> {
  readonly items: T[];
  readonly lastKey?: Record<string, unknown>;
}

export const matchingRepository = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
) => {
  const queryAll = async (input: Omit<QueryCommandInput, 'TableName'>, max = Infinity): Promise<Item[]> => {
    const items: Item[] = [];
    for await (const page of paginateQuery({ client }, { TableName: tableName(), ...input })) {
      items.push(...(page.Items ?? []));
      if (items.length >= max) break;
    }
    return items.slice(0, max);
  };
  const partition = (PK: string, max?: number) => queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': PK } }, max);

  /** BatchWriteItem in chunks of 25, retrying unprocessed items. */
  const batchWrite = async (puts: readonly Item[], deletes: readonly Key[]): Promise<void> => {
    const requests = [...puts.map((Item) => ({ PutRequest: { Item } })), ...deletes.map((Key) => ({ DeleteRequest: { Key } }))];
    for (let i = 0; i < requests.length; i += 25) {
      let pending: Record<string, (typeof requests)[number][]> | undefined = { [tableName()]: requests.slice(i, i + 25) };
      for (let attempt = 0; pending && Object.keys(pending).length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1_000, 25 * 2 ** attempt)));
        const result = await client.send(new BatchWriteCommand({ RequestItems: pending }));
        pending = result.UnprocessedItems as typeof pending;
      }
    }
  };

  const volunteerItems = (entry: IndexedVolunteer): Item[] => [
    { ...keys.shardMember(entry.shard, entry.view.id), entity: 'MatchShardMember', ...entry },
    ...entry.features.map((feature) => ({ ...keys.volunteerPosting(feature, entry.cell, entry.view.id), entity: 'MatchVolunteerPosting', ...entry })),
  ];
  const toEntry = (item: Item): IndexedVolunteer => ({
    view: item.view as IndexedVolunteer['view'],
    card: item.card as IndexedVolunteer['card'],
    shard: item.shard as number,
    cell: item.cell as string,
    features: item.features as string[],
  });
  const toMatch = (item: Item): StoredMatch => ({
    opportunityId: item.opportunityId as string,
    shiftId: item.shiftId as string,
    score: item.score as number,
    reasons: item.reasons as StoredMatch['reasons'],
    opportunity: item.opportunity as StoredMatch['opportunity'],
    matchedAt: item.matchedAt as string,
  });

  const store: MatchingStore = {
    async getVolunteer(id) {
      const result = await client.send(new GetCommand({ TableName: tableName(), Key: keys.shardMember(shardOf(id), id) }));
      return result.Item ? toEntry(result.Item) : undefined;
    },
    async putVolunteer(entry, previous) {
      const next = volunteerItems(entry);
      const wanted = new Set(next.map((i) => `${String(i.PK)}|${String(i.SK)}`));
      const stale = previous ? volunteerItems(previous).map(keyOf).filter((k) => !wanted.has(`${k.PK}|${k.SK}`)) : [];
      await batchWrite(next, stale);
    },
    async putOpenOpportunity(view) {
      await client.send(new PutCommand({ TableName: tableName(), Item: { ...keys.openOpportunity(bucketOf(view.id), view.id), entity: 'MatchOpenOpportunity', view } }));
    },
    async removeOpenOpportunity(id) {
      await client.send(new DeleteCommand({ TableName: tableName(), Key: keys.openOpportunity(bucketOf(id), id) }));
    },
    async openOpportunity(id) {
      const result = await client.send(new GetCommand({ TableName: tableName(), Key: keys.openOpportunity(bucketOf(id), id) }));
      return result.Item?.view as MatchOpportunity | undefined;
    },
    async openOpportunities() {
      const buckets = await Promise.all(Array.from({ length: OPEN_BUCKETS }, (_, b) => partition(keys.openOpportunity(b, '').PK)));
      return buckets.flat().map((item) => item.view as MatchOpportunity);
    },
    async markChanged(change) {
      await client.send(new PutCommand({ TableName: tableName(), Item: { ...keys.change(change.kind, change.id), entity: 'MatchChange', ...change } }));
    },
    async changes(limit) {
      const items = await partition(keys.change('VOL', '').PK, limit);
      return items.map((item) => ({ kind: item.kind as Change['kind'], id: item.id as string, changedAt: item.changedAt as string }));
    },
    async clearChange(change) {
      try {
        await client.send(
          new DeleteCommand({
            TableName: tableName(),
            Key: keys.change(change.kind, change.id),
            ConditionExpression: 'changedAt = :seen',
            ExpressionAttributeValues: { ':seen': change.changedAt },
          }),
        );
      } catch (error) {
        // Changed again while this run worked on it: the marker stays for the next run.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },
    async shardMembers(shard) {
      return (await partition(keys.shardMember(shard, '').PK)).map(toEntry);
    },
    async postedVolunteers(feature, cell, limit) {
      return (await partition(keys.volunteerPosting(feature, cell, '').PK, limit)).map(toEntry);
    },
    async matches(volunteerId) {
      const items = await queryAll({
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :rank)',
        ExpressionAttributeValues: { ':pk': keys.match(volunteerId, 0).PK, ':rank': 'RANK#' },
      });
      return items.map(toMatch);
    },
    async replaceMatches(volunteerId, next, previous) {
      const puts = next.flatMap((match, rank) => {
        const before = previous[rank];
        const same = before && before.opportunityId === match.opportunityId && before.shiftId === match.shiftId && before.score === match.score;
        return same ? [] : [{ ...keys.match(volunteerId, rank), entity: 'Match', volunteerId, rank, ...match }];
      });
      const deletes = previous.slice(next.length).map((_, i) => keys.match(volunteerId, next.length + i));
      await batchWrite(puts, deletes);
      return puts.length + deletes.length;
    },
    async putCandidates(opportunityId, candidates) {
      await batchWrite(
        candidates.map((c) => ({
          ...keys.candidate(opportunityId, c.volunteerId),
          ...keys.candidateRank(opportunityId, c.score, c.volunteerId),
          entity: 'MatchCandidate',
          opportunityId,
          ...c,
        })),
        [],
      );
    },
    async deleteCandidates(opportunityId, volunteerIds) {
      await batchWrite([], volunteerIds.map((id) => keys.candidate(opportunityId, id)));
    },
    async clearCandidates(opportunityId) {
      const items = await partition(keys.candidate(opportunityId, '').PK);
      await batchWrite([], items.map(keyOf));
    },
    async invite(invitation, volunteerId, week, cap, events = []) {
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName(),
                  Item: { ...keys.invitation(volunteerId, invitation.opportunityId), entity: 'Invitation', volunteerId, ...invitation },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              {
                Update: {
                  TableName: tableName(),
                  Key: keys.invitationWeek(volunteerId, week),
                  UpdateExpression: 'SET invitations = if_not_exists(invitations, :zero) + :one, entity = :entity',
                  ConditionExpression: 'attribute_not_exists(invitations) OR invitations < :cap',
                  ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':cap': cap, ':entity': 'InvitationWeek' },
                },
              },
              // The events last; their ids derive from the invitation's, which is written once.
              ...outboxPuts(
                events.map((e) => ({ id: `${invitation.id}-${e.type}`, type: e.type, time: invitation.sentAt, detail: e.detail })),
                tableName(),
              ),
            ],
          }),
        );
        return 'invited';
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'duplicate';
        if (reasons[1]?.Code === 'ConditionalCheckFailed') return 'capped';
        throw error;
      }
    },
  };

  return {
    ...store,
    /** One page of a volunteer's ranked matches. */
    async matchPage(volunteerId: string, limit: number, startKey?: Key): Promise<Page<StoredMatch & { rank: number }>> {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :rank)',
          ExpressionAttributeValues: { ':pk': keys.match(volunteerId, 0).PK, ':rank': 'RANK#' },
          Limit: limit,
          ...(startKey && { ExclusiveStartKey: startKey }),
        }),
      );
      return { items: (page.Items ?? []).map((item) => ({ ...toMatch(item), rank: item.rank as number })), ...(page.LastEvaluatedKey && { lastKey: page.LastEvaluatedKey }) };
    },
    /** Which of these opportunities are still open (closed ones leave the catalogue at once). */
    async stillOpen(ids: readonly string[]): Promise<Set<string>> {
      const open = new Set<string>();
      for (let i = 0; i < ids.length; i += 100) {
        const chunk = ids.slice(i, i + 100);
        let RequestItems: Record<string, { Keys: Key[]; ProjectionExpression?: string }> | undefined = {
          [tableName()]: { Keys: chunk.map((id) => keys.openOpportunity(bucketOf(id), id)), ProjectionExpression: 'SK' },
        };
        while (RequestItems && Object.keys(RequestItems).length > 0) {
          const result = await client.send(new BatchGetCommand({ RequestItems }));
          for (const item of result.Responses?.[tableName()] ?? []) open.add(String(item.SK).slice('OPP#'.length));
          RequestItems = result.UnprocessedKeys as typeof RequestItems;
        }
      }
      return open;
    },
    async invitations(volunteerId: string, opportunityIds: readonly string[]): Promise<Map<string, Invitation>> {
      const found = new Map<string, Invitation>();
      for (let i = 0; i < opportunityIds.length; i += 100) {
        let RequestItems: Record<string, { Keys: Key[] }> | undefined = {
          [tableName()]: { Keys: opportunityIds.slice(i, i + 100).map((id) => keys.invitation(volunteerId, id)) },
        };
        while (RequestItems && Object.keys(RequestItems).length > 0) {
          const result = await client.send(new BatchGetCommand({ RequestItems }));
          for (const item of result.Responses?.[tableName()] ?? []) {
            found.set(item.opportunityId as string, {
              id: item.id as string,
              opportunityId: item.opportunityId as string,
              shiftId: item.shiftId as string,
              channel: item.channel as Invitation['channel'],
              sentAt: item.sentAt as string,
            });
          }
          RequestItems = result.UnprocessedKeys as typeof RequestItems;
        }
      }
      return found;
    },
    /** One page of an opportunity's candidates, best first (GSI1). */
    async candidatePage(opportunityId: string, limit: number, startKey?: Record<string, unknown>): Promise<Page<StoredCandidate>> {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.candidate(opportunityId, '').PK },
          Limit: limit,
          ...(startKey && { ExclusiveStartKey: startKey }),
        }),
      );
      return {
        items: (page.Items ?? []).map((item) => ({
          volunteerId: item.volunteerId as string,
          displayName: item.displayName as string,
          displayNameAr: item.displayNameAr as string,
          city: item.city as string,
          score: item.score as number,
          shiftId: item.shiftId as string,
          reasons: item.reasons as StoredCandidate['reasons'],
        })),
        ...(page.LastEvaluatedKey && { lastKey: page.LastEvaluatedKey }),
      };
    },
    async invitedVolunteers(opportunityId: string, volunteerIds: readonly string[]): Promise<Set<string>> {
      const found = new Set<string>();
      for (let i = 0; i < volunteerIds.length; i += 100) {
        let RequestItems: Record<string, { Keys: Key[]; ProjectionExpression: string }> | undefined = {
          [tableName()]: { Keys: volunteerIds.slice(i, i + 100).map((id) => keys.invitation(id, opportunityId)), ProjectionExpression: 'volunteerId' },
        };
        while (RequestItems && Object.keys(RequestItems).length > 0) {
          const result = await client.send(new BatchGetCommand({ RequestItems }));
          for (const item of result.Responses?.[tableName()] ?? []) found.add(item.volunteerId as string);
          RequestItems = result.UnprocessedKeys as typeof RequestItems;
        }
      }
      return found;
    },
  };
};

export type MatchingRepository = ReturnType<typeof matchingRepository>;

/**
 * The ports of the matching service in this process: the table, invitations through the
 * notifier of shared/messaging (outbox, consent, quiet hours; the invitation id is the dedupe
 * key), the domain bus and the system clock.
 */
export const matchingPorts = (): MatchingPorts => ({
  store: matchingRepository(),
  invitations: {
    async send(invitation, volunteer, opportunity) {
      if (invitation.channel === 'none') return;
      const organization = await organizationRepository().get(opportunity.orgId);
      const shift = opportunity.shifts.find((s) => s.id === invitation.shiftId);
      const city = cityById(opportunity.city);
      await notifier().notify({
        type: 'invitation',
        to: { kind: 'volunteer', volunteerId: volunteer.view.id },
        about: invitation.id,
        params: {
          titleAr: opportunity.titleAr,
          titleEn: opportunity.titleEn,
          orgNameAr: organization?.nameAr ?? opportunity.orgId,
          orgNameEn: organization?.nameEn ?? opportunity.orgId,
          ...(shift && { start: shift.start }),
          ...(city && { placeAr: city.nameAr, placeEn: city.nameEn }),
        },
        channels: [invitation.channel],
      });
    },
  },
  clock: systemClock,
});
