/**
 * Issue 11: managers list their own opportunities in every status and edit them — a draft
 * freely, a published one without breaking the seats already taken (capacity never below the
 * seats taken, shifts with seats not moved), and its volunteers are told of a change of place.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/db/client.js';
import { booking } from '../../shared/db/entities/booking.js';
import { opportunity as opportunityEntity } from '../../shared/db/entities/opportunity.js';
import { shift as shiftEntity } from '../../shared/db/entities/shift.js';
import { opportunityRepository } from '../../shared/db/opportunity-repository.js';
import { OpportunityChangedError } from '../../shared/domain/opportunities/errors.js';
import { localBus } from '../../shared/messaging/local-bus.js';
import { emailsTo, seedVolunteer } from '../integration/notifications-support.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';
import { hoursFromNow, opportunityBody, seedOrganization } from '../helpers/builders.js';

let platform: TestPlatform;
const body = () =>
  opportunityBody([
    { start: hoursFromNow(48), end: hoursFromNow(52), capacity: 20 },
    { start: hoursFromNow(72), end: hoursFromNow(76), capacity: 5 },
  ]);

const identicalShifts = (start: string, end: string) => ({ shifts: [{ start, end, capacity: 3 }, { start, end, capacity: 4 }] });
const manager = (orgId: string) => platform.token({ sub: `manager-${orgId}`, groups: ['org-manager'], orgId });

interface Created {
  id: string;
  updatedAt: string;
  shifts: { id: string; start: string; end: string; capacity: number; seatsLeft: number }[];
}

const draft = async (orgId: string): Promise<Created> => {
  const response = await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, { token: await manager(orgId), body: body() });
  expect(response.status).toBe(201);
  return response.body as Created;
};

const published = async (orgId: string): Promise<Created> => {
  const created = await draft(orgId);
  expect((await platform.request('POST', `/v1/opportunities/${created.id}/publish`, { token: await manager(orgId) })).status).toBe(200);
  return created;
};

const patch = async (orgId: string, id: string, edit: unknown) => platform.request('PATCH', `/v1/opportunities/${id}`, { token: await manager(orgId), body: edit });

/** An approved seat as the applications area stores it: the shift's counter and the volunteer's booking. */
const takeSeat = async (opportunityId: string, orgId: string, shift: Created['shifts'][number], volunteerId: string) => {
  await documentClient().send(
    new UpdateCommand({
      TableName: platform.tableName,
      Key: shiftEntity.keys.item(opportunityId, shift.id),
      UpdateExpression: 'ADD seatsTaken :one',
      ExpressionAttributeValues: { ':one': 1 },
    }),
  );
  await documentClient().send(
    new PutCommand({
      TableName: platform.tableName,
      Item: booking.toItem(
        { volunteerId, applicationId: ulid(), opportunityId, orgId, shiftId: shift.id, start: shift.start, end: shift.end },
        { ...booking.keys.item(volunteerId, shift.start, shift.id), ...booking.keys.startIndex(shift.start, shift.id, volunteerId) },
      ),
    }),
  );
};

const stored = async (id: string) =>
  (await documentClient().send(new GetCommand({ TableName: platform.tableName, Key: opportunityEntity.keys.item(id), ConsistentRead: true }))).Item;

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

