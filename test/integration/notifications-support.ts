/**
 * Helpers of the notification tests: seed a volunteer profile item, read the SES emulator's
 * store for one address.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../shared/db/client.js';
import { volunteer } from '../../shared/db/entities/volunteer.js';
import { env } from '../../shared/env.js';
import { deliverQueued } from '../helpers/deliver-queued.js';

export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  attachments: { content: string; contentType: string; filename?: string }[];
}

export interface SeededVolunteer {
  id: string;
  email: string;
  phone: string;
}

let phoneCounter = 0;

/** A profile item as the volunteer registry stores it (only the fields notifications read, plus names). */
export const seedVolunteer = async (overrides: {
  locale?: 'ar' | 'en';
  email?: boolean;
  sms?: boolean;
  quietHours?: { from: string; to: string };
} = {}): Promise<SeededVolunteer> => {
  const id = `vol-${randomUUID().slice(0, 8)}`;
  const email = `${id}@example.sa`;
  const phone = `+9665${String(10_000_000 + Math.floor(Math.random() * 80_000_000) + phoneCounter++).padStart(8, '0')}`;
  await documentClient().send(
    new PutCommand({
      TableName: env.tableName,
      Item: {
        ...volunteer.keys.item(id),
        entity: 'Volunteer',
        id,
        nameAr: 'سارة القحطاني',
        nameEn: 'Sara Alqahtani',
        email,
        phone,
        preferences: {
          email: overrides.email ?? true,
          sms: overrides.sms ?? true,
          locale: overrides.locale ?? 'ar',
          ...(overrides.quietHours && { quietHours: overrides.quietHours }),
        },
        consent: {
          email: { granted: overrides.email ?? true, changedAt: '2030-01-01T00:00:00.000Z' },
          sms: { granted: overrides.sms ?? true, changedAt: '2030-01-01T00:00:00.000Z' },
        },
      },
    }),
  );
  return { id, email, phone };
};

/** Every email the SES emulator received for `address`, once what was queued is delivered (deliverQueued). */
export const emailsTo = async (address: string): Promise<StoredEmail[]> => {
  await deliverQueued();
  const response = await fetch(`${process.env.SES_ENDPOINT}/store`);
  const store = (await response.json()) as { emails: StoredEmail[] };
  return store.emails.filter((email) => email.destination.to.some((to) => to.includes(address)));
};

export const fixedClock = (iso: string) => ({ now: () => new Date(iso) });

/** An organisation, a published opportunity and an approved seat, as the other areas store them. */
export const seedApprovedSeat = async (input: {
  volunteerId: string;
  start: string;
  end: string;
  opportunityStatus?: 'published' | 'closed';
  /** Another seat on this shift (seeded before) instead of a new organisation, opportunity and shift. */
  on?: { shiftId: string; opportunityId: string; orgId: string };
}): Promise<{ shiftId: string; opportunityId: string; orgId: string }> => {
  const { booking } = await import('../../shared/db/entities/booking.js');
  const { opportunity } = await import('../../shared/db/entities/opportunity.js');
  const { organization } = await import('../../shared/db/entities/organization.js');
  const suffix = randomUUID().slice(0, 8);
  const { orgId, opportunityId, shiftId } = input.on ?? { orgId: `org-${suffix}`, opportunityId: `opp-${suffix}`, shiftId: `shift-${suffix}` };
  const put = (Item: Record<string, unknown>) => documentClient().send(new PutCommand({ TableName: env.tableName, Item }));
  if (!input.on) await put({ ...organization.keys.item(orgId), entity: 'Organization', id: orgId, nameAr: 'جمعية إطعام', nameEn: 'Itaam Association', status: 'active' });
  if (!input.on) await put({
    ...opportunity.keys.item(opportunityId),
    entity: 'Opportunity',
    id: opportunityId,
    orgId,
    titleAr: 'توزيع السلال الغذائية',
    titleEn: 'Food basket distribution',
    city: 'riyadh',
    status: input.opportunityStatus ?? 'published',
  });
  // The BOOKING item of an approved seat (applications area), with the sparse GSI3 key of notifications.
  await put({
    PK: `VOL#${input.volunteerId}`,
    SK: `BOOKING#${input.start}#${shiftId}`,
    ...booking.keys.startIndex(input.start, shiftId, input.volunteerId),
    entity: 'Booking',
    volunteerId: input.volunteerId,
    applicationId: `app-${suffix}`,
    opportunityId,
    orgId,
    shiftId,
    start: input.start,
    end: input.end,
  });
  return { shiftId, opportunityId, orgId };
};
