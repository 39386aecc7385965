/**
 * The transactional outbox (issue 10 §1): an event is an item written in the transaction of
 * its state change, and the relay (the table's stream → the bus; infra/local/event-relay.ts
 * here, EventBridge Pipes in the cloud) delivers it. The platform runs as `npm start` in a
 * child process on the test run's DynamoDB Local and SES emulator (both outlive it): the
 * transaction commits while the platform is down (killed between the transaction and the
 * relay), and the event is delivered once after the restart — and not again after the next.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, platformSettings, startPlatformProcess, type PlatformProcess, type PlatformSettings } from '../helpers/platform-process.js';
import { createTestTable } from '../helpers/table.js';

let settings: PlatformSettings;
let platform: PlatformProcess | undefined;

beforeAll(async () => {
  const { tableName, endpoint } = await createTestTable();
  settings = await platformSettings(mkdtempSync(join(tmpdir(), `tatawwu-outbox-${randomUUID().slice(0, 8)}-`)), {
    LOCAL_SES_URL: inject('sesUrl'),
    LOCAL_DYNAMODB_URL: endpoint,
    LOCAL_TABLE_NAME: tableName,
  });
});
afterAll(async () => {
  await platform?.stop('SIGTERM');
  rmSync(settings.dataDir, { recursive: true, force: true });
});

const delivered = async () => ((await call(platform!.apiUrl, 'POST', '/local/events/flush')).body as { events: { id: string; type: string }[] }).events;

describe('transactional outbox', () => {
  it('delivers an event committed while the relay was down once after the restart, and not again after the next', async () => {
    const support = await import('./applications-support.js');
    const { applicationEvent } = await import('../../shared/domain/applications/events.js');
    const { applicationRepository } = await import('../../shared/db/application-repository.js');
    const seeded = await support.seedOpportunity({ requiresApproval: false });
    const sub = await support.seedVolunteer();
    const application = await support.seedApplication(sub, seeded);
    const repo = applicationRepository();
    const facts = { at: new Date().toISOString(), by: 'system' };
    const bookings = await repo.bookingsAround(sub, { start: application.shiftStart, end: application.shiftEnd });

    // What committed just before the crash: the approval and its event, in one transaction.
    await repo.reserveSeat(application, { to: 'approved', ...facts }, bookings, (approved) => [applicationEvent('ApplicationApproved', approved, facts)]);
    platform = await startPlatformProcess(settings);
    const afterRestart = await delivered();
    await platform.stop('SIGKILL');
    platform = await startPlatformProcess(settings);
    const afterSecondRestart = await delivered();

    const approvals = (events: { id: string; type: string }[]) => events.filter((e) => e.type === 'ApplicationApproved' && e.id.startsWith(application.id));
    expect(approvals(afterRestart)).toHaveLength(1);
    expect(approvals(afterSecondRestart)).toHaveLength(0);
    expect((await call(platform.apiUrl, 'GET', '/local/dead-letters')).body.items).toEqual([]);
    expect((await repo.get(application.id))?.status).toBe('approved');
  }, 240_000);
});

/**
 * The one BatchWrite helper (shared/db/client.ts) the outbox publisher, matching, join codes,
 * the audit trail and the erasure write through. DynamoDB Local never leaves items unprocessed
 * (it does not throttle), so the client here is a stand-in that does, and records the calls.
 */
describe('batchWriteAll', () => {
  type Request = { PutRequest: { Item: { id: number } } };
  const stubClient = (unprocessed: (sent: Request[]) => Request[]) => {
    const calls: Request[][] = [];
    const client = {
      async send(command: { input: { RequestItems: Record<string, Request[]> } }) {
        const sent = command.input.RequestItems.t!;
        calls.push(sent);
        const left = unprocessed(sent);
        return { UnprocessedItems: left.length > 0 ? { t: left } : {} };
      },
    };
    return { client: client as unknown as import('@aws-sdk/lib-dynamodb').DynamoDBDocumentClient, calls };
  };
  const requests = (n: number): Request[] => Array.from({ length: n }, (_, id) => ({ PutRequest: { Item: { id } } }));

  it('writes in calls of at most 25 and re-sends what the table left unprocessed until all is written', async () => {
    const { batchWriteAll } = await import('../../shared/db/client.js');
    const { client, calls } = stubClient((sent) => (sent.length > 2 ? sent.slice(-2) : []));

    await batchWriteAll(client, 't', requests(60));

    const written = calls.flatMap((sent) => (sent.length > 2 ? sent.slice(0, -2) : sent)).map((r) => r.PutRequest.Item.id);
    expect(Math.max(...calls.map((sent) => sent.length))).toBe(25);
    expect(written.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, id) => id));
  });

  it('gives up after maxAttempts calls, naming what it could not write', async () => {
    const { batchWriteAll } = await import('../../shared/db/client.js');
    const { client, calls } = stubClient((sent) => sent);

    await expect(batchWriteAll(client, 't', requests(30), { maxAttempts: 3, what: 'join codes' })).rejects.toThrow(
      'could not write 30 join codes: the table kept 25 unprocessed after 3 tries',
    );
    expect(calls).toHaveLength(3);
  });
});
