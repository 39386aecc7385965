/**
 * The review steps against DynamoDB Local: each task invoked twice with the same input (Step
 * Functions delivers at least once) changes nothing the second time, the screening names every
 * failed rule, and a decision is recorded once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../helpers/table.js';

let support: typeof import('./applications-support.js');
let review: typeof import('../../shared/domain/applications/review.js');
let errors: typeof import('../../shared/domain/applications/errors.js');
let handlers: {
  reserveSeat: (typeof import('../../functions/workflows/application-review/reserve-seat.js'))['handler'];
  requestDecision: (typeof import('../../functions/workflows/application-review/request-decision.js'))['handler'];
  rejectIneligible: (typeof import('../../functions/workflows/application-review/reject-ineligible.js'))['handler'];
  expire: (typeof import('../../functions/workflows/application-review/expire.js'))['handler'];
  reject: (typeof import('../../functions/workflows/application-review/reject.js'))['handler'];
};

const context = { functionName: 'test', awsRequestId: 'r', getRemainingTimeInMillis: () => 30_000 } as unknown as import('aws-lambda').Context;

beforeAll(async () => {
  await createTestTable();
  support = await import('./applications-support.js');
  review = await import('../../shared/domain/applications/review.js');
  errors = await import('../../shared/domain/applications/errors.js');
  handlers = {
    reserveSeat: (await import('../../functions/workflows/application-review/reserve-seat.js')).handler,
    requestDecision: (await import('../../functions/workflows/application-review/request-decision.js')).handler,
    rejectIneligible: (await import('../../functions/workflows/application-review/reject-ineligible.js')).handler,
    expire: (await import('../../functions/workflows/application-review/expire.js')).handler,
    reject: (await import('../../functions/workflows/application-review/reject.js')).handler,
  };
});

/** The whole table, minus nothing: a retried task must leave it exactly as the first run did. */
const snapshot = async () => JSON.stringify((await support.allItems()).sort((a, b) => `${a.PK}${a.SK}`.localeCompare(`${b.PK}${b.SK}`)));

describe('a workflow task retried with the same input', () => {
  it('ReserveSeat returns the same outcome and changes nothing the second time', async () => {
    const seeded = await support.seedOpportunity({ shifts: [{ start: support.hoursFromNow(48), end: support.hoursFromNow(50), capacity: 1 }] });
    const application = await support.seedApprovedDecision(await support.seedVolunteer(), seeded);
    const first = await handlers.reserveSeat({ applicationId: application.id }, context);
    const before = await snapshot();

    const second = await handlers.reserveSeat({ applicationId: application.id }, context);

    expect(second).toEqual(first);
    expect(first).toEqual({ applicationId: application.id, status: 'approved' });
    expect(await snapshot()).toBe(before);
  });

  it('ReserveSeat on the waitlist returns the same place and changes nothing the second time', async () => {
    const seeded = await support.seedOpportunity({ shifts: [{ start: support.hoursFromNow(48), end: support.hoursFromNow(50), capacity: 1 }] });
    await handlers.reserveSeat({ applicationId: (await support.seedApprovedDecision(await support.seedVolunteer(), seeded)).id }, context);
    const waiting = await support.seedApprovedDecision(await support.seedVolunteer(), seeded);
    await handlers.reserveSeat({ applicationId: waiting.id }, context);
    const before = await snapshot();

    const second = await handlers.reserveSeat({ applicationId: waiting.id }, context);

    expect(second).toEqual({ applicationId: waiting.id, status: 'waitlisted' });
    expect(await snapshot()).toBe(before);
  });

  it('RequestDecision moves to pending once', async () => {
    const application = await support.seedApplication(await support.seedVolunteer(), await support.seedOpportunity());
    await handlers.requestDecision({ applicationId: application.id }, context);
    const before = await snapshot();

    await handlers.requestDecision({ applicationId: application.id }, context);

    expect(await snapshot()).toBe(before);
  });

  it('RejectIneligible rejects once', async () => {
    const application = await support.seedApplication(await support.seedVolunteer(), await support.seedOpportunity());
    const input = { applicationId: application.id, failures: [{ rule: 'charter', message: 'not accepted' }] };
    await handlers.rejectIneligible(input, context);
    const before = await snapshot();

    const second = await handlers.rejectIneligible(input, context);

    expect(second).toEqual({ applicationId: application.id, status: 'rejected' });
    expect(await snapshot()).toBe(before);
  });

  it('Expire expires once', async () => {
    const repo = support.reviewDeps().repo;
    const application = await support.seedApplication(await support.seedVolunteer(), await support.seedOpportunity());
    await repo.transition(application, { to: 'pending', at: new Date().toISOString(), by: 'system' });
    await handlers.expire({ applicationId: application.id }, context);
    const before = await snapshot();

    await handlers.expire({ applicationId: application.id }, context);

    expect(await snapshot()).toBe(before);
    expect((await repo.get(application.id))?.status).toBe('expired');
  });

  it("Reject records the manager's reason once", async () => {
    const repo = support.reviewDeps().repo;
    const application = await support.seedApplication(await support.seedVolunteer(), await support.seedOpportunity());
    await repo.transition(application, { to: 'pending', at: new Date().toISOString(), by: 'system' });
    await repo.storeTaskToken(application.id, 'token');
    await repo.recordDecision(application.id, { decision: 'reject', reason: 'we need drivers only', by: 'manager-9', at: new Date().toISOString() });
    await handlers.reject({ applicationId: application.id }, context);
    const before = await snapshot();

    await handlers.reject({ applicationId: application.id }, context);

    expect(await snapshot()).toBe(before);
    expect(await repo.get(application.id)).toMatchObject({ status: 'rejected', reason: 'we need drivers only' });
    expect((await repo.history(application.id)).at(-1)).toMatchObject({ status: 'rejected', from: 'pending', by: 'manager-9', reason: 'we need drivers only' });
  });

  it('writes its event in the seat transaction (the outbox), once, however often the step runs', async () => {
    const seeded = await support.seedOpportunity();
    const application = await support.seedApprovedDecision(await support.seedVolunteer(), seeded);
    const deps = support.reviewDeps();
    await review.reserveSeat(deps, { applicationId: application.id });

    await review.reserveSeat(deps, { applicationId: application.id });

    const outbox = (await support.allItems()).filter(
      (i) => i.entity === 'OutboxEvent' && (i.event as { detail: { applicationId?: string } }).detail.applicationId === application.id,
    );
    expect(outbox.map((i) => (i.event as { type: string }).type)).toEqual(['ApplicationApproved']);
  });
});

