import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import registeredSample from '../../events/volunteers/volunteer-registered.json' with { type: 'json' };
import updatedSample from '../../events/volunteers/volunteer-profile-updated.json' with { type: 'json' };
import { createTestTable } from '../helpers/table.js';
import { NOW, opportunityView, seedApplication, seedShift, testPorts, volunteerRecord } from './matching-support.js';

let db: typeof import('../../shared/db/client.js');
let repo: typeof import('../../shared/db/matching-repository.js');
let service: typeof import('../../shared/domain/matching/service.js');
let consumer: typeof import('../../functions/consumers/matching-volunteers.js');
let volunteers: typeof import('../../shared/db/volunteer-repository.js');
let adapters: typeof import('../../shared/domain/matching/adapters.js');

beforeAll(async () => {
  await createTestTable();
  db = await import('../../shared/db/client.js');
  repo = await import('../../shared/db/matching-repository.js');
  service = await import('../../shared/domain/matching/service.js');
  consumer = await import('../../functions/consumers/matching-volunteers.js');
  volunteers = await import('../../shared/db/volunteer-repository.js');
  adapters = await import('../../shared/domain/matching/adapters.js');
});

const partition = async (PK: string) =>
  (await db.documentClient().send(new QueryCommand({ TableName: process.env.TABLE_NAME, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': PK } }))).Items ?? [];

const samples = { VolunteerRegistered: registeredSample, VolunteerProfileUpdated: updatedSample };

/** The catalogue's sample event for this volunteer; one event id per type and volunteer (a redelivery repeats it). */
const envelope = (type: keyof typeof samples, volunteerId: string) => {
  const sample = samples[type];
  return { ...sample, id: `evt-${volunteerId}-${type}`, time: NOW.toISOString(), detail: { ...sample.detail, volunteerId, eventId: `evt-${volunteerId}-${type}` } };
};

// The Riyadh centre's cell (see retrieval.ts: 0.5° cells from 16°N, 34.5°E).
const RIYADH_CELL = 'c17-24';

describe('matching index maintained by the volunteer consumer', () => {
  it('posts a registered volunteer under each profession, skill and interest in their cell, and in their shard', async () => {
    await volunteers.volunteerRepository().create(volunteerRecord('vol-index-1'), []);
    await consumer.handler(envelope('VolunteerRegistered', 'vol-index-1'));
    expect(await partition(`MATCH#VPOST#prof:doctor#${RIYADH_CELL}`)).toEqual([expect.objectContaining({ SK: 'VOL#vol-index-1' })]);
    expect(await partition(`MATCH#VPOST#skill:first-aid#${RIYADH_CELL}`)).toHaveLength(1);
    expect(await partition(`MATCH#VPOST#cause:health#${RIYADH_CELL}`)).toHaveLength(1);
    expect(await repo.matchingRepository().getVolunteer('vol-index-1')).toMatchObject({ view: { professions: ['doctor'] }, card: { displayName: 'Sara A.' } });
    expect(await partition('MATCH#CHANGES')).toContainEqual(expect.objectContaining({ SK: 'VOL#vol-index-1' }));
  });

  it('moves the postings when the profile changes, leaving none behind', async () => {
    await volunteers.volunteerRepository().create(volunteerRecord('vol-index-2'), []);
    await consumer.handler(envelope('VolunteerRegistered', 'vol-index-2'));
    await volunteers.volunteerRepository().update('vol-index-2', { professions: ['nurse'], city: 'jeddah', consent: volunteerRecord('vol-index-2').consent, updatedAt: NOW.toISOString(), revision: 2 }, 1, []);
    await consumer.handler(envelope('VolunteerProfileUpdated', 'vol-index-2'));
    const riyadhDoctors = await partition(`MATCH#VPOST#prof:doctor#${RIYADH_CELL}`);
    expect(riyadhDoctors.map((i) => i.SK)).not.toContain('VOL#vol-index-2');
    expect(await partition('MATCH#VPOST#prof:nurse#c10-9')).toEqual([expect.objectContaining({ SK: 'VOL#vol-index-2' })]);
  });

  it('handles a redelivered event without duplicating anything', async () => {
    await volunteers.volunteerRepository().create(volunteerRecord('vol-index-3', { professions: ['lawyer'] }), []);
    await consumer.handler(envelope('VolunteerRegistered', 'vol-index-3'));
    await consumer.handler(envelope('VolunteerRegistered', 'vol-index-3'));
    expect(await partition(`MATCH#VPOST#prof:lawyer#${RIYADH_CELL}`)).toHaveLength(1);
  });
});

describe('invitations', () => {
  const seed = async (prefix: string, count: number) => {
    const store = repo.matchingRepository();
    const { ports } = testPorts(store);
    for (let i = 0; i < count; i++) {
      const record = volunteerRecord(`${prefix}-v${i}`, { professions: ['pharmacist'] });
      await service.indexVolunteer(ports, adapters.toMatchVolunteer(record), adapters.volunteerCard(record));
    }
  };

  it('invites the top volunteers of a new opportunity once, even when the job runs again', async () => {
    await seed('inv', 3);
    const store = repo.matchingRepository();
    const first = testPorts(store);
    await service.openOpportunity(first.ports, opportunityView('opp-inv', { professions: ['pharmacist'] }));
    const summary = await service.runChanges(first.ports);
    expect(summary).toMatchObject({ opportunities: 1, candidates: 3, invited: 3 });
    expect(first.published.filter((e) => e.type === 'VolunteerInvited')).toHaveLength(3);

    const second = testPorts(store);
    await store.markChanged({ kind: 'OPP', id: 'opp-inv', changedAt: new Date(NOW.getTime() + 60_000).toISOString() });
    await service.runChanges(second.ports);
    expect(second.published.filter((e) => e.type === 'VolunteerInvited')).toHaveLength(0);
    const invitations = await partition('MATCH#VOL#inv-v0');
    expect(invitations.filter((i) => String(i.SK).startsWith('INV#'))).toEqual([
      expect.objectContaining({ SK: 'INV#opp-inv', id: 'inv-opp-inv-inv-v0', shiftId: 'opp-inv-s1', channel: 'email' }),
    ]);
  });

  it('invites to a shift with a seat left, and not a volunteer who already applied to it (issue 11)', async () => {
    const store = repo.matchingRepository();
    const { ports, published } = testPorts(store);
    for (const id of ['hinv-free', 'hinv-applied']) {
      const record = volunteerRecord(id, { professions: ['accountant'] });
      await service.indexVolunteer(ports, adapters.toMatchVolunteer(record), adapters.volunteerCard(record));
    }
    // Tuesday 4 March is full; Tuesday 11 March has seats, and hinv-applied already applied to it.
    const shifts = [
      { id: 'opp-hinv-s1', start: '2025-03-04T15:00:00Z', end: '2025-03-04T17:00:00Z' },
      { id: 'opp-hinv-s2', start: '2025-03-11T15:00:00Z', end: '2025-03-11T17:00:00Z' },
    ];
    await seedShift('opp-hinv', 'opp-hinv-s1', 5, 5);
    await seedShift('opp-hinv', 'opp-hinv-s2', 5, 1);
    await seedApplication('hinv-applied', { opportunityId: 'opp-hinv', shiftId: 'opp-hinv-s2', status: 'pending', shiftEnd: shifts[1]!.end });
    await service.openOpportunity(ports, opportunityView('opp-hinv', { professions: ['accountant'], shifts }));

    await service.runChanges(ports);

    const invited = published.filter((e) => e.type === 'VolunteerInvited' && e.detail.opportunityId === 'opp-hinv').map((e) => [e.detail.volunteerId, e.detail.shiftId]);
    expect(invited).toEqual([['hinv-free', 'opp-hinv-s2']]);
  });

  it('stops at the weekly cap of invitations per volunteer', async () => {
    await seed('cap', 1);
    const store = repo.matchingRepository();
    const outcomes = [];
    for (let i = 0; i < 4; i++) {
      outcomes.push(await store.invite({ id: `inv-cap-${i}`, opportunityId: `opp-cap-${i}`, shiftId: 's', channel: 'email', sentAt: NOW.toISOString() }, 'cap-v0', '2025-W09', 3));
    }
    expect(outcomes).toEqual(['invited', 'invited', 'invited', 'capped']);
    expect(await partition('MATCH#VOL#cap-v0')).toContainEqual(expect.objectContaining({ SK: 'INVWEEK#2025-W09', invitations: 3 }));
  });

  it('counts a new week from zero', async () => {
    const store = repo.matchingRepository();
    for (let i = 0; i < 3; i++) await store.invite({ id: `inv-w-${i}`, opportunityId: `opp-w-${i}`, shiftId: 's', channel: 'sms', sentAt: NOW.toISOString() }, 'week-v', '2025-W09', 3);
    expect(await store.invite({ id: 'inv-w-3', opportunityId: 'opp-w-3', shiftId: 's', channel: 'sms', sentAt: NOW.toISOString() }, 'week-v', '2025-W10', 3)).toBe('invited');
  });

  it('marks a volunteer who applied, so the next job recomputes their matches (issue 11)', async () => {
    const { handler } = await import('../../functions/consumers/matching-applications.js');
    const { toEnvelope } = await import('../../infra/local/jobs.js');
    const { testEvent } = await import('../helpers/events.js');
    const detail = {
      applicationId: 'app-marked', volunteerId: 'marked-v', opportunityId: 'opp-marked', shiftId: 'opp-marked-s1', orgId: 'org-1', status: 'pending',
      version: 1, shiftStart: '2025-03-04T15:00:00.000Z', shiftEnd: '2025-03-04T17:00:00.000Z', at: NOW.toISOString(), by: 'marked-v',
    };

    await handler(toEnvelope(testEvent('ApplicationSubmitted', detail)));

    expect(await partition('MATCH#CHANGES')).toContainEqual(expect.objectContaining({ SK: 'VOL#marked-v' }));
  });

  it('keeps a change marker that changed again while the job worked on it', async () => {
    const store = repo.matchingRepository();
    await store.markChanged({ kind: 'VOL', id: 'marker-v', changedAt: '2025-03-02T06:00:00.000Z' });
    await store.markChanged({ kind: 'VOL', id: 'marker-v', changedAt: '2025-03-02T06:05:00.000Z' });
    await store.clearChange({ kind: 'VOL', id: 'marker-v', changedAt: '2025-03-02T06:00:00.000Z' });
    expect(await partition('MATCH#CHANGES')).toContainEqual(expect.objectContaining({ SK: 'VOL#marker-v' }));
  });
});

describe("a volunteer's matches as read (issue 11)", () => {
  const stored = (opportunityId: string, shiftId: string) => ({
    opportunityId,
    shiftId,
    score: 50,
    reasons: [],
    opportunity: { orgId: 'org-1', titleAr: 'ف', titleEn: 'o', category: 'health' as const, city: 'riyadh' as const, remote: false },
    matchedAt: NOW.toISOString(),
  });
  /** Matches stored by an earlier run, of opportunities still open; then `change` happens; then the volunteer reads. */
  const readAfter = async (volunteerId: string, change: () => Promise<void>) => {
    const { myMatches } = await import('../../shared/domain/matching/read.js');
    const store = repo.matchingRepository();
    const ids = ['a', 'b'].map((x) => `read-${volunteerId}-${x}`);
    for (const id of ids) await store.putOpenOpportunity(opportunityView(id));
    await store.replaceMatches(volunteerId, ids.map((id) => stored(id, `${id}-s1`)), []);
    await change();
    const page = await myMatches(store, { sub: volunteerId, groups: ['volunteer'] }, { limit: 20 }, NOW);
    return { ids, shown: page.items.map((m) => m.opportunityId) };
  };

  it('leaves out a match whose shift the volunteer applied to since', async () => {
    const { ids, shown } = await readAfter('read-v1', () =>
      seedApplication('read-v1', { opportunityId: 'read-read-v1-a', shiftId: 'read-read-v1-a-s1', status: 'pending', shiftEnd: '2025-03-04T17:00:00Z' }),
    );
    expect(shown).toEqual([ids[1]]);
  });

  it('leaves out a match whose shift filled up since', async () => {
    const { ids, shown } = await readAfter('read-v2', () => seedShift('read-read-v2-b', 'read-read-v2-b-s1', 3, 3));
    expect(shown).toEqual([ids[0]]);
  });

  it('leaves out an opportunity where the volunteer took a seat on another shift since', async () => {
    const { ids, shown } = await readAfter('read-v3', () =>
      seedApplication('read-v3', { opportunityId: 'read-read-v3-a', shiftId: 'read-read-v3-a-s9', status: 'approved', shiftEnd: '2025-03-11T17:00:00Z' }),
    );
    expect(shown).toEqual([ids[1]]);
  });
});
