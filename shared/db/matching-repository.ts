/**
 * The matching index and results in the single table (entities/match*.ts; the
 * design in shared/domain/matching/retrieval.ts and service.ts). Every read is a Query or a
 * (Batch)GetItem on a known partition; writes are deterministic keys, so reruns overwrite.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  paginateQuery,
  PutCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { bucketOf, OPEN_BUCKETS, shardOf } from '../domain/matching/adapters.js';
import type { IndexedVolunteer, MatchingStore } from '../domain/matching/service.js';
import { env } from '../env.js';
import { outboxPuts } from './entities/outbox-event.js';
import { batchWriteAll, documentClient } from './client.js';
import { matchCandidate } from './entities/match-candidate.js';
import { matchChange } from './entities/match-change.js';
import { matchOpenOpportunity } from './entities/match-open-opportunity.js';
import { matchShardMember, matchVolunteerPosting } from './entities/match-volunteer.js';
import { invitation as invitationEntity, invitationWeek, match as matchEntity } from './entities/match.js';
import { matchingReads, toMatch } from './matching-reads.js';

type Item = Record<string, unknown>;

type Key = { PK: string; SK: string };

const keyOf = (item: Item): Key => ({ PK: item.PK as string, SK: item.SK as string });

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

  const batchWrite = (puts: readonly Item[], deletes: readonly Key[]): Promise<void> =>
    batchWriteAll(client, tableName(), [...puts.map((Item) => ({ PutRequest: { Item } })), ...deletes.map((Key) => ({ DeleteRequest: { Key } }))]);

  const volunteerItems = (entry: IndexedVolunteer): Item[] => [
    matchShardMember.toItem(entry, matchShardMember.keys.item(entry.shard, entry.view.id)),
    ...entry.features.map((feature) => matchVolunteerPosting.toItem(entry, matchVolunteerPosting.keys.item(feature, entry.cell, entry.view.id))),
  ];
  const toEntry = (item: Item): IndexedVolunteer => {
    const { view, card, shard, cell, features } = matchShardMember.fromItem(item);
    return { view, card, shard, cell, features };
  };

  const store: Omit<MatchingStore, 'fullShifts' | 'holds'> = {
    async getVolunteer(id) {
      const result = await client.send(new GetCommand({ TableName: tableName(), Key: matchShardMember.keys.item(shardOf(id), id) }));
      return result.Item ? toEntry(result.Item) : undefined;
    },
    async putVolunteer(entry, previous) {
      const next = volunteerItems(entry);
      const wanted = new Set(next.map((i) => `${String(i.PK)}|${String(i.SK)}`));
      const stale = previous ? volunteerItems(previous).map(keyOf).filter((k) => !wanted.has(`${k.PK}|${k.SK}`)) : [];
      await batchWrite(next, stale);
    },
    async putOpenOpportunity(view) {
      await client.send(new PutCommand({ TableName: tableName(), Item: matchOpenOpportunity.toItem({ view }, matchOpenOpportunity.keys.item(bucketOf(view.id), view.id)) }));
    },
    async removeOpenOpportunity(id) {
      await client.send(new DeleteCommand({ TableName: tableName(), Key: matchOpenOpportunity.keys.item(bucketOf(id), id) }));
    },
    async openOpportunity(id) {
      const result = await client.send(new GetCommand({ TableName: tableName(), Key: matchOpenOpportunity.keys.item(bucketOf(id), id) }));
      return result.Item ? matchOpenOpportunity.fromItem(result.Item).view : undefined;
    },
    async openOpportunities() {
      const buckets = await Promise.all(Array.from({ length: OPEN_BUCKETS }, (_, b) => partition(matchOpenOpportunity.keys.partition(b))));
      return buckets.flat().map((item) => matchOpenOpportunity.fromItem(item).view);
    },
    async markChanged(change) {
      await client.send(new PutCommand({ TableName: tableName(), Item: matchChange.toItem(change, matchChange.keys.item(change.kind, change.id)) }));
    },
    async changes(limit) {
      const items = await partition(matchChange.keys.partition, limit);
      return items.map((item) => matchChange.fromItem(item));
    },
    async clearChange(change) {
      try {
        await client.send(
          new DeleteCommand({
            TableName: tableName(),
            Key: matchChange.keys.item(change.kind, change.id),
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
      return (await partition(matchShardMember.keys.partition(shard))).map(toEntry);
    },
    async postedVolunteers(feature, cell, limit) {
      return (await partition(matchVolunteerPosting.keys.partition(feature, cell), limit)).map(toEntry);
    },
    async matches(volunteerId) {
      const items = await queryAll({
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :rank)',
        ExpressionAttributeValues: { ':pk': matchEntity.keys.partition(volunteerId), ':rank': matchEntity.keys.prefix },
      });
      return items.map(toMatch);
    },
    async replaceMatches(volunteerId, next, previous) {
      const puts = next.flatMap((match, rank) => {
        const before = previous[rank];
        const same = before && before.opportunityId === match.opportunityId && before.shiftId === match.shiftId && before.score === match.score;
        return same ? [] : [matchEntity.toItem({ volunteerId, rank, ...match }, matchEntity.keys.item(volunteerId, rank))];
      });
      const deletes = previous.slice(next.length).map((_, i) => matchEntity.keys.item(volunteerId, next.length + i));
      await batchWrite(puts, deletes);
      return puts.length + deletes.length;
    },
    async putCandidates(opportunityId, candidates) {
      await batchWrite(
        candidates.map((c) =>
          matchCandidate.toItem({ opportunityId, ...c }, { ...matchCandidate.keys.item(opportunityId, c.volunteerId), ...matchCandidate.keys.rank(opportunityId, c.score, c.volunteerId) }),
        ),
        [],
      );
    },
    async deleteCandidates(opportunityId, volunteerIds) {
      await batchWrite([], volunteerIds.map((id) => matchCandidate.keys.item(opportunityId, id)));
    },
    async clearCandidates(opportunityId) {
      const items = await partition(matchCandidate.keys.partition(opportunityId));
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
                  Item: invitationEntity.toItem({ volunteerId, ...invitation }, invitationEntity.keys.item(volunteerId, invitation.opportunityId)),
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              {
                Update: {
                  TableName: tableName(),
                  Key: invitationWeek.keys.item(volunteerId, week),
                  UpdateExpression: 'SET invitations = if_not_exists(invitations, :zero) + :one, entity = :entity',
                  ConditionExpression: 'attribute_not_exists(invitations) OR invitations < :cap',
                  ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':cap': cap, ':entity': invitationWeek.name },
                },
              },
              // The events last (built by the domain; their ids derive from the invitation's, which is written once).
              ...outboxPuts(events, tableName()),
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

  return { ...store, ...matchingReads(client, tableName) };
};

export type MatchingRepository = ReturnType<typeof matchingRepository>;
