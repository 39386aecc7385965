/**
 * The matching reads of the read routes (a volunteer's matches, an opportunity's candidates) and
 * of the matching store (which shifts are full, what the volunteers hold): their own module, so
 * that the read routes carry neither the index writes nor the entities of the index and the
 * changes (issue 17). matching-repository.ts spreads them into the repository.
 */
import { BatchGetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { invalidCursor } from '../domain/cursor.js';
import { bucketOf } from '../domain/matching/adapters.js';
import { holdsOf, type Holds } from '../domain/matching/compile.js';
import type { Invitation } from '../domain/matching/schema.js';
import type { MatchingStore, StoredCandidate, StoredMatch } from '../domain/matching/service.js';
import { env } from '../env.js';
import { batchGetAll, documentClient, queryAll } from './client.js';
import { applicationKeys as applicationEntityKeys } from './entities/application.js';
import { matchCandidate } from './entities/match-candidate.js';
import { matchOpenOpportunity } from './entities/match-open-opportunity.js';
import { invitation as invitationEntity, match as matchEntity } from './entities/match.js';
import { shiftKeys as shiftEntityKeys } from './entities/shift.js';

type Item = Record<string, unknown>;
type Key = { PK: string; SK: string };

/** Volunteers whose applications are read at once (one Query each). */
const HOLDS_PARALLEL = 16;

export interface Page<T> {
  readonly items: T[];
  readonly lastKey?: Record<string, unknown>;
}

export const toMatch = (item: Item): StoredMatch & { rank: number } => {
  const { opportunityId, shiftId, score, reasons, opportunity, matchedAt, rank } = matchEntity.fromItem(item);
  return { opportunityId, shiftId, score, reasons, opportunity, matchedAt, rank };
};

export const matchingReads = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName) => {
  const reads: Pick<MatchingStore, 'fullShifts' | 'holds'> = {
    async fullShifts(shifts) {
      const items = await batchGetAll(
        client,
        tableName(),
        shifts.map((s) => shiftEntityKeys.item(s.opportunityId, s.shiftId)),
        { ProjectionExpression: 'id, seatsTaken, #capacity', ExpressionAttributeNames: { '#capacity': 'capacity' } },
      );
      return new Set(items.filter((item) => Number(item.seatsTaken) >= Number(item.capacity)).map((item) => String(item.id)));
    },
    async holds(volunteerIds, now) {
      const found = new Map<string, Holds>();
      // One Query per volunteer on their applications (GSI1 VOL#<sub>#APPS), HOLDS_PARALLEL at a time.
      for (let i = 0; i < volunteerIds.length; i += HOLDS_PARALLEL) {
        await Promise.all(
          volunteerIds.slice(i, i + HOLDS_PARALLEL).map(async (volunteerId) => {
            const applications = await queryAll({
              TableName: tableName(),
              IndexName: 'GSI1',
              KeyConditionExpression: 'GSI1PK = :pk',
              ExpressionAttributeValues: { ':pk': applicationEntityKeys.volunteerPartition(volunteerId) },
              ProjectionExpression: 'opportunityId, shiftId, #status, shiftEnd',
              ExpressionAttributeNames: { '#status': 'status' },
            }, client);
            const held = holdsOf(
              applications.map((a) => ({ opportunityId: String(a.opportunityId), shiftId: String(a.shiftId), status: String(a.status), shiftEnd: String(a.shiftEnd) })),
              now,
            );
            if (held) found.set(volunteerId, held);
          }),
        );
      }
      return found;
    },
  };
  return {
    ...reads,
    /** One page of a volunteer's ranked matches. */
    async matchPage(volunteerId: string, limit: number, startKey?: Key): Promise<Page<StoredMatch & { rank: number }>> {
      if (startKey && !matchEntity.keys.owns(volunteerId, startKey)) throw invalidCursor('not a cursor of this list');
      const page = await client.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :rank)',
          ExpressionAttributeValues: { ':pk': matchEntity.keys.partition(volunteerId), ':rank': matchEntity.keys.prefix },
          Limit: limit,
          ...(startKey && { ExclusiveStartKey: startKey }),
        }),
      );
      return { items: (page.Items ?? []).map(toMatch), ...(page.LastEvaluatedKey && { lastKey: page.LastEvaluatedKey }) };
    },
    /** Which of these opportunities are still open (closed ones leave the catalogue at once). */
    async stillOpen(ids: readonly string[]): Promise<Set<string>> {
      const open = new Set<string>();
      for (let i = 0; i < ids.length; i += 100) {
        const chunk = ids.slice(i, i + 100);
        let RequestItems: Record<string, { Keys: Key[]; ProjectionExpression?: string }> | undefined = {
          [tableName()]: { Keys: chunk.map((id) => matchOpenOpportunity.keys.item(bucketOf(id), id)), ProjectionExpression: 'SK' },
        };
        while (RequestItems && Object.keys(RequestItems).length > 0) {
          const result = await client.send(new BatchGetCommand({ RequestItems }));
          for (const item of result.Responses?.[tableName()] ?? []) open.add(matchOpenOpportunity.keys.idOf(String(item.SK)));
          RequestItems = result.UnprocessedKeys as typeof RequestItems;
        }
      }
      return open;
    },
    async invitations(volunteerId: string, opportunityIds: readonly string[]): Promise<Map<string, Invitation>> {
      const found = new Map<string, Invitation>();
      for (let i = 0; i < opportunityIds.length; i += 100) {
        let RequestItems: Record<string, { Keys: Key[] }> | undefined = {
          [tableName()]: { Keys: opportunityIds.slice(i, i + 100).map((id) => invitationEntity.keys.item(volunteerId, id)) },
        };
        while (RequestItems && Object.keys(RequestItems).length > 0) {
          const result = await client.send(new BatchGetCommand({ RequestItems }));
          for (const item of result.Responses?.[tableName()] ?? []) {
            const { volunteerId: _v, ...invitation } = invitationEntity.fromItem(item);
            found.set(invitation.opportunityId, invitation);
          }
          RequestItems = result.UnprocessedKeys as typeof RequestItems;
        }
      }
      return found;
    },
    /** One page of an opportunity's candidates, best first (GSI1). */
    async candidatePage(opportunityId: string, limit: number, startKey?: { PK: string; SK: string; GSI1PK: string; GSI1SK: string }): Promise<Page<StoredCandidate>> {
      if (startKey && !matchCandidate.keys.owns(opportunityId, startKey)) throw invalidCursor('not a cursor of this list');
      const page = await client.send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': matchCandidate.keys.partition(opportunityId) },
          Limit: limit,
          ...(startKey && { ExclusiveStartKey: startKey }),
        }),
      );
      return {
        items: (page.Items ?? []).map((item) => {
          const { volunteerId, displayName, displayNameAr, city, score, shiftId, reasons } = matchCandidate.fromItem(item);
          return { volunteerId, displayName, displayNameAr, city, score, shiftId, reasons };
        }),
        ...(page.LastEvaluatedKey && { lastKey: page.LastEvaluatedKey }),
      };
    },
    async invitedVolunteers(opportunityId: string, volunteerIds: readonly string[]): Promise<Set<string>> {
      const found = new Set<string>();
      for (let i = 0; i < volunteerIds.length; i += 100) {
        let RequestItems: Record<string, { Keys: Key[]; ProjectionExpression: string }> | undefined = {
          [tableName()]: { Keys: volunteerIds.slice(i, i + 100).map((id) => invitationEntity.keys.item(id, opportunityId)), ProjectionExpression: 'volunteerId' },
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
