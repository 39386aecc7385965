import { beforeAll, describe, expect, it } from 'vitest';
import type { HoursEntry } from '../../shared/domain/impact/aggregates.js';
import { toHalalas, COUNTER } from '../../shared/domain/impact/aggregates.js';
import { comparable, recountHours } from '../../shared/domain/impact/recount.js';
import { monthRange } from '../../shared/domain/impact/months.js';
import type { EventDetail } from '../../events/catalog.js';
import type { ConsumerEnvelope } from '../../shared/middleware/consumer.js';
import { createTestTable } from '../helpers/table.js';
import { consumeImpact, envelope, prng, syntheticHours } from '../helpers/impact-events.js';

let handler: (e: ConsumerEnvelope) => Promise<unknown>;
let repo: typeof import('../../shared/db/impact-repository.js');

beforeAll(async () => {
  await createTestTable();
  handler = consumeImpact;
  repo = await import('../../shared/db/impact-repository.js');
});

/** Delivers every envelope at least once, `parallel` at a time; an error is retried later (as the bus does). */
const deliver = async (envelopes: ConsumerEnvelope[], parallel: number) => {
  const queue = [...envelopes];
  const errors: string[] = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        await handler(next);
      } catch (error) {
        errors.push((error as Error).name);
        queue.push(next);
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return errors;
};

const MONTHS = monthRange('2025-05', '2026-06');

