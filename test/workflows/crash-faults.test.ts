/**
 * Nothing lost, nothing doubled (issue 10 §3): 100 volunteers apply at once to shifts of small
 * capacity on the local platform, run as a child process (test/helpers/platform-process.ts),
 * while that process is killed with SIGKILL at random moments two or three times and started
 * again; meanwhile a share of the DynamoDB calls is throttled or cancelled with
 * TransactionConflict, and a share of the SES and SMS sends fail (LOCAL_FAULTS, shared/faults.ts:
 * real errors of the real clients, injected in the platform process only).
 *
 * DynamoDB Local and the SES emulator are the test run's (global-setup.ts), so they outlive the
 * kills, as the managed services outlive a Lambda. Afterwards, once what was dead-lettered has
 * been re-driven with `npm run redrive` (the README runbook): every application is decided or
 * waiting, no shift has more approvals than seats, seats taken = approvals = bookings, every
 * approved volunteer got exactly one approval email, and no email, SMS or event was produced
 * twice. The figures are printed for the closing note.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, eventually, mintToken, platformSettings, startPlatformProcess, type PlatformProcess, type PlatformSettings } from '../helpers/platform-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VOLUNTEERS = Number(process.env.CRASH_VOLUNTEERS ?? 100);
const FAULTS = 'dynamodb-throttle=0.05,transaction-conflict=0.05,ses=0.25,sms=0.25';
// Longer than a send takes on this loaded machine: a live sender is never taken over, only a killed one.
const LEASE_MS = 8_000;
const APPROVAL_SUBJECT = 'تم قبولك للتطوع في';

const tableName = `crash-${ulid().toLowerCase()}`;
let dataDir: string;
let settings: PlatformSettings;
let platform: PlatformProcess | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tatawwu-crash-'));
  settings = await platformSettings(dataDir, {
    LOCAL_DYNAMODB_URL: inject('dynamoEndpoint'),
    LOCAL_SES_URL: inject('sesUrl'),
    LOCAL_TABLE_NAME: tableName,
    LOCAL_FAULTS: FAULTS,
    NOTIFICATION_LEASE_MS: String(LEASE_MS),
  });
  Object.assign(process.env, { TATAWWU_MODE: 'local', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), SES_ENDPOINT: inject('sesUrl') });
});
afterAll(async () => {
  await platform?.stop('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

/** A volunteer's client: the same Idempotency-Key until an answer says the application exists. */
const applyUntilAnswered = async (apiUrl: string, token: string, opportunityId: string, shiftId: string, stats: { retries: number; statuses: Record<string, number> }) => {
  const key = ulid();
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const answer = await call(apiUrl, 'POST', `/v1/opportunities/${opportunityId}/applications`, {
      token,
      body: { shiftId },
      headers: { 'idempotency-key': key },
    }).catch((error: unknown) => ({ status: 0, body: String(error) }));
    const problem = typeof answer.body?.type === 'string' ? String(answer.body.type).split('/').pop() : undefined;
    const label = problem && answer.status === 409 ? `409 ${problem}` : String(answer.status);
    stats.statuses[label] = (stats.statuses[label] ?? 0) + 1;
    if (answer.status === 202) return 'submitted';
    // The first try wrote the application, its answer was lost with the process: the volunteer has applied.
    if (answer.status === 409 && problem === 'already-applied') return 'submitted';
    // Down (0), in progress after a crash (409 request-in-progress), a fault that got through (5xx): try again.
    if (answer.status !== 0 && answer.status < 500 && !(answer.status === 409 && problem === 'request-in-progress')) {
      return `refused ${answer.status} ${JSON.stringify(answer.body)}`;
    }
    stats.retries += 1;
    await pause(between(150, 600));
  }
  return 'no answer';
};

/** `npm run redrive -- <target>` against the platform (its own process, as an operator runs it). */
const redrive = async (target: string): Promise<Record<string, unknown>> => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'infra/ops/redrive.ts', target], {
    cwd: ROOT,
    env: { ...process.env, API_URL: platform!.apiUrl },
  }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout || JSON.stringify({ failed: error.stderr }) }));
  return JSON.parse(stdout) as Record<string, unknown>;
};

