/**
 * The deployed Erasure definition on the local runner behind the real gateway and table: a step
 * that crashes midway is run again by the workflow's Retry and the erasure completes; a second
 * execution for the same person (started again, e.g. after a failed one) succeeds and changes
 * nothing. The task handlers are the real ones, except the crashing EraseRecords fixture.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erasure } from '../../functions/workflows/erasure/definition.js';
import { createLocalWorkflowRunner, type LocalExecution, type LocalWorkflowRunner } from '../../infra/local/workflows.js';
import { hashNationalId } from '../../shared/security/national-id-protector.js';
import { livedVolunteer, type LivedVolunteer } from '../helpers/personal-data.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
let support: typeof import('../integration/applications-support.js');
let person: LivedVolunteer;
let runner: LocalWorkflowRunner;

/** Erasure with EraseRecords crashing once midway (test/workflows/fixtures/erase-records-crashing.ts). */
const crashingErasure = {
  ...erasure,
  tasks: { ...erasure.tasks, EraseRecords: { ...erasure.tasks.EraseRecords, entry: 'test/workflows/fixtures/erase-records-crashing.ts' } },
};

const statesOf = (execution: LocalExecution, state: string) => execution.history.filter((h) => h.state === state).map((h) => [h.type, h.error]);
const personalText = async () => {
  const text = JSON.stringify(await support.allItems());
  return [person.nameEn, person.nameAr, person.email, person.phone, person.company.workEmail, hashNationalId(person.nationalId, process.env.NATIONAL_ID_PEPPER!)].filter((secret) => text.includes(secret));
};

beforeAll(async () => {
  process.env.LOCAL_WORKFLOW_TIME_SCALE = '1e-3';
  platform = await startTestPlatform();
  support = await import('../integration/applications-support.js');
  person = await livedVolunteer(platform, support, await import('../integration/hours-support.js'));
  // Retry waits (2 s, 4 s…) are scaled like every wait.
  runner = createLocalWorkflowRunner({ workflows: [crashingErasure], install: false, timeScale: 1e-2 });
}, 120_000);
afterAll(async () => {
  await runner?.stop();
  await platform?.stop();
  delete process.env.LOCAL_WORKFLOW_TIME_SCALE;
});

describe('Erasure workflow', () => {
  let crashed: LocalExecution;

  beforeAll(async () => {
    const { executionId } = await runner.start('Erasure', { sub: person.sub }, { executionName: `erasure-${person.sub}` });
    crashed = await runner.settled(executionId);
  }, 60_000);

  it('completes an erasure whose step crashed midway, running the step again', () => {
    expect(crashed.status).toBe('SUCCEEDED');
    expect(statesOf(crashed, 'EraseRecords')).toEqual([
      ['StateEntered', undefined],
      ['StateFailed', 'LambdaCrashed'],
      ['StateRetried', undefined],
      ['StateExited', undefined],
    ]);
  });

  it('leaves nothing personal after the resumed run', async () => {
    expect(await personalText()).toEqual([]);
  });

  it('runs again for the same person without error, changing nothing', async () => {
    const itemsBefore = await support.allItems();
    const { executionId } = await runner.start('Erasure', { sub: person.sub }, { executionName: `erasure-${person.sub}-again` });

    const again = await runner.settled(executionId);

    expect(again.status).toBe('SUCCEEDED');
    const itemsAfter = await support.allItems();
    // What the erasure writes, compared whole. Messages are compared by which exist (none new, none
    // gone): the notifier keeps delivering the earlier run's messages (the promoted volunteer's
    // email) in the background, so their attempts, lease and status move on their own.
    const comparable = (items: Record<string, unknown>[]) =>
      items
        .filter((i) => i.entity !== 'ConsumedEvent' && i.entity !== 'OutboxEvent')
        .map((i) => (i.entity === 'Notification' ? { PK: i.PK, SK: i.SK, entity: i.entity, about: i.about, address: i.address, channel: i.channel } : i));
    expect(comparable(itemsAfter)).toEqual(comparable(itemsBefore));
  });
});
