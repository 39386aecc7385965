/** Hand-built domain events for the impact tests and benchmark (envelopes as the bus delivers them). */
import type { EventDetail, EventType } from '../../events/catalog.js';
import type { ConsumerEnvelope } from '../../shared/middleware/consumer.js';
import { cities } from '../../shared/domain/reference/cities.js';

export const envelope = <T extends EventType>(type: T, eventId: string, detail: EventDetail<T>, time = '2026-01-01T00:00:00Z'): ConsumerEnvelope => ({
  version: '0',
  id: `env-${eventId}`,
  'detail-type': type,
  source: 'tatawwu',
  account: '000000000000',
  time,
  region: 'me-central-1',
  resources: [],
  detail: { ...(detail as Record<string, unknown>), eventId },
});

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed. */
export const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const TRACKS = ['general', 'skills', 'professional'] as const;
const CAUSES = ['health', 'education', 'environment', 'hajj-and-umrah', 'elderly'];

export interface Synthetic {
  readonly approvals: EventDetail<'HoursApproved'>[];
  readonly reversals: EventDetail<'HoursReversed'>[];
}

/** Approvals spread over volunteers, organisations, shifts and months; some reversed (in part or in full). */
export const syntheticHours = (options: { approvals: number; volunteers: number; orgs: number; months: readonly string[]; reversals: number; seed: number; prefix?: string }): Synthetic => {
  const p = options.prefix ?? '';
  const random = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const approvals: EventDetail<'HoursApproved'>[] = [];
  for (let i = 0; i < options.approvals; i++) {
    const orgIndex = Math.floor(random() * options.orgs);
    const month = pick(options.months);
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const city = cities[(orgIndex * 7) % cities.length]!;
    const kind = random() < 0.8 ? 'shift' : 'claim';
    const minutes = 30 + Math.floor(random() * 300);
    approvals.push({
      hoursId: `h${options.seed}-${i}`,
      volunteerId: `${p}v${Math.floor(random() * options.volunteers)}`,
      orgId: `${p}org${orgIndex}`,
      opportunityId: `opp${orgIndex}`,
      ...(kind === 'shift' && { shiftId: `${p}s${orgIndex}-${month}-${Math.floor(random() * 4)}` }),
      kind,
      date: `${month}-${day}`,
      minutes,
      track: pick(TRACKS),
      causes: random() < 0.3 ? [pick(CAUSES), pick(CAUSES)] : [pick(CAUSES)],
      city: city.id,
      region: city.region,
      valueSar: Math.round(minutes * 0.75 * 100) / 100,
      approvedBy: 'manager',
      approvedAt: `${month}-${day}T12:00:00.000Z`,
    });
  }
  const reversals: EventDetail<'HoursReversed'>[] = [];
  for (let i = 0; i < options.reversals; i++) {
    const a = approvals[Math.floor(random() * approvals.length)]!;
    const full = random() < 0.6;
    const minutes = full ? a.minutes : Math.max(1, Math.floor(a.minutes / 3));
    reversals.push({
      hoursId: a.hoursId,
      reversalId: `r${options.seed}-${i}`,
      volunteerId: a.volunteerId,
      orgId: a.orgId,
      opportunityId: a.opportunityId,
      minutes,
      valueSar: full ? a.valueSar : Math.round(minutes * 0.75 * 100) / 100,
      track: a.track,
      causes: a.causes,
      city: a.city,
      region: a.region,
      date: a.date,
      reason: 'entered twice',
      reversedBy: 'ministry-admin',
      reversedAt: '2026-08-01T09:00:00.000Z',
    });
  }
  return { approvals, reversals };
};

/**
 * The impact consumers as the bus runs them: HoursApproved goes to ImpactApprovals (a batch
 * consumer: here a batch of one, or the given envelopes together), every other event to
 * ImpactAggregates. Imported on first use, after the test's table is set.
 */
export const consumeImpact = async (...envelopes: ConsumerEnvelope[]): Promise<unknown> => {
  const approvals = envelopes.filter((e) => e['detail-type'] === 'HoursApproved');
  const others = envelopes.filter((e) => e['detail-type'] !== 'HoursApproved');
  const results: unknown[] = [];
  if (approvals.length > 0) {
    const { handler } = await import('../../functions/consumers/impact-approvals.js');
    results.push(await handler({ Records: approvals.map((e) => ({ messageId: e.id, body: JSON.stringify(e) })) }));
  }
  if (others.length > 0) {
    const { handler } = await import('../../functions/consumers/impact-aggregates.js');
    for (const e of others) results.push(await handler(e));
  }
  return results.length === 1 ? results[0] : results;
};