describe('crashes and faults while 100 volunteers apply', () => {
  it('loses nothing and doubles nothing', async () => {
    platform = await startPlatformProcess(settings);
    const support = await import('../integration/applications-support.js');
    const { applicationRepository } = await import('../../shared/db/application-repository.js');
    const { documentClient } = await import('../../shared/db/client.js');
    const { outboxEvent, EVENT_OUTBOX_SHARDS } = await import('../../shared/db/entities/outbox-event.js');
    const { notificationRepository } = await import('../../shared/db/notification-repository.js');

    const { seedOrganization } = await import('../helpers/builders.js');

    // 4 organisations, each with an opportunity of 3 shifts of 2–6 seats (≈ 48 seats for 100 volunteers), no approval step: seat or waitlist.
    const seeded = await Promise.all(
      [0, 1, 2, 3].map(async (o) => {
        const orgId = await seedOrganization({ names: { ar: `جمعية ${o}`, en: `Society ${o}` } });
        return support.seedOpportunity({
          orgId,
          requiresApproval: false,
          shifts: [0, 1, 2].map((s) => ({ start: support.hoursFromNow(48 + o * 24 + s * 5), end: support.hoursFromNow(50 + o * 24 + s * 5), capacity: 2 + ((o * 3 + s) % 5) })),
        });
      }),
    );
    const shifts = seeded.flatMap((opportunity) => opportunity.shifts.map((shift) => ({ opportunity, shift })));
    const volunteers = await Promise.all(
      Array.from({ length: VOLUNTEERS }, async (_, i) => {
        const sub = `crash-${i}-${ulid().toLowerCase()}`;
        const at = new Date().toISOString();
        await support.seedVolunteer(sub, {
          phone: `+9665${String(10_000_000 + i * 7919).slice(0, 8)}`,
          preferences: { email: true, sms: true, locale: 'ar' },
          consent: { email: { granted: true, changedAt: at }, sms: { granted: true, changedAt: at } },
        });
        const token = await mintToken(platform!.apiUrl, { sub, groups: ['volunteer'], email: `${sub}@example.sa` });
        return { sub, token, target: shifts[i % shifts.length]! };
      }),
    );

    // The kills: 2 or 3, each at a random moment 0.4–3 s after the platform (re)started, while volunteers apply.
    const stats = { retries: 0, statuses: {} as Record<string, number> };
    const killsPlanned = process.env.CRASH_KILLS ? Number(process.env.CRASH_KILLS) : Math.random() < 0.5 ? 2 : 3;
    const killTimes: number[] = [];
    const started = Date.now();
    const killer = (async () => {
      for (let k = 0; k < killsPlanned; k++) {
        await pause(between(400, 3_000));
        await platform!.stop('SIGKILL');
        killTimes.push(Date.now() - started);
        platform = await startPlatformProcess(settings);
      }
    })();
    const outcomes = await Promise.all(
      volunteers.map(async (v, i) => {
        await pause(i * 15); // a burst over ~1.5 s
        return applyUntilAnswered(platform!.apiUrl, v.token, v.target.opportunity.opportunity.id, v.target.shift.id, stats);
      }),
    );
    await killer;
    expect(outcomes.filter((o) => o !== 'submitted')).toEqual([]);

    // Every application reaches a decided or waiting state (the workflows resumed after the kills).
    const repo = applicationRepository();
    const applicationOf = async (v: (typeof volunteers)[number]) => {
      const id = await repo.markerOf(v.sub, v.target.shift.id);
      return id ? repo.get(id) : undefined;
    };
    await eventually(
      'every application out of "submitted"',
      async () => ((await Promise.all(volunteers.map(applicationOf))).every((a) => a && a.status !== 'submitted') ? true : undefined),
      120_000,
      1_000,
    );
    await call(platform!.apiUrl, 'POST', '/local/events/flush');

    // What failed every retry waits for a person: once the senders' leases have passed, `npm run redrive`.
    await pause(LEASE_MS + 500);
    const redriven: Record<string, number> = {};
    const redriveAnswers: Record<string, unknown>[] = [];
    for (let round = 0; round < 6; round++) {
      const letters = ((await call(platform!.apiUrl, 'GET', '/local/dead-letters')).body.items as { consumer: string }[]).map((l) => l.consumer);
      const deadNotifications = (await notificationRepository().listDead(1000)).length;
      if (letters.length === 0 && deadNotifications === 0) break;
      for (const target of [...new Set(letters), ...(deadNotifications > 0 ? ['notifications'] : [])]) {
        const answer = await redrive(target);
        redriveAnswers.push({ target, ...answer });
        redriven[target] = (redriven[target] ?? 0) + Number(answer.redriven ?? 0);
      }
      await call(platform!.apiUrl, 'POST', '/local/events/flush');
      await pause(LEASE_MS + 500);
    }
    const faults = (await call(platform!.apiUrl, 'GET', '/local/faults')).body;

    // The accounts.
    const applications = await Promise.all(volunteers.map(applicationOf));
    const byStatus: Record<string, number> = {};
    for (const a of applications) byStatus[a!.status] = (byStatus[a!.status] ?? 0) + 1;
    const perShift = await Promise.all(
      shifts.map(async ({ opportunity, shift }) => {
        const seats = (await repo.seats(opportunity.opportunity.id, shift.id))!;
        const account = await support.accountFor(opportunity, applications.filter((a) => a!.shiftId === shift.id).map((a) => a!.id), shift);
        return { shift: shift.id, capacity: seats.capacity, seatsTaken: seats.seatsTaken, approved: account.byStatus.approved ?? 0, bookings: account.bookings, waitlisted: account.byStatus.waitlisted ?? 0 };
      }),
    );
    const emails = ((await (await fetch(`${inject('sesUrl')}/store`)).json()) as { emails: { subject: string; destination: { to: string[] } }[] }).emails.filter((e) =>
      e.destination.to.some((to) => to.includes('crash-')),
    );
    const emailCounts = new Map<string, number>();
    for (const e of emails) emailCounts.set(`${e.destination.to.join(',')}|${e.subject}`, (emailCounts.get(`${e.destination.to.join(',')}|${e.subject}`) ?? 0) + 1);
    const approvalEmails = (sub: string) => emails.filter((e) => e.destination.to.some((to) => to.includes(sub)) && e.subject.includes(APPROVAL_SUBJECT)).length;
    const phoneOf = (i: number) => `+9665${String(10_000_000 + i * 7919).slice(0, 8)}`;
    const phones = new Set(volunteers.map((_, i) => phoneOf(i)));
    const sms = (await notificationRepository().listLocalSms(10_000)).filter((m) => phones.has(m.to));
    const smsCounts = new Map<string, number>();
    for (const m of sms) smsCounts.set(`${m.to}|${m.body}`, (smsCounts.get(`${m.to}|${m.body}`) ?? 0) + 1);
    const events: { type: string; applicationId: string }[] = [];
    for (let shard = 0; shard < EVENT_OUTBOX_SHARDS; shard++) {
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await documentClient().send(
          new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': outboxEvent.keys.shard(shard) }, ExclusiveStartKey }),
        );
        for (const item of page.Items ?? []) {
          const { event } = outboxEvent.fromItem(item);
          if (typeof event.detail.applicationId === 'string') events.push({ type: event.type, applicationId: event.detail.applicationId });
        }
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
    }
    const eventCounts = new Map<string, number>();
    for (const e of events) eventCounts.set(`${e.type}|${e.applicationId}`, (eventCounts.get(`${e.type}|${e.applicationId}`) ?? 0) + 1);
    const approved = volunteers.filter((_, i) => applications[i]!.status === 'approved');
    // A send its process died in the middle of (after SES accepted it, before the outbox recorded
    // it) is taken over once the lease passed and may go out again: the one "twice" SES leaves
    // open (no idempotency token). Every duplicate email must be such a taken-over record.
    const { dedupeKey } = await import('../../shared/domain/notifications/policy.js');
    const takeoversOf = async (sub: string, applicationId: string) => {
      let total = 0;
      for (const type of ['application-submitted', 'application-approved', 'application-waitlisted'] as const) {
        for (const channel of ['email', 'sms'] as const) {
          const record = await notificationRepository().get(dedupeKey({ type, recipientId: `volunteer:${sub}`, channel, about: applicationId }));
          total += record?.takeovers ?? 0;
        }
      }
      return total;
    };
    const unexplained: string[] = [];
    let takeovers = 0;
    for (const [i, v] of volunteers.entries()) {
      const mine = emails.filter((e) => e.destination.to.some((to) => to.includes(v.sub)));
      const texts = sms.filter((m) => m.to === phoneOf(i));
      const extra = mine.length - new Set(mine.map((e) => e.subject)).size + texts.length - new Set(texts.map((m) => m.body)).size;
      const taken = await takeoversOf(v.sub, applications[i]!.id);
      takeovers += taken;
      if (extra > taken) unexplained.push(`${v.sub}: ${extra} duplicate message(s), ${taken} takeover(s)`);
    }
    const figures = {
      applications: applications.length,
      kills: killTimes.length,
      killedAtMs: killTimes,
      clientRetries: stats.retries,
      answers: stats.statuses,
      byStatus,
      shifts: perShift.map((s) => `${s.approved}/${s.capacity} approved (seats taken ${s.seatsTaken}, bookings ${s.bookings}, waitlisted ${s.waitlisted})`),
      approvalEmailsPerApproved: Object.fromEntries([...new Set(approved.map((v) => approvalEmails(v.sub)))].map((n) => [n, approved.filter((v) => approvalEmails(v.sub) === n).length])),
      emails: emails.length,
      sms: sms.length,
      duplicateEmails: [...emailCounts.values()].filter((n) => n > 1).length,
      sendsTakenOverAfterAKill: takeovers,
      duplicatesNotExplainedByATakeover: unexplained,
      duplicateSms: [...smsCounts.values()].filter((n) => n > 1).length,
      duplicateEvents: [...eventCounts.values()].filter((n) => n > 1).length,
      injectedFaults: faults,
      redriven,
      redriveAnswers,
      stillDead: (await notificationRepository().listDead(1000)).map((r) => `${r.channel} ${r.type}: ${r.reason}`),
      seconds: Math.round((Date.now() - started) / 1000),
    };
    console.log(`[crash-faults] ${JSON.stringify(figures, null, 2)}`);
    if (process.env.CRASH_DEBUG) console.log(platform!.output().slice(-20_000));

    expect(killTimes.length).toBe(killsPlanned);
    expect(applications.every((a) => a!.status !== 'submitted')).toBe(true);
    for (const s of perShift) {
      expect(s.approved).toBeLessThanOrEqual(s.capacity);
      expect([s.seatsTaken, s.bookings]).toEqual([s.approved, s.approved]);
    }
    // Every approved volunteer got their approval email; more than one only where a kill left a send ambiguous.
    expect(approved.filter((v) => approvalEmails(v.sub) === 0).map((v) => v.sub)).toEqual([]);
    expect(unexplained).toEqual([]);
    expect(figures.duplicateEvents).toBe(0);
  }, 420_000);
});
