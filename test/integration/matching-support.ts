/** Fixtures of the matching tests: volunteer records, opportunity views and fake ports. */
import type { MatchOpportunity } from '../../shared/domain/matching/schema.js';
import type { InvitationSender, MatchingPorts, MatchingStore } from '../../shared/domain/matching/service.js';
import type { Invitation } from '../../shared/domain/matching/schema.js';
import type { VolunteerRecord } from '../../shared/domain/volunteers/schema.js';
import type { DomainEvent } from '../../shared/domain/events.js';

/** Sunday 2 March 2025, 09:00 Riyadh. */
export const NOW = new Date('2025-03-02T06:00:00Z');

export const volunteerRecord = (id: string, over: Partial<VolunteerRecord> = {}): VolunteerRecord => ({
  id,
  nameAr: 'سارة أحمد القحطاني',
  nameEn: 'Sara Ahmed Alqahtani',
  birthDate: '1995-06-15',
  email: `${id}@example.com`,
  phone: '+966501234567',
  city: 'riyadh',
  skills: [{ name: 'first-aid', level: 'advanced' }],
  professions: ['doctor'],
  languages: ['ar', 'en'],
  availability: [{ day: 'tue', from: '17:00', to: '22:00' }],
  interests: ['health'],
  preferences: { email: true, sms: false, locale: 'ar' },
  nationalIdMasked: '1*****4567',
  nationalIdHash: `hash-${id}`,
  consent: { email: { granted: true, changedAt: NOW.toISOString() }, sms: { granted: false, changedAt: NOW.toISOString() } },
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  revision: 1,
  ...over,
});

export const opportunityView = (id: string, over: Partial<MatchOpportunity> = {}): MatchOpportunity => ({
  id,
  orgId: 'org-1',
  titleAr: `فرصة ${id}`,
  titleEn: `Opportunity ${id}`,
  category: 'health',
  city: 'riyadh',
  remote: false,
  skills: [],
  professions: ['doctor'],
  // Tuesday 4 March 2025, 18:00–20:00 Riyadh.
  shifts: [{ id: `${id}-s1`, start: '2025-03-04T15:00:00Z', end: '2025-03-04T17:00:00Z' }],
  ...over,
});

export interface FakeSender extends InvitationSender {
  readonly sent: Invitation[];
}

export const fakeSender = (): FakeSender => {
  const sent: Invitation[] = [];
  return { sent, send: async (invitation) => void sent.push(invitation) };
};

export const testPorts = (store: MatchingStore, now = NOW) => {
  const invitations = fakeSender();
  /** The events the invitations that were recorded carried in their transaction. */
  const published: DomainEvent[] = [];
  const ports: MatchingPorts = {
    store: {
      ...store,
      async invite(invitation, volunteerId, week, cap, events = []) {
        const outcome = await store.invite(invitation, volunteerId, week, cap, events);
        if (outcome === 'invited') published.push(...events);
        return outcome;
      },
    },
    invitations,
    clock: { now: () => now },
  };
  return { ports, invitations, published };
};

/** A shift item as the opportunities area stores it (the seat counter matching reads to leave full shifts out). */
export const seedShift = async (opportunityId: string, shiftId: string, capacity: number, seatsTaken: number): Promise<void> => {
  const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
  const { documentClient } = await import('../../shared/db/client.js');
  const { shift } = await import('../../shared/db/entities/shift.js');
  await documentClient().send(
    new PutCommand({
      TableName: process.env.TABLE_NAME,
      Item: { ...shift.keys.item(opportunityId, shiftId), ...shift.keys.index(shiftId), entity: 'Shift', id: shiftId, opportunityId, orgId: 'org-1', capacity, seatsTaken },
    }),
  );
};

/** An application item as the applications area stores it (with its GSI1 key: the volunteer's applications). */
export const seedApplication = async (volunteerId: string, a: { opportunityId: string; shiftId: string; status: string; shiftEnd: string }): Promise<void> => {
  const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
  const { documentClient } = await import('../../shared/db/client.js');
  const { application } = await import('../../shared/db/entities/application.js');
  const id = `app-${volunteerId}-${a.shiftId}`;
  await documentClient().send(
    new PutCommand({
      TableName: process.env.TABLE_NAME,
      Item: {
        ...application.keys.item(id),
        ...application.keys.byVolunteer(volunteerId, NOW.toISOString(), id),
        entity: 'Application',
        id,
        volunteerId,
        orgId: 'org-1',
        ...a,
        shiftStart: a.shiftEnd,
        version: 1,
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      },
    }),
  );
};
