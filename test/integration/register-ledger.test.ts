import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsumerEnvelope } from '../../shared/middleware/consumer.js';
import { createTestTable } from '../helpers/table.js';
import { hoursApproved, hoursReversed } from './register-support.js';

describe('the national register ledger (RegisterHours consumer)', () => {
  let consume: (envelope: ConsumerEnvelope) => Promise<unknown>;
  let repository: typeof import('../../shared/db/register-repository.js');
  let ledger: typeof import('../../shared/domain/register/ledger.js');

  beforeAll(async () => {
    await createTestTable();
    consume = (await import('../../functions/consumers/register-hours.js')).handler;
    repository = await import('../../shared/db/register-repository.js');
    ledger = await import('../../shared/domain/register/ledger.js');
  });

  it('keeps running totals equal to a recount of the ledger after concurrent approvals, reversals and duplicate deliveries', async () => {
    const volunteerId = 'vol-concurrent';
    const orgs = ['org-a', 'org-b', 'org-c'];
    const approvals = Array.from({ length: 15 }, (_, i) =>
      hoursApproved({
        volunteerId,
        orgId: orgs[i % 3]!,
        date: i % 2 ? '2025-11-20' : '2026-03-04',
        minutes: 30 + i,
        valueSar: 12.35 + i,
        track: (['general', 'skills', 'professional'] as const)[i % 3]!,
        causes: i % 4 ? ['health', 'education'] : ['environment'],
      }),
    );
    const reversals = approvals.slice(0, 6).map((a, i) => {
      const detail = a.envelope.detail as Record<string, unknown>;
      return hoursReversed({
        volunteerId,
        hoursId: a.hoursId,
        orgId: detail.orgId as string,
        date: detail.date as string,
        minutes: i % 2 ? (detail.minutes as number) : 10,
        valueSar: i % 2 ? (detail.valueSar as number) : 1.1,
        track: detail.track as 'general',
        causes: detail.causes as string[],
      });
    });
    const unique = [...approvals, ...reversals];
    // Every event delivered twice (and the first six three times), all at once.
    const deliveries = [...unique, ...unique, ...unique.slice(0, 6)].map((e) => e.envelope);

    await Promise.all(deliveries.map((envelope) => consume(envelope)));

    const repo = repository.registerRepository();
    const entries = await repo.allEntries(volunteerId);
    expect(entries).toHaveLength(unique.length);
    expect(ledger.sortTotals(await repo.totals(volunteerId))).toEqual(ledger.recount(entries));
  });

  it('totals the approved minutes minus the reversed ones, by organisation, year, cause and track', async () => {
    const volunteerId = 'vol-sums';
    const a = hoursApproved({ volunteerId, orgId: 'org-a', date: '2026-01-10', minutes: 120, valueSar: 100.1, track: 'skills', causes: ['health'] });
    const b = hoursApproved({ volunteerId, orgId: 'org-b', date: '2025-12-31', minutes: 60, valueSar: 0.2, track: 'general', causes: ['health', 'education'] });
    const r = hoursReversed({ volunteerId, hoursId: a.hoursId, orgId: 'org-a', date: '2026-01-10', minutes: 30, valueSar: 25.03, track: 'skills', causes: ['health'] });

    for (const event of [a, b, r]) await consume(event.envelope);

    const totals = new Map((await repository.registerRepository().totals(volunteerId)).map((row) => [`${row.dimension}#${row.value}`, row]));
    expect({
      all: totals.get('all#all')?.minutes,
      allValue: totals.get('all#all')?.valueHalalas,
      orgA: totals.get('org#org-a')?.minutes,
      y2025: totals.get('year#2025')?.minutes,
      health: totals.get('cause#health')?.minutes,
      education: totals.get('cause#education')?.minutes,
      skills: totals.get('track#skills')?.minutes,
    }).toEqual({ all: 150, allValue: 10010 + 20 - 2503, orgA: 90, y2025: 60, health: 150, education: 60, skills: 90 });
  });

  it('records a reversal as an entry of its own and never edits the approval', async () => {
    const volunteerId = 'vol-append-only';
    const a = hoursApproved({ volunteerId, minutes: 90 });
    const r = hoursReversed({ volunteerId, hoursId: a.hoursId, minutes: 90 });
    // A reversal comes after its approval; made in the same millisecond, the entries would sort by
    // their random event ids instead.
    (r.envelope.detail as { reversedAt: string }).reversedAt = new Date(Date.now() + 60_000).toISOString();

    await consume(a.envelope);
    await consume(r.envelope);

    const entries = await repository.registerRepository().allEntries(volunteerId);
    expect(entries.map((e) => [e.kind, e.minutes])).toEqual([
      ['approval', 90],
      ['reversal', -90],
    ]);
  });
});