describe('GET /v1/organizations/{orgId}/opportunities', () => {
  it('lists its own opportunities in every status, newest first, and by status', async () => {
    const orgId = await seedOrganization();
    const first = await draft(orgId);
    const second = await published(orgId);
    const third = await published(orgId);
    expect((await platform.request('POST', `/v1/opportunities/${third.id}/close`, { token: await manager(orgId) })).status).toBe(200);
    const token = await manager(orgId);

    const all = await platform.request('GET', `/v1/organizations/${orgId}/opportunities`, { token });
    expect(all.status).toBe(200);
    expect(all.body.items.map((o: { id: string; status: string }) => [o.id, o.status]).sort()).toEqual(
      [[first.id, 'draft'], [second.id, 'published'], [third.id, 'closed']].sort(),
    );
    for (const [status, id] of [['draft', first.id], ['published', second.id], ['closed', third.id]] as const) {
      const page = await platform.request('GET', `/v1/organizations/${orgId}/opportunities?status=${status}`, { token });
      expect(page.body.items.map((o: { id: string }) => o.id)).toEqual([id]);
    }
  });

  it('pages with a cursor', async () => {
    const orgId = await seedOrganization();
    const ids = [(await draft(orgId)).id, (await draft(orgId)).id, (await draft(orgId)).id];
    const token = await manager(orgId);
    const first = await platform.request('GET', `/v1/organizations/${orgId}/opportunities?status=draft&limit=2`, { token });
    const second = await platform.request('GET', `/v1/organizations/${orgId}/opportunities?status=draft&limit=2&cursor=${first.body.nextCursor}`, { token });
    expect([...first.body.items, ...second.body.items].map((o: { id: string }) => o.id)).toEqual([...ids].reverse());
  });

  it("answers 403 to another organisation's manager and to a volunteer, 400 to an unknown status", async () => {
    const orgId = await seedOrganization();
    expect((await platform.request('GET', `/v1/organizations/${orgId}/opportunities`, { token: await manager(ulid()) })).status).toBe(403);
    expect((await platform.request('GET', `/v1/organizations/${orgId}/opportunities`, { token: await platform.token({ sub: 'v', groups: ['volunteer'] }) })).status).toBe(403);
    const bad = await platform.request('GET', `/v1/organizations/${orgId}/opportunities?status=open`, { token: await manager(orgId) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.status']);
  });
});

describe('PATCH /v1/opportunities/{id}', () => {
  it('changes a draft freely: fields, shift times, capacity, a shift removed and one added', async () => {
    const orgId = await seedOrganization();
    const created = await draft(orgId);
    const [a] = created.shifts;
    const later = { start: hoursFromNow(100), end: hoursFromNow(103), capacity: 2 };
    const response = await patch(orgId, created.id, {
      titleEn: 'Beach clean-up (north)',
      city: 'makkah',
      shifts: [{ id: a!.id, start: hoursFromNow(50), end: hoursFromNow(53), capacity: 3 }, later],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ titleEn: 'Beach clean-up (north)', city: 'makkah', status: 'draft' });
    expect(response.body.shifts.map((s: { capacity: number }) => s.capacity)).toEqual([3, 2]);
    expect(response.body.shifts[0].id).toBe(a!.id);
    const read = await platform.request('GET', `/v1/opportunities/${created.id}`, { token: await manager(orgId) });
    expect(read.body).toEqual(response.body);
  });

  it('refuses capacity below the seats taken of a published shift, naming it, and writes nothing', async () => {
    const orgId = await seedOrganization();
    const created = await published(orgId);
    const shift = created.shifts[0]!;
    for (const n of [1, 2, 3]) await takeSeat(created.id, orgId, shift, `vol-${n}-${ulid()}`);
    const before = await stored(created.id);
    const response = await patch(orgId, created.id, {
      titleEn: 'Renamed',
      shifts: [{ id: shift.id, start: shift.start, end: shift.end, capacity: 2 }, ...created.shifts.slice(1).map(({ seatsLeft: _left, ...s }) => s)],
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['shifts.0.capacity']);
    expect(await stored(created.id)).toEqual(before);
  });

  it('keeps a published shift with seats in place (no move, no removal) but lets its capacity grow', async () => {
    const orgId = await seedOrganization();
    const created = await published(orgId);
    const [seated, free] = created.shifts;
    await takeSeat(created.id, orgId, seated!, `vol-${ulid()}`);
    const moved = await patch(orgId, created.id, {
      shifts: [
        { id: seated!.id, start: hoursFromNow(49), end: hoursFromNow(53), capacity: seated!.capacity },
        { id: free!.id, start: free!.start, end: free!.end, capacity: free!.capacity },
      ],
    });
    expect(moved.status).toBe(422);
    expect(moved.body.errors.map((e: { path: string }) => e.path)).toEqual(['shifts.0.start']);
    const removed = await patch(orgId, created.id, { shifts: [{ id: free!.id, start: free!.start, end: free!.end, capacity: free!.capacity }] });
    expect(removed.status).toBe(422);
    expect(removed.body.errors.map((e: { path: string }) => e.path)).toEqual(['shifts']);

    const grown = await patch(orgId, created.id, {
      shifts: [
        { id: seated!.id, start: seated!.start, end: seated!.end, capacity: 40 },
        { id: free!.id, start: hoursFromNow(80), end: hoursFromNow(84), capacity: free!.capacity },
      ],
    });
    expect(grown.status).toBe(200);
    expect(grown.body.shifts.find((s: { id: string }) => s.id === seated!.id)).toMatchObject({ capacity: 40, seatsLeft: 39, start: seated!.start });
    expect(grown.body.shifts.find((s: { id: string }) => s.id === free!.id).start).not.toBe(free!.start);
  });

  it('refuses to move a shift whose seat was taken after the edit read it (409, nothing written)', async () => {
    const orgId = await seedOrganization();
    const created = await published(orgId);
    const repo = opportunityRepository();
    const found = (await repo.get(created.id))!;
    const shift = found.shifts[0]!;
    await takeSeat(created.id, orgId, created.shifts.find((s) => s.id === shift.id)!, `vol-${ulid()}`);
    const before = await stored(created.id);
    const after = { ...found.opportunity, updatedAt: new Date().toISOString() };
    const plan = { keep: [{ shift: { ...shift, start: hoursFromNow(90), end: hoursFromNow(91) }, moved: true, seated: false, changed: true }], add: [], remove: [] };
    await expect(repo.update(found.opportunity, after, plan)).rejects.toThrow(OpportunityChangedError);
    expect(await stored(created.id)).toEqual(before);
  });

  it('tells the volunteers with a seat when the place of a published opportunity changes', async () => {
    const orgId = await seedOrganization();
    const created = await published(orgId);
    const volunteer = await seedVolunteer({ locale: 'en' });
    await takeSeat(created.id, orgId, created.shifts[0]!, volunteer.id);

    const response = await patch(orgId, created.id, { city: 'makkah', location: { lat: 21.4225, lon: 39.8262 } });
    expect(response.status).toBe(200);
    await platform.flushEvents();

    const updated = localBus.published.filter((e) => e.type === 'OpportunityUpdated' && e.detail.opportunityId === created.id);
    expect(updated).toHaveLength(1);
    expect(updated[0]!.detail).toMatchObject({ placeChanged: true, movedShifts: [] });
    const mails = await emailsTo(volunteer.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body.text).toContain('Makkah');
  });

  it('answers 409 for a closed opportunity, 403 to another organisation, 422 to an empty edit', async () => {
    const orgId = await seedOrganization();
    const created = await published(orgId);
    expect((await platform.request('PATCH', `/v1/opportunities/${created.id}`, { token: await manager(ulid()), body: { titleEn: 'Mine now' } })).status).toBe(403);
    const empty = await patch(orgId, created.id, {});
    expect(empty.status).toBe(422);
    expect((await platform.request('POST', `/v1/opportunities/${created.id}/close`, { token: await manager(orgId) })).status).toBe(200);
    expect((await patch(orgId, created.id, { titleEn: 'Reopened?' })).status).toBe(409);
  });

  it.each([
    ['an unknown shift id', (c: Created) => ({ shifts: [{ id: ulid(), start: c.shifts[0]!.start, end: c.shifts[0]!.end, capacity: 3 }] }), 'shifts.0.id'],
    ['a shift in the past', () => ({ shifts: [{ start: hoursFromNow(-5), end: hoursFromNow(-3), capacity: 3 }] }), 'shifts.0.start'],
    ['a shift longer than 24 hours', () => ({ shifts: [{ start: hoursFromNow(30), end: hoursFromNow(60), capacity: 3 }] }), 'shifts.0.end'],
    ['an unknown field', () => ({ status: 'published' }), 'status'],
    ['a new city far from the location kept', () => ({ location: { lat: 21.5433, lon: 39.1728 }, city: 'tabuk' }), 'location'],
    // One clock reading for both shifts: two `hoursFromNow(30)` calls differ when the millisecond turns between them.
    ['two identical shifts', () => identicalShifts(hoursFromNow(30), hoursFromNow(32)), 'shifts.1.start'],
  ])('answers 422 naming the field for %s, and writes nothing', async (_what, edit, path) => {
    const orgId = await seedOrganization();
    const created = await draft(orgId);
    const before = await stored(created.id);
    const response = await patch(orgId, created.id, edit(created));
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await stored(created.id)).toEqual(before);
  });
});
