import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { documentClient } from '../../shared/db/client.js';
import { charterAcceptance } from '../../shared/db/entities/charter-acceptance.js';
import { consentChange } from '../../shared/db/entities/consent-change.js';
import { nationalIdClaim, volunteer as volunteerEntity } from '../../shared/db/entities/volunteer.js';
import { screeningProfiles } from '../../shared/db/volunteer-fields.js';
import { volunteerRepository } from '../../shared/db/volunteer-repository.js';
import { ConflictError } from '../../shared/domain/errors.js';
import * as errors from '../../shared/domain/volunteers/errors.js';
import type { VolunteerRecord } from '../../shared/domain/volunteers/schema.js';
import type { VolunteerRepository } from '../../shared/domain/volunteers/service.js';
import { createTestTable } from '../helpers/table.js';

let repo: VolunteerRepository;
let tableName: string;
// Taken at import, before createTestTable() points the environment at DynamoDB Local: the
// client behind it is built at its first use (shared/db/client.ts), so it reaches the table.
const client: DynamoDBDocumentClient = documentClient();

beforeAll(async () => {
  ({ tableName } = await createTestTable());
  repo = volunteerRepository(client, tableName);
});

let counter = 0;
/** A stored profile for a fresh user and a fresh national-ID hash. */
const record = (overrides: Partial<VolunteerRecord> = {}): VolunteerRecord => {
  counter += 1;
  const { nationalId: _id, ...fields } = JSON.parse(registerEvent.body) as Record<string, unknown>;
  return {
    ...(fields as Omit<VolunteerRecord, 'id'>),
    id: `user-${counter}-${Date.now()}`,
    nationalIdHash: `hash-${counter}-${Date.now()}`,
    nationalIdMasked: '1*****5439',
    consent: {
      email: { granted: true, changedAt: '2026-04-12T09:15:00.000Z' },
      sms: { granted: true, changedAt: '2026-04-12T09:15:00.000Z' },
    },
    createdAt: '2026-04-12T09:15:00.000Z',
    updatedAt: '2026-04-12T09:15:00.000Z',
    revision: 1,
    ...overrides,
  };
};

const getItem = async (key: Record<string, string>) => (await client.send(new GetCommand({ TableName: tableName, Key: key }))).Item;

describe('volunteer repository: registration', () => {
  it('stores the profile and the national-ID marker', async () => {
    const volunteer = record();
    await repo.create(volunteer, []);
    await expect(repo.get(volunteer.id)).resolves.toEqual(volunteer);
    await expect(getItem(nationalIdClaim.keys.item(volunteer.nationalIdHash))).resolves.toMatchObject({ entity: 'NationalIdClaim', volunteerId: volunteer.id });
  });

  it('answers undefined for a user without a profile', async () => {
    await expect(repo.get('nobody')).resolves.toBeUndefined();
  });

  it('refuses a second profile for the same user', async () => {
    const first = record();
    await repo.create(first, []);
    const second = record({ id: first.id });
    await expect(repo.create(second, [])).rejects.toThrow(errors.VolunteerAlreadyRegisteredError);
    await expect(getItem(nationalIdClaim.keys.item(second.nationalIdHash))).resolves.toBeUndefined();
  });

  it('refuses a second profile for the same national ID, keeping the first intact', async () => {
    const first = record();
    await repo.create(first, []);
    const second = record({ nationalIdHash: first.nationalIdHash });
    await expect(repo.create(second, [])).rejects.toThrow(errors.NationalIdTakenError);
    await expect(repo.get(second.id)).resolves.toBeUndefined();
    await expect(repo.get(first.id)).resolves.toEqual(first);
  });

  it('keeps the SDK error as the cause of the domain error', async () => {
    const first = record();
    await repo.create(first, []);
    await expect(repo.create(record({ id: first.id }), [])).rejects.toSatisfy(
      (error: Error) => (error.cause as Error | undefined)?.name === 'TransactionCanceledException',
    );
  });

  it('lets exactly one of two concurrent registrations of the same national ID succeed', async () => {
    const hash = `contested-${Date.now()}`;
    const contenders = Array.from({ length: 2 }, () => record({ nationalIdHash: hash }));
    const results = await Promise.allSettled(contenders.map((c) => repo.create(c, [])));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [refused] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(errors.NationalIdTakenError);
    const stored = await Promise.all(contenders.map((c) => repo.get(c.id)));
    expect(stored.filter(Boolean)).toHaveLength(1);
    const marker = await getItem(nationalIdClaim.keys.item(hash));
    expect(marker?.volunteerId).toBe(stored.find(Boolean)?.id);
  });

  it('lets exactly one of ten concurrent registrations of the same national ID succeed', async () => {
    const hash = `crowded-${Date.now()}`;
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => repo.create(record({ nationalIdHash: hash }), [])));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(refusals).toHaveLength(9);
    for (const refusal of refusals) expect(refusal).toBeInstanceOf(ConflictError);
  });

  it('writes the consent trail with the profile', async () => {
    const volunteer = record();
    await repo.create(volunteer, [
      { channel: 'email', granted: true, at: volunteer.createdAt },
      { channel: 'sms', granted: false, at: volunteer.createdAt },
    ]);
    const { Items } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :consent)',
        ExpressionAttributeValues: { ':pk': volunteerEntity.keys.partition(volunteer.id), ':consent': consentChange.keys.prefix },
      }),
    );
    expect(Items?.map((i) => [i.channel, i.granted])).toEqual([
      ['email', true],
      ['sms', false],
    ]);
  });
});