/** Every scope-month of the aggregates against an independent recount of the events (each hours entry once, minus its reversals). */
const compareWithRecount = async (approvals: EventDetail<'HoursApproved'>[], reversals: EventDetail<'HoursReversed'>[]) => {
    // The independent model: each hours entry once, minus everything its reversals took back.
    const taken = new Map<string, { minutes: number; halalas: number }>();
    for (const r of reversals) {
      const t = taken.get(r.hoursId) ?? { minutes: 0, halalas: 0 };
      taken.set(r.hoursId, { minutes: t.minutes + r.minutes, halalas: t.halalas + toHalalas(r.valueSar) });
    }
    const expected: HoursEntry[] = approvals.map((a) => {
      const t = taken.get(a.hoursId);
      return {
        hoursId: a.hoursId,
        volunteerId: a.volunteerId,
        orgId: a.orgId,
        ...(a.shiftId && { shiftId: a.shiftId }),
        kind: a.kind,
        month: a.date.slice(0, 7),
        region: a.region,
        city: a.city,
        track: a.track,
        causes: a.causes,
        minutes: Math.max(0, a.minutes - (t?.minutes ?? 0)),
        valueHalalas: Math.max(0, toHalalas(a.valueSar) - (t?.halalas ?? 0)),
        reversalIds: t ? ['r'] : [],
      };
    });
    const recount = recountHours(expected);
    // How many reversals were applied depends on their order (one after an entry is emptied takes nothing): not compared.
    const checked = (name: string) => name !== COUNTER.reversals;

    const scopes = new Set([...recount.keys()].map((key) => key.split('|')[0]!));
    const mismatches: string[] = [];
    for (const scopeId of scopes) {
      const [kind, id] = scopeId.split(':');
      const scope = kind === 'national' ? ({ kind: 'national' } as const) : ({ kind, id } as { kind: 'region' | 'city' | 'organization'; id: string });
      const stored = await repo.impactRepository().counters(scope, MONTHS[0]!, MONTHS.at(-1)!);
      for (const month of MONTHS) {
        const want = comparable(recount.get(`${scopeId}|${month}`), checked);
        const got = comparable(stored.months.get(month), checked);
        if (JSON.stringify(want) !== JSON.stringify(got)) mismatches.push(`${scopeId} ${month}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
      }
    }
  return { mismatches, scopes };
};

describe('ImpactAggregates consumer', () => {
  it('keeps every aggregate equal to a recount after concurrent approvals, reversals and duplicate deliveries', async () => {
    const { approvals, reversals } = syntheticHours({ approvals: 100, volunteers: 20, orgs: 5, months: MONTHS, reversals: 18, seed: 7 });
    const random = prng(99);
    const envelopes = [
      ...approvals.map((d, i) => envelope('HoursApproved', `ea${i}`, d)),
      ...reversals.map((d, i) => envelope('HoursReversed', `er${i}`, d)),
    ];
    // Duplicates: a third of the events twice, some at the same moment (next to each other in the queue).
    const withDuplicates = envelopes.flatMap((e) => (random() < 0.33 ? [e, e] : [e]));
    const shuffled = withDuplicates.map((e) => ({ e, k: random() })).sort((a, b) => a.k - b.k).map(({ e }) => e);
    // The same hours approved a second time under another event id (a producer retry): counted once.
    shuffled.push(envelope('HoursApproved', 'ea-again', approvals[0]!));

    await deliver(shuffled, 12);

    const { mismatches, scopes } = await compareWithRecount(approvals, reversals);
    expect(mismatches).toEqual([]);
    expect(scopes.size).toBeGreaterThan(10);
  }, 300_000);

  it('keeps the aggregates equal to a recount when approvals come in overlapping batches with duplicates', async () => {
    const { recordApprovalBatch } = await import('../../shared/domain/impact/recorder.js');
    await createTestTable(); // national, region and city counters of its own
    const { approvals, reversals } = syntheticHours({ approvals: 120, volunteers: 20, orgs: 4, months: MONTHS, reversals: 12, seed: 11, prefix: 'b-' });
    const events = approvals.map((hours, i) => ({ eventId: `eb${i}`, hours }));
    const batches = [events.slice(0, 50), events.slice(45, 90), events.slice(85), events.slice(0, 15)];
    const store = repo.impactRepository();

    const results = await Promise.all(batches.map((batch) => recordApprovalBatch(store, batch)));
    await deliver(reversals.map((d, i) => envelope('HoursReversed', `ebr${i}`, d)), 4);

    const { mismatches } = await compareWithRecount(approvals, reversals);
    expect({ mismatches, applied: results.reduce((n, r) => n + r.applied, 0) }).toEqual({ mismatches: [], applied: 120 });
  }, 300_000);

  it('applies a burst of approvals arriving as SQS batches of 100 (one redelivered, one overlapping) once each', async () => {
    await createTestTable(); // national, region and city counters of its own
    const { handler: approvalsConsumer } = await import('../../functions/consumers/impact-approvals.js');
    const { approvals } = syntheticHours({ approvals: 150, volunteers: 25, orgs: 5, months: MONTHS, reversals: 0, seed: 23, prefix: 'q-' });
    const records = approvals.map((d, i) => {
      const e = envelope('HoursApproved', `eq${i}`, d);
      return { messageId: e.id, body: JSON.stringify(e) };
    });
    const batches = [records.slice(0, 100), records.slice(100), records.slice(0, 100), records.slice(50, 150)];

    const results = await Promise.all(batches.map((Records) => approvalsConsumer({ Records })));

    const { mismatches } = await compareWithRecount(approvals, []);
    const applied = results.reduce((n, r) => n + ((r.result as { applied: number } | undefined)?.applied ?? 0), 0);
    expect({ mismatches, applied, failures: results.flatMap((r) => r.batchItemFailures) }).toEqual({ mismatches: [], applied: 150, failures: [] });
  }, 300_000);

  it('finds the approvals of a redelivered batch applied before with one read, and commits only the new ones', async () => {
    const { recordApprovalBatch } = await import('../../shared/domain/impact/recorder.js');
    await createTestTable(); // national, region and city counters of its own
    const { approvals } = syntheticHours({ approvals: 24, volunteers: 12, orgs: 2, months: MONTHS.slice(0, 2), reversals: 0, seed: 31, prefix: 'rd-' });
    const events = approvals.map((hours, i) => ({ eventId: `erd${i}`, hours }));
    const store = repo.impactRepository();
    await recordApprovalBatch(store, events.slice(0, 18));

    const again = await recordApprovalBatch(store, events); // the 18 again (a redelivery), and 6 new

    // The first chunk's transaction fails on the entries that exist; one read finds all 18; the 6 new fit in one more transaction.
    expect(again).toEqual({ applied: 6, duplicates: 18, transactions: 2, fallbacks: 1 });
    const { mismatches } = await compareWithRecount(approvals, []);
    expect(mismatches).toEqual([]);
  });

  it('reports a message that is not a HoursApproved event as a batch item failure and applies the rest', async () => {
    const { handler: approvalsConsumer } = await import('../../functions/consumers/impact-approvals.js');
    const { approvals } = syntheticHours({ approvals: 3, volunteers: 2, orgs: 1, months: MONTHS, reversals: 0, seed: 5, prefix: 'bad-' });
    const good = approvals.map((d, i) => ({ messageId: `m${i}`, body: JSON.stringify(envelope('HoursApproved', `ebad${i}`, d)) }));
    const broken = { messageId: 'broken', body: JSON.stringify(envelope('HoursApproved', 'ebad-x', { ...approvals[0]!, minutes: -5 })) };

    const result = await approvalsConsumer({ Records: [...good, broken] });

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'broken' }]);
    expect((result.result as { applied: number }).applied).toBe(3);
  });

  it('counts a redelivered registration once', async () => {
    const detail = {
      volunteerId: 'reg-1',
      city: 'abha' as const,
      region: 'asir',
      locale: 'ar' as const,
      skills: [],
      professions: [],
      languages: [],
      interests: [],
      registeredAt: '2026-03-31T21:30:00.000Z', // April 1st in Riyadh
    };
    await Promise.all([handler(envelope('VolunteerRegistered', 'er-reg-1', detail)), handler(envelope('VolunteerRegistered', 'er-reg-1', detail))]);
    await handler(envelope('VolunteerRegistered', 'er-reg-1', detail));
    const { months, total } = await repo.impactRepository().counters({ kind: 'region', id: 'asir' }, '2026-03', undefined);
    expect({ march: months.get('2026-03')?.[COUNTER.registered], april: months.get('2026-04')?.[COUNTER.registered], total: total[COUNTER.registered] }).toEqual({
      march: undefined,
      april: 1,
      total: 1,
    });
  });

  it('adds the beneficiaries a manager reported on closing an opportunity to its organisation-month', async () => {
    const closed = { opportunityId: 'o-ben', orgId: 'org-ben', previousStatus: 'published' as const, closedAt: '2026-05-10T10:00:00.000Z', beneficiaries: 140 };
    await handler(envelope('OpportunityClosed', 'ec-ben', closed));
    await handler(envelope('OpportunityClosed', 'ec-ben', closed));
    const { months } = await repo.impactRepository().counters({ kind: 'organization', id: 'org-ben' }, '2026-05', '2026-05');
    expect(months.get('2026-05')?.[COUNTER.beneficiaries]).toBe(140);
  });

  it('counts a no-show in the month of its shift', async () => {
    const noShow = {
      volunteerId: 'v-ns',
      orgId: 'org-ns',
      opportunityId: 'o-ns',
      shiftId: 's-ns',
      date: '2026-02-28',
      shiftStart: '2026-02-28T06:00:00.000Z',
      shiftEnd: '2026-02-28T10:00:00.000Z',
      city: 'riyadh',
      region: 'riyadh',
      by: 'system',
      disputeUntil: '2026-03-14T10:00:00.000Z',
      at: '2026-03-01T10:00:00.000Z',
    };
    await handler(envelope('VolunteerNoShow', 'ens-1', noShow));
    const { months } = await repo.impactRepository().counters({ kind: 'organization', id: 'org-ns' }, '2026-02', '2026-03');
    expect([months.get('2026-02')?.[COUNTER.noShows], months.get('2026-03')?.[COUNTER.noShows]]).toEqual([1, undefined]);
  });

  it('takes back a no-show whose dispute was upheld (once) and counts the attendance its hours bring; a dismissed dispute leaves it', async () => {
    const { organizationReport } = await import('../../shared/domain/impact/views.js');
    const seat = (volunteerId: string, shiftId: string) => ({ volunteerId, orgId: 'org-nsd', opportunityId: 'o-nsd', shiftId, date: '2026-04-30' });
    const noShow = (volunteerId: string, shiftId: string) => ({
      ...seat(volunteerId, shiftId),
      shiftStart: '2026-04-30T06:00:00.000Z',
      shiftEnd: '2026-04-30T10:00:00.000Z',
      city: 'riyadh',
      region: 'riyadh',
      by: 'system',
      disputeUntil: '2026-05-14T10:00:00.000Z',
      at: '2026-05-01T10:00:00.000Z',
    });
    const decided = (volunteerId: string, shiftId: string, outcome: 'upheld' | 'dismissed') => ({
      ...seat(volunteerId, shiftId),
      outcome,
      ...(outcome === 'upheld' && { hoursId: `h-${volunteerId}` }),
      decidedBy: 'manager',
      at: '2026-05-03T10:00:00.000Z',
    });
    // Two volunteers missing from the same shift; both dispute. The first was there (upheld): the managers' decision creates pending hours, approved later.
    await handler(envelope('VolunteerNoShow', 'ensd-1', noShow('v-nsd1', 's-nsd')));
    await handler(envelope('VolunteerNoShow', 'ensd-2', noShow('v-nsd2', 's-nsd')));
    await handler(envelope('NoShowDisputeDecided', 'ensd-up', decided('v-nsd1', 's-nsd', 'upheld')));
    await handler(envelope('NoShowDisputeDecided', 'ensd-up', decided('v-nsd1', 's-nsd', 'upheld'))); // redelivered
    await handler(envelope('NoShowDisputeDecided', 'ensd-down', decided('v-nsd2', 's-nsd', 'dismissed')));
    await handler(
      envelope('HoursApproved', 'ensd-hours', {
        ...seat('v-nsd1', 's-nsd'),
        hoursId: 'h-v-nsd1',
        kind: 'shift',
        minutes: 240,
        track: 'general',
        causes: ['health'],
        city: 'riyadh',
        region: 'riyadh',
        valueSar: 120,
        approvedBy: 'manager',
        approvedAt: '2026-05-04T10:00:00.000Z',
      }),
    );

    const report = await organizationReport({ store: repo.impactRepository() }, 'org-nsd', { from: '2026-04', to: '2026-04' });
    expect({ attended: report.attended, noShows: report.noShows, attendanceRate: report.attendanceRate, minutes: report.approvedMinutes, shifts: report.shifts }).toEqual({
      attended: 1,
      noShows: 1,
      attendanceRate: 0.5,
      minutes: 240,
      shifts: 1,
    });
  });

  it('counts the extra minutes of a disputed cut without a second attendance, also when they are reversed', async () => {
    const { organizationReport } = await import('../../shared/domain/impact/views.js');
    const approved = (hoursId: string, minutes: number, disputeOf?: string) => ({
      hoursId,
      volunteerId: 'v-cut',
      orgId: 'org-cut',
      opportunityId: 'o-cut',
      shiftId: 's-cut',
      kind: 'shift' as const,
      date: '2026-04-12',
      minutes,
      track: 'general' as const,
      causes: ['health'],
      city: 'riyadh',
      region: 'riyadh',
      valueSar: minutes / 2,
      approvedBy: 'manager',
      approvedAt: '2026-04-13T10:00:00.000Z',
      ...(disputeOf && { disputeOf }),
    });
    // Approved with a cut (180 of 240 minutes); the volunteer disputes it and the other 60 are approved as a record of their own.
    await handler(envelope('HoursApproved', 'ecut-1', approved('h-cut', 180)));
    await handler(envelope('HoursApproved', 'ecut-2', approved('h-cut-extra', 60, 'h-cut')));
    const report = () => organizationReport({ store: repo.impactRepository() }, 'org-cut', { from: '2026-04', to: '2026-04' });
    const seen = (r: Awaited<ReturnType<typeof report>>) => ({ attended: r.attended, minutes: r.approvedMinutes, shifts: r.shifts, volunteers: r.volunteers });
    const afterDispute = seen(await report());

    await handler(
      envelope('HoursReversed', 'ecut-3', {
        hoursId: 'h-cut-extra',
        reversalId: 'r-cut-extra',
        volunteerId: 'v-cut',
        orgId: 'org-cut',
        opportunityId: 'o-cut',
        minutes: 60,
        valueSar: 30,
        track: 'general',
        causes: ['health'],
        city: 'riyadh',
        region: 'riyadh',
        date: '2026-04-12',
        reason: 'entered twice',
        reversedBy: 'ministry-admin',
        reversedAt: '2026-04-20T10:00:00.000Z',
      }),
    );

    expect({ afterDispute, afterReversal: seen(await report()) }).toEqual({
      afterDispute: { attended: 1, minutes: 240, shifts: 1, volunteers: 1 },
      afterReversal: { attended: 1, minutes: 180, shifts: 1, volunteers: 1 },
    });
  });

  it('answers the national view by region in three requests (the nation with its shards, every region, the target) and by month in two', async () => {
    const { DynamoDBDocumentClient } = await import('@aws-sdk/lib-dynamodb');
    const { dynamoClient } = await import('../../shared/db/client.js');
    const { nationalReport } = await import('../../shared/domain/impact/views.js');
    const sent: string[] = [];
    const counted = DynamoDBDocumentClient.from(dynamoClient());
    counted.middlewareStack.add((next, context) => async (args) => {
      sent.push(String(context.commandName));
      return next(args);
    });
    const { nationalShardOf } = await import('../../shared/db/entities/impact-aggregate.js');
    await createTestTable(); // counters of its own
    const store = repo.impactRepository(() => counted);
    // Counters in two shards of the nation and in two regions (every region's items share one partition).
    const ids = Array.from({ length: 20 }, (_, i) => `e-view-${i}`);
    const first = ids[0]!;
    const second = ids.find((id) => nationalShardOf(id) !== nationalShardOf(first))!;
    const add = (minutes: number) => ({ [COUNTER.minutes]: minutes });
    await store.commitCounters(first, 'test', [{ scope: { kind: 'national' }, period: '2026-05', add: add(60) }, { scope: { kind: 'region', id: 'asir' }, period: '2026-05', add: add(60) }]);
    await store.commitCounters(second, 'test', [{ scope: { kind: 'national' }, period: '2026-05', add: add(30) }, { scope: { kind: 'region', id: 'jouf' }, period: '2026-05', add: add(30) }]);
    sent.length = 0;

    const byRegion = await nationalReport({ store, targets: store }, { from: '2026-05', to: '2026-05' }, 'region');
    const regionRequests = [...sent];
    sent.length = 0;
    const byMonth = await nationalReport({ store, targets: store }, { from: '2026-05', to: '2026-05' }, 'month');

    expect({ regionRequests: regionRequests.sort(), monthRequests: [...sent].sort() }).toEqual({ regionRequests: ['QueryCommand', 'QueryCommand', 'QueryCommand'], monthRequests: ['QueryCommand', 'QueryCommand'] });
    expect({
      national: byRegion.approvedMinutes,
      asir: byRegion.groups.find((g) => g.region === 'asir')?.approvedMinutes,
      jouf: byRegion.groups.find((g) => g.region === 'jouf')?.approvedMinutes,
      riyadh: byRegion.groups.find((g) => g.region === 'riyadh')?.approvedMinutes,
      month: byMonth.groups[0]?.approvedMinutes,
    }).toEqual({ national: 90, asir: 60, jouf: 30, riyadh: 0, month: 90 });
  });
});
