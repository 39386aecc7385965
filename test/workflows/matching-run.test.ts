import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../helpers/table.js';
import { NOW, opportunityView, seedApplication, seedShift, testPorts, volunteerRecord } from '../integration/matching-support.js';

let db: typeof import('../../shared/db/client.js');
let repo: typeof import('../../shared/db/matching-repository.js');
let service: typeof import('../../shared/domain/matching/service.js');
let adapters: typeof import('../../shared/domain/matching/adapters.js');
let run: typeof import('../../functions/workflows/matching-run/start-run.js');

const VOLUNTEERS = 40;

beforeAll(async () => {
  await createTestTable();
  db = await import('../../shared/db/client.js');
  repo = await import('../../shared/db/matching-repository.js');
  service = await import('../../shared/domain/matching/service.js');
  adapters = await import('../../shared/domain/matching/adapters.js');
  run = await import('../../functions/workflows/matching-run/start-run.js');
  const { ports } = testPorts(repo.matchingRepository());
  for (let i = 0; i < VOLUNTEERS; i++) {
    const record = volunteerRecord(`run-v${i}`, { professions: i % 2 === 0 ? ['doctor'] : ['nurse'], interests: i % 3 === 0 ? ['health'] : ['education'] });
    await service.indexVolunteer(ports, adapters.toMatchVolunteer(record), adapters.volunteerCard(record));
  }
  for (let i = 0; i < 12; i++) {
    await service.openOpportunity(ports, opportunityView(`run-o${String(i).padStart(2, '0')}`, { professions: i % 3 === 0 ? ['nurse'] : ['doctor'], category: i % 2 === 0 ? 'health' : 'education' }));
  }
});

const rankItems = async (volunteerId: string) =>
  (await db.documentClient().send(new QueryCommand({ TableName: process.env.TABLE_NAME, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `MATCH#VOL#${volunteerId}` } }))).Items ?? [];

describe('MatchingRun, run in-process over the same shards', () => {
  const input = { runId: 'matching-20250302060000', now: NOW.toISOString(), shards: Array.from({ length: 256 }, (_, i) => i) };

  it('cuts the shards into the batches the ItemBatcher makes', () => {
    const batches = run.batchesOf(input);
    expect(batches).toHaveLength(64);
    expect(batches[0]).toEqual({ BatchInput: { runId: input.runId, now: input.now }, Items: [{ shard: 0 }, { shard: 1 }, { shard: 2 }, { shard: 3 }] });
  });

  it('matches every volunteer of every shard and writes their ranked matches', async () => {
    const summary = await run.runShardsInProcess({ store: repo.matchingRepository() }, input);
    expect(summary).toMatchObject({ batches: 64, volunteers: VOLUNTEERS });
    const doctor = await rankItems('run-v0');
    expect(doctor.map((i) => i.opportunityId)).toHaveLength(8);
    expect(doctor[0]).toMatchObject({ SK: 'RANK#000', shiftId: expect.stringMatching(/^run-o\d\d-s1$/) });
    expect(await repo.matchingRepository().candidatePage('run-o01', 100)).toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ volunteerId: 'run-v0' })]) });
  });

  it('writes nothing and changes nothing when the same run is repeated', async () => {
    const before = await rankItems('run-v0');
    const again = await run.runShardsInProcess({ store: repo.matchingRepository() }, input);
    expect(again.itemsWritten).toBe(0);
    expect(await rankItems('run-v0')).toEqual(before);
  });

  it('drops the tail ranks and candidates of an opportunity that closed', async () => {
    const { ports } = testPorts(repo.matchingRepository());
    await service.closeOpportunity(ports, 'run-o01');
    await run.runShardsInProcess({ store: repo.matchingRepository() }, { ...input, runId: 'matching-20250302070000' });
    const doctor = await rankItems('run-v0');
    expect(doctor.map((i) => i.opportunityId)).not.toContain('run-o01');
    expect(doctor).toHaveLength(7);
  });
});