describe('projected profile reads', () => {
  it('reads the fields screening needs and nothing else (no national ID)', async () => {
    const volunteer = record({ acceptedCharterVersion: '2026-1' });
    await repo.create(volunteer, []);
    const { nameAr, nameEn, birthDate, email, phone, city, professions, acceptedCharterVersion } = volunteer;

    await expect(screeningProfiles(client, () => tableName).get(volunteer.id)).resolves.toEqual({ nameAr, nameEn, birthDate, email, phone, city, professions, acceptedCharterVersion });
    await expect(screeningProfiles(client, () => tableName).get('nobody')).resolves.toBeUndefined();
  });
});

describe('volunteer repository: updates', () => {
  it('replaces the given fields when the revision matches', async () => {
    const volunteer = record();
    await repo.create(volunteer, []);
    await repo.update(volunteer.id, { city: 'riyadh', consent: volunteer.consent, updatedAt: '2026-05-01T00:00:00.000Z', revision: 2 }, 1, []);
    await expect(repo.get(volunteer.id)).resolves.toEqual({ ...volunteer, city: 'riyadh', updatedAt: '2026-05-01T00:00:00.000Z', revision: 2 });
  });

  it('refuses an update based on a stale revision', async () => {
    const volunteer = record();
    await repo.create(volunteer, []);
    const changes = { city: 'riyadh' as const, consent: volunteer.consent, updatedAt: '2026-05-01T00:00:00.000Z', revision: 2 };
    await repo.update(volunteer.id, changes, 1, []);
    await expect(repo.update(volunteer.id, { ...changes, city: 'abha' }, 1, [])).rejects.toThrow(errors.ConcurrentWriteError);
    await expect(repo.get(volunteer.id)).resolves.toMatchObject({ city: 'riyadh' });
  });

  it('refuses to update a profile that does not exist, creating nothing', async () => {
    const changes = { city: 'riyadh' as const, consent: record().consent, updatedAt: '2026-05-01T00:00:00.000Z', revision: 2 };
    await expect(repo.update('ghost', changes, 1, [{ channel: 'sms', granted: false, at: '2026-05-01T00:00:00.000Z' }])).rejects.toThrow(
      errors.VolunteerNotFoundError,
    );
    await expect(getItem(volunteerEntity.keys.item('ghost'))).resolves.toBeUndefined();
    await expect(getItem(consentChange.keys.item('ghost', '2026-05-01T00:00:00.000Z', 'sms'))).resolves.toBeUndefined();
  });
});

describe('volunteer repository: charter acceptance', () => {
  it('records the acceptance and marks the profile', async () => {
    const volunteer = record();
    await repo.create(volunteer, []);
    const acceptance = { version: '2026-1', acceptedAt: '2026-04-12T10:00:00.000Z' };
    await expect(repo.acceptCharter(volunteer.id, acceptance)).resolves.toEqual({ created: true, acceptance });
    await expect(repo.get(volunteer.id)).resolves.toMatchObject({ acceptedCharterVersion: '2026-1', charterAcceptedAt: acceptance.acceptedAt });
    await expect(getItem(charterAcceptance.keys.item(volunteer.id, '2026-1'))).resolves.toMatchObject({ acceptedAt: acceptance.acceptedAt });
  });

  it('keeps the first acceptance time when the same version is accepted again', async () => {
    const volunteer = record();
    await repo.create(volunteer, []);
    const first = { version: '2026-1', acceptedAt: '2026-04-12T10:00:00.000Z' };
    await repo.acceptCharter(volunteer.id, first);
    await expect(repo.acceptCharter(volunteer.id, { version: '2026-1', acceptedAt: '2026-06-01T00:00:00.000Z' })).resolves.toEqual({
      created: false,
      acceptance: first,
    });
    await expect(repo.get(volunteer.id)).resolves.toMatchObject({ charterAcceptedAt: first.acceptedAt });
  });

  it('refuses an acceptance from a user without a profile, writing nothing', async () => {
    await expect(repo.acceptCharter('ghost-2', { version: '2026-1', acceptedAt: '2026-04-12T10:00:00.000Z' })).rejects.toThrow(
      errors.VolunteerNotFoundError,
    );
    await expect(getItem(charterAcceptance.keys.item('ghost-2', '2026-1'))).resolves.toBeUndefined();
  });
});
