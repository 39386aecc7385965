/**
 * What the notifier reads and keeps about recipients: the part of a volunteer profile it needs
 * (contact, consent, preferences) and the suppression list (entities/suppression.ts).
 */
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod.js';
import type { Contact } from '../domain/notifications/policy.js';
import type { Channel } from '../domain/notifications/schema.js';
import type { Locale } from '../domain/reference/locale.js';
import { env } from '../env.js';
import { batchGetAll, documentClient } from './client.js';
import { suppression } from './entities/suppression.js';
import { volunteerPartition } from './entities/partitions.js';

export interface Suppression {
  readonly channel: Channel;
  readonly address: string;
  readonly reason: string;
  readonly source: string;
  readonly at: string;
}

export interface ContactStore {
  volunteerContact(volunteerId: string): Promise<Contact | undefined>;
  /** The contacts of the volunteers that have a profile, by volunteer id (BatchGetItem calls of 100). */
  volunteerContacts(volunteerIds: readonly string[]): Promise<Map<string, Contact>>;
  /** Reasons by `<channel>:<address>` for the suppressed ones among `entries` (BatchGetItem calls of 100). */
  suppressions(entries: readonly { channel: Channel; address: string }[]): Promise<Map<string, string>>;
  suppress(suppression: Suppression): Promise<void>;
  unsuppress(channel: Channel, address: string): Promise<boolean>;
  getSuppression(channel: Channel, address: string): Promise<Suppression | undefined>;
}

export const suppressionKey = (channel: Channel, address: string) => `${channel}:${address.toLowerCase()}`;

/** The part of a volunteer profile the notifier reads (see shared/domain/volunteers/schema.ts). */
const ContactProfile = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string(),
  nameAr: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  nameEn: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  email: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  phone: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  preferences: /* @__PURE__ */ z.object({
    email: /* @__PURE__ */ z.boolean(),
    sms: /* @__PURE__ */ z.boolean(),
    // Missing or unknown: Arabic. (A transform, not `z.catch`, which brings zod's whole util namespace: ~9 KB, ~0.5 ms of every cold start that queues a message.)
    locale: /* @__PURE__ */ z.pipe(/* @__PURE__ */ z.unknown(), /* @__PURE__ */ z.transform((value): Locale => (value === 'en' ? 'en' : 'ar'))),
    quietHours: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.object({ from: /* @__PURE__ */ z.string(), to: /* @__PURE__ */ z.string() })),
  }),
  consent: /* @__PURE__ */ z.optional(/* @__PURE__ */ z
    .object({ email: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.object({ granted: /* @__PURE__ */ z.boolean() })), sms: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.object({ granted: /* @__PURE__ */ z.boolean() })) })),
});

const CONTACT_PROJECTION = 'id, nameAr, nameEn, email, phone, preferences, consent';
/** The volunteer's profile item (shared/db/entities/volunteer.ts), without that entity and its profile schema (issue 17). */
const profileKey = (volunteerId: string) => ({ PK: volunteerPartition(volunteerId), SK: 'PROFILE' });

/** What the notifier needs of a volunteer profile item (projected with CONTACT_PROJECTION). */
const contactOf = (item: Record<string, unknown>): Contact => {
  const profile = ContactProfile.parse(item);
  const granted = (channel: Channel) => profile.preferences[channel] && (profile.consent?.[channel]?.granted ?? true);
  return {
    recipientId: `volunteer:${profile.id}`,
    locale: profile.preferences.locale,
    name: { ...(profile.nameAr && { ar: profile.nameAr }), ...(profile.nameEn && { en: profile.nameEn }) },
    ...(profile.email && { email: profile.email }),
    ...(profile.phone && { phone: profile.phone }),
    consent: { email: granted('email'), sms: granted('sms') },
    ...(profile.preferences.quietHours && { quietHours: profile.preferences.quietHours }),
  };
};

export const notificationContacts = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: string = env.tableName,
): ContactStore => ({
    async volunteerContact(volunteerId) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: profileKey(volunteerId), ProjectionExpression: CONTACT_PROJECTION }),
      );
      return Item ? contactOf(Item) : undefined;
    },

    async volunteerContacts(volunteerIds) {
      const ids = [...new Set(volunteerIds)];
      const items = await batchGetAll(client, tableName, ids.map((id) => profileKey(id)), { ProjectionExpression: CONTACT_PROJECTION });
      return new Map(items.map((item) => [String(item.id), contactOf(item)]));
    },

    async suppressions(entries) {
      const found = new Map<string, string>();
      const keys = [...new Map(entries.map((e) => [suppressionKey(e.channel, e.address), suppression.keys.item(e.channel, e.address)])).values()];
      for (const item of await batchGetAll(client, tableName, keys)) {
        const { channel, address, reason } = suppression.fromItem(item);
        found.set(suppressionKey(channel, address), reason);
      }
      return found;
    },

    async suppress(s) {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: suppression.toItem({ ...s, address: s.address.toLowerCase() }, suppression.keys.item(s.channel, s.address)),
        }),
      );
    },

    async unsuppress(channel, address) {
      const { Attributes } = await client.send(
        new DeleteCommand({ TableName: tableName, Key: suppression.keys.item(channel, address), ReturnValues: 'ALL_OLD' }),
      );
      return Attributes !== undefined;
    },

    async getSuppression(channel, address) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: suppression.keys.item(channel, address) }));
      return Item ? suppression.fromItem(Item) : undefined;
    },
});