describe('MatchingRun leaves out what the volunteer already has (issue 11)', () => {
  // Lawyers and legal-aid opportunities: nothing the volunteers above can match, nor these them.
  const lawyer = (id: string) => volunteerRecord(id, { professions: ['lawyer'], interests: ['legal-aid'] });
  // Tuesdays 4 and 11 March 2025, 18:00–20:00 Riyadh: inside the volunteers' Tuesday evenings.
  const tuesday = (id: string) => ({ id, start: '2025-03-04T15:00:00Z', end: '2025-03-04T17:00:00Z' });
  const nextTuesday = (id: string) => ({ id, start: '2025-03-11T15:00:00Z', end: '2025-03-11T17:00:00Z' });
  const legal = (id: string, shifts: { id: string; start: string; end: string }[]) =>
    opportunityView(id, { professions: ['lawyer'], category: 'legal-aid', shifts });
  const volunteers = ['hold-free', 'hold-applied', 'hold-withdrawn', 'hold-seat'];
  const matchesOf = async (volunteerId: string) => (await rankItems(volunteerId)).map((i) => `${String(i.opportunityId)}/${String(i.shiftId)}`);

  beforeAll(async () => {
    const { ports } = testPorts(repo.matchingRepository());
    for (const id of volunteers) {
      const record = lawyer(id);
      await service.indexVolunteer(ports, adapters.toMatchVolunteer(record), adapters.volunteerCard(record));
    }
    await service.openOpportunity(ports, legal('hold-full', [tuesday('hold-full-s1'), nextTuesday('hold-full-s2')]));
    await service.openOpportunity(ports, legal('hold-one', [tuesday('hold-one-s1')]));
    await service.openOpportunity(ports, legal('hold-seat', [tuesday('hold-seat-s1'), nextTuesday('hold-seat-s2')]));
    await seedShift('hold-full', 'hold-full-s1', 2, 2);
    await seedShift('hold-full', 'hold-full-s2', 2, 1);
    await seedApplication('hold-applied', { opportunityId: 'hold-one', shiftId: 'hold-one-s1', status: 'pending', shiftEnd: '2025-03-04T17:00:00Z' });
    await seedApplication('hold-withdrawn', { opportunityId: 'hold-one', shiftId: 'hold-one-s1', status: 'withdrawn', shiftEnd: '2025-03-04T17:00:00Z' });
    await seedApplication('hold-seat', { opportunityId: 'hold-seat', shiftId: 'hold-seat-s1', status: 'approved', shiftEnd: '2025-03-04T17:00:00Z' });
    // Only these volunteers' shards: the run is the same, the test faster.
    const shards = [...new Set(volunteers.map((id) => adapters.shardOf(id)))];
    await run.runShardsInProcess({ store: repo.matchingRepository() }, { runId: 'matching-20250302080000', now: NOW.toISOString(), shards });
  });

  it('recommends the shift with a seat left, not the full one', async () => {
    expect(await matchesOf('hold-free')).toContain('hold-full/hold-full-s2');
    expect(await matchesOf('hold-free')).not.toContain('hold-full/hold-full-s1');
  });

  it('never recommends a shift the volunteer applied to', async () => {
    expect(await matchesOf('hold-free')).toContain('hold-one/hold-one-s1');
    expect((await matchesOf('hold-applied')).filter((m) => m.startsWith('hold-one/'))).toEqual([]);
  });

  it('never recommends a shift the volunteer withdrew from', async () => {
    expect((await matchesOf('hold-withdrawn')).filter((m) => m.startsWith('hold-one/'))).toEqual([]);
  });

  it('never recommends an opportunity where the volunteer holds a seat, not even its other shifts', async () => {
    expect((await matchesOf('hold-seat')).filter((m) => m.startsWith('hold-seat/'))).toEqual([]);
    expect(await matchesOf('hold-seat')).toContain('hold-full/hold-full-s2');
  });
});
