/**
 * The erasure store (issue 18): the code, the tombstone and the contact (erasure-codes.ts), and the writes of each erasure step,
 * all by access pattern (the partitions of shared/db/personal-data-repository.ts, plus the
 * items keyed by the person's contact data or badges). Every write is idempotent: a delete of
 * a missing item and a REMOVE of a missing attribute change nothing, so a resumed step simply
 * finishes what is left.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { shardOf } from '../domain/matching/adapters.js';
import type { Contact, ErasureStore } from '../domain/personal-data/erasure.js';
import { riyadhDate } from '../domain/time.js';
import { env } from '../env.js';
import { batchWriteAll, documentClient } from './client.js';
import { erasureCodes } from './erasure-codes.js';
import { applicationKeys } from './entities/application.js';
import type { Item } from './entities/entity.js';
import { experienceEvaluationKeys, volunteerEvaluationKeys } from './entities/evaluation.js';
import { hoursRecordKeys } from './entities/hours-record.js';
import { localSmsKeys } from './entities/local-sms.js';
import { matchKeys } from './entities/match.js';
import { matchCandidateKeys } from './entities/match-candidate.js';
import { matchShardMemberKeys, matchVolunteerPostingKeys } from './entities/match-volunteer.js';
import { notificationKeys } from './entities/notification.js';
import { achievementKeys, leaderboardEntryKeys, pointsLedgerKeys, recognitionStatsKeys } from './entities/recognition.js';
import { registerPartition } from './entities/register-entry.js';
import { suppressionKeys } from './entities/suppression.js';
import { nationalIdClaimKeys, volunteer } from './entities/volunteer.js';
import { companyEmployee } from './entities/company-employee.js';
import { openApplicationReads } from './open-applications.js';
import { companyItemsOf, itemsOf, volunteerRecipientId, type Holding } from './personal-data-repository.js';

type Key = { PK: string; SK: string };
const keyOf = (item: Item): Key => ({ PK: String(item.PK), SK: String(item.SK) });

export const erasureRepository = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): ErasureStore => {
  const get = async (Key: Key) => (await client.send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true }))).Item;
  const items = (holding: Holding) => itemsOf(client, tableName(), holding);

  const deleteAll = async (keys: readonly Key[]): Promise<number> => {
    await batchWriteAll(client, tableName(), keys.map((Key) => ({ DeleteRequest: { Key } })));
    return keys.length;
  };

  /** REMOVE the attributes the item has (none: no write). */
  const remove = async (item: Item, attributes: readonly string[]): Promise<number> => {
    const present = attributes.filter((name) => item[name] !== undefined);
    if (present.length === 0) return 0;
    await client.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keyOf(item),
        UpdateExpression: `REMOVE ${present.map((_, i) => `#a${i}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: Object.fromEntries(present.map((name, i) => [`#a${i}`, name])),
      }),
    ).catch((error: unknown) => {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    });
    return 1;
  };

  const profile = async (sub: string) => {
    const item = await get(volunteer.keys.item(sub));
    return item ? volunteer.fromItem(item) : undefined;
  };

  return {
    ...erasureCodes(client, tableName),

    openApplications: openApplicationReads(client, tableName).openApplications,

    async scrubSharedRecords(sub) {
      const [applications, hours, received] = await Promise.all([
        items({ index: 'GSI1', partition: applicationKeys.volunteerPartition(sub) }),
        items({ index: 'GSI1', partition: hoursRecordKeys.volunteerPartition(sub) }),
        items({ index: 'GSI1', partition: volunteerEvaluationKeys.volunteerPartition(sub) }),
      ]);
      const shiftIds = [...new Set([...applications, ...hours].map((item) => String(item.shiftId ?? '')).filter(Boolean))];
      const given = (await Promise.all(shiftIds.map((shiftId) => get(experienceEvaluationKeys.item(shiftId, sub))))).filter((item): item is Item => item !== undefined);
      let scrubbed = 0;
      for (const item of applications) scrubbed += await remove(item, ['motivation']);
      for (const item of hours) {
        scrubbed += await remove(item, ['description']);
        const dispute = item.dispute as { reason?: string } | undefined;
        if (dispute?.reason) {
          await client.send(
            new UpdateCommand({ TableName: tableName(), Key: keyOf(item), UpdateExpression: 'REMOVE dispute.reason', ConditionExpression: 'attribute_exists(dispute.reason)' }),
          ).catch((error: unknown) => {
            if (!(error instanceof ConditionalCheckFailedException)) throw error;
          });
        }
      }
      for (const item of given) scrubbed += await remove(item, ['comment']);
      for (const item of received) scrubbed += await remove(item, ['note']);
      return scrubbed;
    },

    async deleteOwnItems(sub, contact: Contact | undefined) {
      // Company items first, while the membership and hours pointers that lead to them still exist:
      // join codes to the work addresses, participations and time-off balances, then the employee
      // records (work email, stints). The company's counters and contribution ledger (ids and
      // minutes) stay, so its reports are unchanged.
      const employment = [
        ...(await items({ index: 'GSI2', partition: companyEmployee.keys.volunteerPartition(sub) })),
        ...(await items({ partition: volunteer.keys.partition(sub) })),
      ];
      const linked = await companyItemsOf(client, tableName(), sub, employment);
      const companyKeys = [...linked, ...employment.filter((item) => item.entity === companyEmployee.name)].map(keyOf);
      await deleteAll(companyKeys);
      const keys: Key[] = [];
      // Public achievements carry the display name: found from the badges before they go.
      const standing = await items({ partition: recognitionStatsKeys.standing(sub) });
      for (const item of standing) {
        keys.push(keyOf(item));
        if (item.entity === 'EarnedBadge' && typeof item.earnedAt === 'string') {
          keys.push(achievementKeys.item(riyadhDate(new Date(item.earnedAt)), item.earnedAt, `${sub}#${String(item.badgeId)}`));
        }
      }
      for (const partition of [pointsLedgerKeys.partition(sub), leaderboardEntryKeys.volunteerPartition(sub)]) keys.push(...(await items({ partition })).map(keyOf));
      for (const item of await items({ partition: matchKeys.partition(sub) })) {
        keys.push(keyOf(item));
        if (item.entity === 'Match' && typeof item.opportunityId === 'string') keys.push(matchCandidateKeys.item(item.opportunityId, sub));
      }
      // The register's ledger and totals are the person's; their certificates stay (revoked, nameless) for verification.
      keys.push(...(await items({ partition: registerPartition(sub) })).filter((item) => item.entity !== 'Certificate').map(keyOf));
      const member = await get(matchShardMemberKeys.item(shardOf(sub), sub));
      if (member) {
        keys.push(keyOf(member));
        for (const feature of (member.features as string[] | undefined) ?? []) keys.push(matchVolunteerPostingKeys.item(feature, String(member.cell), sub));
      }
      const recipients = [volunteerRecipientId(sub), ...(contact ? [`email:${contact.email.toLowerCase()}`] : [])];
      for (const recipient of recipients) keys.push(...(await items({ index: 'GSI2', partition: notificationKeys.recipientPartition(recipient) })).map(keyOf));
      if (contact) {
        keys.push(suppressionKeys.item('email', contact.email), suppressionKeys.item('sms', contact.phone));
        if (env.mode === 'local') keys.push(...(await items({ partition: localSmsKeys.partition })).filter((item) => item.to === contact.phone).map(keyOf));
      }
      // The volunteer partition but the profile (the last step deletes it with its national-ID claim).
      keys.push(...(await items({ partition: volunteer.keys.partition(sub) })).filter((item) => item.SK !== volunteer.keys.item(sub).SK).map(keyOf));
      return companyKeys.length + (await deleteAll(keys));
    },

    async deleteProfile(sub) {
      const record = await profile(sub);
      if (record) {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              { Delete: { TableName: tableName(), Key: volunteer.keys.item(sub) } },
              { Delete: { TableName: tableName(), Key: nationalIdClaimKeys.item(record.nationalIdHash) } },
            ],
          }),
        );
      }
      return (record ? 2 : 0) + (await deleteAll((await items({ partition: volunteer.keys.partition(sub) })).map(keyOf)));
    },
  };
};
