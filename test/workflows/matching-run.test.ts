import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../helpers/table.js';
import { NOW, opportunityView, testPorts, volunteerRecord } from '../integration/matching-support.js';

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
