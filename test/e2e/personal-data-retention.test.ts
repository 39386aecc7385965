/**
 * Retention (issue 18) through the gateway: what the retention table says is due carries the
 * DynamoDB TTL attribute at its time plus its period (DynamoDB deletes it then; DynamoDB Local
 * does not run TTL, so the attribute is what is checked), and what must stay carries none; the
 * idempotency store keeps no readable contact data, yet a replay answers the same.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { documentClient } from '../../shared/db/client.js';
import { application, applicationHistory } from '../../shared/db/entities/application.js';
import { cancelledSeat } from '../../shared/db/entities/booking.js';
import { auditEntry } from '../../shared/db/entities/audit-entry.js';
import { erasureCode } from '../../shared/db/entities/erasure.js';
import { notification } from '../../shared/db/entities/notification.js';
import { volunteer } from '../../shared/db/entities/volunteer.js';
import { idempotencyRecordId } from '../../shared/middleware/idempotency.js';
import { RETENTION } from '../../shared/domain/personal-data/retention.js';
import { newNationalId } from '../helpers/personal-data.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

const get = async (Key: Record<string, string>, table = platform.tableName) => (await documentClient().send(new GetCommand({ TableName: table, Key }))).Item;
const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/** A registered volunteer (through the gateway, with an Idempotency-Key). */
const registered = async () => {
  const sub = randomUUID();
  const email = `ret-${sub.slice(0, 8)}@example.com`;
  const key = randomUUID();
  const body = { ...(JSON.parse(registerEvent.body) as Record<string, unknown>), nationalId: newNationalId(), email };
  const response = await platform.request('POST', '/v1/volunteers', { token: await platform.token({ sub, groups: [] }), body, headers: { 'idempotency-key': key } });
  expect(response.status).toBe(201);
  return { sub, email, key, body, response, token: await platform.token({ sub, groups: ['volunteer'] }) };
};

describe('retention', () => {
  it('keeps the idempotency record of a registration without readable contact data', async () => {
    const v = await registered();
    const id = idempotencyRecordId({ requestContext: { authorizer: { jwt: { claims: { sub: v.sub } } }, http: { method: 'POST' } }, rawPath: '/v1/volunteers' } as never, v.key);

    const record = await get({ id }, `${platform.tableName}-idempotency`);

    expect(record?.status).toBe('COMPLETED');
    expect(JSON.stringify(record)).not.toContain(v.email);
    expect(JSON.stringify(record)).not.toContain('+966501234567');
  });

  it('still replays the same answer for the same key and body', async () => {
    const v = await registered();

    const again = await platform.request('POST', '/v1/volunteers', { token: await platform.token({ sub: v.sub, groups: [] }), body: v.body, headers: { 'idempotency-key': v.key } });

    expect(again.status).toBe(201);
    expect(again.body).toEqual(v.response.body);
  });

  it('gives message records a TTL one year after they were written', async () => {
    const v = await registered();
    await platform.request('DELETE', '/v1/volunteers/me', { token: v.token });

    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: platform.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': notification.keys.recipientPartition(`email:${v.email}`) },
      }),
    );

    expect(Items).toHaveLength(1);
    expect(Items[0]!.expiresAt).toBe(seconds(String(Items[0]!.createdAt)) + RETENTION.messages.seconds);
  });

  it('gives the erasure code a TTL of 15 minutes, and the audit entry of an export 5 years', async () => {
    const v = await registered();
    const erase = await platform.request('DELETE', '/v1/volunteers/me', { token: v.token });
    await platform.request('GET', '/v1/volunteers/me/export', { token: v.token });

    const code = await get(erasureCode.keys.item(v.sub));
    const { Items = [] } = await documentClient().send(
      new QueryCommand({ TableName: platform.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': auditEntry.keys.subjectPartition(v.sub) } }),
    );

    expect(code?.expiresAt).toBe(seconds(erase.body.expiresAt));
    expect(Items.map((i) => i.expiresAt)).toEqual([seconds(String(Items[0]!.at)) + RETENTION.auditTrail.seconds]);
  });

  /** Every item of an application's partition (the application and one history item per transition). */
  const partitionOf = async (id: string) =>
    (await documentClient().send(new QueryCommand({ TableName: platform.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': application.keys.item(id).PK } }))).Items ?? [];

  it('gives a withdrawn application and every item of its history a TTL one year after it closed, and an open one none', async () => {
    const support = await import('../integration/applications-support.js');
    const seeded = await support.seedOpportunity();
    const sub = await support.seedVolunteer();
    const closing = await support.seedApplication(sub, seeded);
    const open = await support.seedApplication(await support.seedVolunteer(), seeded);

    const response = await platform.request('POST', `/v1/applications/${closing.id}/withdraw`, { token: await platform.token({ sub, groups: ['volunteer'] }) });

    expect(response.status).toBe(200);
    const items = await partitionOf(closing.id);
    const due = seconds(String(items.find((i) => i.entity === application.name)?.updatedAt)) + RETENTION.closedApplications.seconds;
    expect(items.map((i) => [i.SK, i.expiresAt])).toEqual([
      ['APPLICATION', due],
      [applicationHistory.keys.item(closing.id, 1).SK, due],
      [applicationHistory.keys.item(closing.id, 2).SK, due],
    ]);
    expect((await partitionOf(open.id)).map((i) => i.expiresAt)).toEqual([undefined, undefined]);
  });

  it('gives a seat cancelled with its opportunity, its application and their history the same TTL', async () => {
    const support = await import('../integration/applications-support.js');
    const repo = (await import('../../shared/db/application-repository.js')).applicationRepository();
    const seeded = await support.seedOpportunity();
    const sub = await support.seedVolunteer();
    const submitted = await support.seedApplication(sub, seeded);
    const approved = await repo.reserveSeat(submitted, { to: 'approved', at: new Date().toISOString(), by: 'system' }, { version: 0, longestMs: 0 });
    const at = new Date().toISOString();

    await repo.cancelApproved(approved, { to: 'cancelled', at, by: 'system', reason: 'the opportunity was closed' });

    const due = seconds(at) + RETENTION.closedApplications.seconds;
    expect((await partitionOf(submitted.id)).map((i) => [i.SK, i.expiresAt])).toEqual([
      ['APPLICATION', due],
      [applicationHistory.keys.item(submitted.id, 1).SK, due],
      [applicationHistory.keys.item(submitted.id, 2).SK, due],
      [applicationHistory.keys.item(submitted.id, 3).SK, due],
    ]);
    expect((await get(cancelledSeat.keys.item(sub, approved.shiftStart, approved.shiftId)))?.expiresAt).toBe(due);
  });

  it('gives the profile no TTL: it stays until the volunteer asks for its erasure', async () => {
    const v = await registered();

    expect((await get(volunteer.keys.item(v.sub)))?.expiresAt).toBeUndefined();
  });
});
