/**
 * Training modules through the local gateway: authoring and versions, reading without the
 * answers, server-side grading, the attempt limit (also under concurrency), practical
 * confirmations, the caller's completions, and the gate at apply (422 naming `training`,
 * nothing written).
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
let support: typeof import('../integration/applications-support.js');

beforeAll(async () => {
  process.env.LOCAL_WORKFLOW_TIME_SCALE = '1e-3';
  platform = await startTestPlatform();
  support = await import('../integration/applications-support.js');
});
afterAll(async () => {
  await platform?.stop();
  delete process.env.LOCAL_WORKFLOW_TIME_SCALE;
});

const manager = (orgId: string) => platform.token({ sub: `manager-${orgId}`, groups: ['org-manager'], orgId });
const volunteer = (sub: string) => platform.token({ sub, groups: ['volunteer'] });
const admin = () => platform.token({ sub: 'admin-1', groups: ['ministry-admin'] });

const question = (answer: number) => ({
  textAr: 'سؤال',
  textEn: 'A question',
  options: [
    { ar: 'أ', en: 'a' },
    { ar: 'ب', en: 'b' },
    { ar: 'ج', en: 'c' },
  ],
  answer,
});

const module = (overrides: Record<string, unknown> = {}) => ({
  titleAr: 'الإسعافات الأولية',
  titleEn: 'First aid basics',
  contentAr: 'المحتوى',
  contentEn: 'The content',
  links: [{ kind: 'video', url: 'https://videos.example.sa/first-aid' }],
  questions: [question(0), question(1), question(2), question(0), question(1)],
  passMark: 80,
  validityDays: 365,
  ...overrides,
});

const author = async (orgId: string, body: Record<string, unknown> = module()) => {
  const response = await platform.request('POST', `/v1/organizations/${orgId}/trainings`, { token: await manager(orgId), body });
  expect(response.status).toBe(201);
  return response.body.id as string;
};

const attempt = async (sub: string, id: string, answers: number[], extra: Record<string, unknown> = {}) =>
  platform.request('POST', `/v1/trainings/${id}/attempts`, { token: await volunteer(sub), body: { answers, ...extra } });

describe('POST /v1/organizations/{orgId}/trainings', () => {
  it('creates a published version 1 whose id is a valid trainingModules entry', async () => {
    const orgId = ulid();
    const response = await platform.request('POST', `/v1/organizations/${orgId}/trainings`, { token: await manager(orgId), body: module() });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.stringMatching(/^[0-9a-z]{26}$/), version: 1, status: 'published' });
  });

  it("refuses a manager of another organisation with 403", async () => {
    const response = await platform.request('POST', `/v1/organizations/${ulid()}/trainings`, { token: await manager(ulid()), body: module() });

    expect(response.status).toBe(403);
  });

  it('answers 422 naming the answer index that is not an option', async () => {
    const orgId = ulid();
    const response = await platform.request('POST', `/v1/organizations/${orgId}/trainings`, {
      token: await manager(orgId),
      body: module({ questions: [question(3)] }),
    });

    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain('questions.0.answer');
  });
});

describe('GET /v1/trainings/{id}', () => {
  it('shows a volunteer the module without the answers', async () => {
    const id = await author(ulid());

    const response = await platform.request('GET', `/v1/trainings/${id}`, { token: await volunteer(`vol-${ulid()}`) });

    expect(response.status).toBe(200);
    expect(response.body.questions).toHaveLength(5);
    expect(JSON.stringify(response.body)).not.toContain('"answer"');
  });

  it('hides a draft from everyone but its authors', async () => {
    const orgId = ulid();
    const id = await author(orgId, module({ draft: true }));

    const asVolunteer = await platform.request('GET', `/v1/trainings/${id}`, { token: await volunteer(`vol-${ulid()}`) });
    const asAuthor = await platform.request('GET', `/v1/trainings/${id}`, { token: await manager(orgId) });

    expect(asVolunteer.status).toBe(404);
    expect(asAuthor.status).toBe(200);
    expect(asAuthor.body.questions[0].answer).toBe(0);
  });
});

describe('PUT /v1/trainings/{id}', () => {
  it('makes version 2 of a published module and the next completion records it', async () => {
    const orgId = ulid();
    const id = await author(orgId);
    const sub = `vol-${ulid()}`;

    const edited = await platform.request('PUT', `/v1/trainings/${id}`, { token: await manager(orgId), body: module({ questions: [question(2)] }) });
    const passed = await attempt(sub, id, [2]);
    const mine = await platform.request('GET', '/v1/volunteers/me/trainings', { token: await volunteer(sub) });

    expect(edited.body).toEqual({ id, version: 2, status: 'published' });
    expect(passed.body).toMatchObject({ score: 100, passed: true, version: 2 });
    expect(mine.body.items).toEqual([expect.objectContaining({ trainingId: id, version: 2, valid: true })]);
  });

  it('edits a draft in place and publishes it as version 1', async () => {
    const orgId = ulid();
    const id = await author(orgId, module({ draft: true }));

    const edited = await platform.request('PUT', `/v1/trainings/${id}`, { token: await manager(orgId), body: module({ titleEn: 'First aid, revised' }) });
    const published = await platform.request('POST', `/v1/trainings/${id}/publish`, { token: await manager(orgId) });
    const read = await platform.request('GET', `/v1/trainings/${id}`, { token: await volunteer(`vol-${ulid()}`) });

    expect(edited.body).toEqual({ id, version: 1, status: 'draft' });
    expect(published.body).toEqual({ id, version: 1, status: 'published' });
    expect(read.body.titleEn).toBe('First aid, revised');
  });

  it('answers 404 to a manager of another organisation', async () => {
    const id = await author(ulid());

    const response = await platform.request('PUT', `/v1/trainings/${id}`, { token: await manager(ulid()), body: module() });

    expect(response.status).toBe(404);
  });
});

describe('POST /v1/trainings/{id}/attempts', () => {
  it('grades server-side: 4 of 5 right passes a pass mark of 80 with validUntil a year on', async () => {
    const id = await author(ulid());
    const before = Date.now();

    const response = await attempt(`vol-${ulid()}`, id, [0, 1, 2, 0, 0]);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ score: 80, passed: true, version: 1, attemptsLeft: 2 });
    const validUntil = new Date(response.body.validUntil).getTime();
    expect(validUntil).toBeGreaterThanOrEqual(before + 365 * 86_400_000);
    expect(validUntil).toBeLessThan(Date.now() + 365 * 86_400_000 + 1);
  });

  it('fails 3 of 5 right, with no completion and no validUntil', async () => {
    const id = await author(ulid());
    const sub = `vol-${ulid()}`;

    const response = await attempt(sub, id, [0, 1, 2, 1, 0]);
    const mine = await platform.request('GET', '/v1/volunteers/me/trainings', { token: await volunteer(sub) });

    expect(response.body).toEqual({ score: 60, passed: false, version: 1, attemptsLeft: 2 });
    expect(mine.body.items).toEqual([]);
  });

  it('refuses a 4th attempt within 24 hours with 429 naming when the next is allowed', async () => {
    const id = await author(ulid());
    const sub = `vol-${ulid()}`;
    for (let i = 0; i < 3; i++) expect((await attempt(sub, id, [1])).status).toBe(200);

    const fourth = await attempt(sub, id, [0, 1, 2, 0, 1]);

    expect(fourth.status).toBe(429);
    expect(fourth.body.type).toMatch(/attempts-exhausted$/);
    expect(fourth.body.detail).toMatch(/next attempt allowed at \d{4}-/);
  });

  it('grades exactly 3 of 8 simultaneous attempts and refuses the other 5', async () => {
    const id = await author(ulid());
    const sub = `vol-${ulid()}`;

    const responses = await Promise.all(Array.from({ length: 8 }, () => attempt(sub, id, [1])));

    expect(responses.filter((r) => r.status === 200)).toHaveLength(3);
    expect(responses.filter((r) => r.status === 429)).toHaveLength(5);
    const attempts = (await support.allItems()).filter((i) => i.entity === 'TrainingAttempt' && i.volunteerId === sub);
    expect(attempts).toHaveLength(3);
  });

  it('writes the completion and its TrainingCompleted event together on a pass', async () => {
    const id = await author(ulid());
    const sub = `vol-${ulid()}`;

    await attempt(sub, id, [0, 1, 2, 0, 1]);

    const items = await support.allItems();
    const events = items.filter((i) => i.entity === 'OutboxEvent' && (i.event as { type: string }).type === 'TrainingCompleted');
    const mine = events.map((i) => (i.event as { detail: Record<string, unknown> }).detail).filter((d) => d.volunteerId === sub);
    expect(mine).toEqual([{ volunteerId: sub, trainingId: id, version: 1, completedAt: expect.any(String), validUntil: expect.any(String) }]);
  });

  it('answers 409 when the answers are for an older version', async () => {
    const orgId = ulid();
    const id = await author(orgId);
    await platform.request('PUT', `/v1/trainings/${id}`, { token: await manager(orgId), body: module() });

    const response = await attempt(`vol-${ulid()}`, id, [0], { version: 1 });

    expect(response.status).toBe(409);
    expect(response.body.errors).toEqual([{ path: 'version', message: 'live version is 2' }]);
  });

  it('refuses a quiz attempt on a practical module with 409', async () => {
    const id = await author(ulid(), module({ practical: true, questions: [] }));

    const response = await attempt(`vol-${ulid()}`, id, []);

    expect(response.status).toBe(409);
  });
});

describe('POST /v1/trainings/{id}/confirmations', () => {
  it("records a practical completion confirmed by the owner's manager", async () => {
    const orgId = ulid();
    const id = await author(orgId, module({ practical: true, questions: [], validityDays: null }));
    const sub = await support.seedVolunteer();

    const response = await platform.request('POST', `/v1/trainings/${id}/confirmations`, { token: await manager(orgId), body: { volunteerId: sub } });
    const mine = await platform.request('GET', '/v1/volunteers/me/trainings', { token: await volunteer(sub) });

    expect(response.status).toBe(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ trainingId: id, method: 'practical', valid: true })]);
    expect(mine.body.items[0].validUntil).toBeUndefined();
  });

  it('refuses a manager of another organisation with 403', async () => {
    const id = await author(ulid(), module({ practical: true, questions: [] }));
    const sub = await support.seedVolunteer();

    const response = await platform.request('POST', `/v1/trainings/${id}/confirmations`, { token: await manager(ulid()), body: { volunteerId: sub } });

    expect(response.status).toBe(403);
  });
});

describe('POST /v1/trainings (national)', () => {
  it('lets a ministry-admin author a national module with a chosen id, once', async () => {
    const id = `ethics-${ulid().toLowerCase()}`;
    const first = await platform.request('POST', '/v1/trainings', { token: await admin(), body: module({ id }) });
    const again = await platform.request('POST', '/v1/trainings', { token: await admin(), body: module({ id }) });

    expect(first.status).toBe(201);
    expect(first.body.id).toBe(id);
    expect(again.status).toBe(409);
  });
});

describe('the gate at apply', () => {
  it('answers 422 naming training with the missing module ids, and writes nothing', async () => {
    const orgId = ulid();
    const done = await author(orgId);
    const missing = await author(orgId);
    const seeded = await support.seedOpportunity({ orgId, trainingModules: [done, missing] });
    const sub = await support.seedVolunteer();
    await attempt(sub, done, [0, 1, 2, 0, 1]);

    const response = await platform.request('POST', `/v1/opportunities/${seeded.opportunity.id}/applications`, {
      token: await volunteer(sub),
      body: { shiftId: seeded.shifts[0]!.id },
    });

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ path: 'training', message: `training not completed or expired: ${missing}` }]);
    expect((await support.allItems()).filter((i) => i.entity === 'Application' && i.volunteerId === sub)).toEqual([]);
  });

  it('accepts the application once every required module is completed', async () => {
    const orgId = ulid();
    const id = await author(orgId);
    const seeded = await support.seedOpportunity({ orgId, trainingModules: [id] });
    const sub = await support.seedVolunteer();
    await attempt(sub, id, [0, 1, 2, 0, 1]);

    const response = await platform.request('POST', `/v1/opportunities/${seeded.opportunity.id}/applications`, {
      token: await volunteer(sub),
      body: { shiftId: seeded.shifts[0]!.id },
    });

    expect(response.status).toBe(202);
  });
});