describe('screening', () => {
  it('names every failed rule', async () => {
    const seeded = await support.seedOpportunity({ minAge: 30, professions: ['doctor'], trainingModules: ['first-aid-basics'] });
    const sub = await support.seedVolunteer(undefined, { birthDate: '2010-01-01', acceptedCharterVersion: '2020-1' });
    const application = await support.seedApplication(sub, seeded);

    const result = await review.screenApplication(support.reviewDeps(), { applicationId: application.id });

    expect(result.eligible).toBe(false);
    expect(result.failures.map((f) => f.rule)).toEqual(['charter', 'age', 'professions', 'training']);
  });

  it('passes a volunteer whose required training is still valid, and names training once it has expired', async () => {
    const { trainingRepository } = await import('../../shared/db/training-repository.js');
    const { domainEvent } = await import('../../shared/domain/events.js');
    const seeded = await support.seedOpportunity({ trainingModules: ['first-aid-basics'] });
    const sub = await support.seedVolunteer();
    const now = new Date();
    const validUntil = new Date(now.getTime() + 3_600_000).toISOString();
    const completion = { volunteerId: sub, trainingId: 'first-aid-basics', version: 1, completedAt: now.toISOString(), validUntil, method: 'quiz' as const };
    await trainingRepository().recordCompletion(completion, domainEvent('TrainingCompleted', { volunteerId: sub, trainingId: 'first-aid-basics', version: 1, completedAt: completion.completedAt, validUntil }, { id: `e-${sub}`, time: now }));
    const application = await support.seedApplication(sub, seeded);

    const valid = await review.screenApplication(support.reviewDeps(), { applicationId: application.id });
    const expired = await review.screenApplication(support.reviewDeps({ clock: { now: () => new Date(now.getTime() + 2 * 3_600_000) } }), { applicationId: application.id });

    expect(valid.eligible).toBe(true);
    expect(expired.failures).toEqual([{ rule: 'training', message: 'training not completed or expired: first-aid-basics' }]);
  });

  it('passes an eligible volunteer and reports whether approval is required', async () => {
    const seeded = await support.seedOpportunity({ requiresApproval: false, minAge: 18, professions: ['nurse'] });
    const application = await support.seedApplication(await support.seedVolunteer(), seeded);

    const result = await review.screenApplication(support.reviewDeps(), { applicationId: application.id });

    expect(result).toEqual({ applicationId: application.id, eligible: true, failures: [], requiresApproval: false });
  });

  it('refuses a closed opportunity and a shift that has started', async () => {
    const seeded = await support.seedOpportunity({ status: 'closed', shifts: [{ start: support.hoursFromNow(-1), end: support.hoursFromNow(2), capacity: 3 }] });
    const application = await support.seedApplication(await support.seedVolunteer(), seeded);

    const result = await review.screenApplication(support.reviewDeps(), { applicationId: application.id });

    expect(result.failures.map((f) => f.rule)).toEqual(['opportunity.status', 'shift.start']);
  });
});

describe('decisions', () => {
  it('records a decision once; a second one is refused and changes nothing', async () => {
    const application = await support.seedApprovedDecision(await support.seedVolunteer(), await support.seedOpportunity());
    const before = await snapshot();

    await expect(
      support.reviewDeps().repo.recordDecision(application.id, { decision: 'reject', reason: 'too late', by: 'manager-2', at: new Date().toISOString() }),
    ).rejects.toThrow(errors.ApplicationAlreadyDecidedError);
    expect(await snapshot()).toBe(before);
  });
});
