import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { consumeImpact, envelope } from '../helpers/impact-events.js';
import { createTestTable } from '../helpers/table.js';
import { deliverQueued } from '../helpers/deliver-queued.js';

const ORG_EMAIL = `impact-${ulid().toLowerCase()}@example.sa`;
const MINISTRY_EMAIL = `ministry-${ulid().toLowerCase()}@example.sa`;
/** Two admins of one company (issue 15): one with no profile (Arabic), one whose profile says English. */
const ADMIN_AR = `hr-ar-${ulid().toLowerCase()}@horizon.example.sa`;
const ADMIN_EN = `hr-en-${ulid().toLowerCase()}@horizon.example.sa`;
const COMPANY_ID = ulid();

interface StoredEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
  attachments?: { filename: string }[];
}
/** What the SES emulator received for `address` once the queued messages are delivered (deliverQueued). */
const emailsTo = async (address: string): Promise<StoredEmail[]> => {
  await deliverQueued();
  const store = (await (await fetch(`${process.env.SES_ENDPOINT}/store`)).json()) as { emails: StoredEmail[] };
  return store.emails.filter((email) => email.destination.to.some((to) => to.includes(address)));
};

let orgId = '';
let run: (event: { name: string; scheduledAt: string }) => Promise<{ month: string; results: { audience: string; sent: number; alreadySent: number; snapshots: number }[] }>;

beforeAll(async () => {
  await createTestTable();
  process.env.MINISTRY_REPORTS_EMAIL = MINISTRY_EMAIL;
  const { seedOrganization } = await import('../helpers/builders.js');
  orgId = await seedOrganization({
    city: 'jeddah',
    causes: ['health'],
    names: { ar: 'جمعية البر', en: 'Al Birr Society' },
    contactEmail: ORG_EMAIL,
    at: '2026-01-05T09:00:00.000Z',
    decidedAt: '2026-01-06T09:00:00.000Z',
    department: true,
  });
  const consume = consumeImpact;
  for (const [i, date] of ['2026-01-20', '2026-02-27', '2026-02-28'].entries()) {
    await consume(
      envelope('HoursApproved', `m-a${i}`, {
        hoursId: `m-h${i}`,
        volunteerId: `m-v${i}`,
        orgId,
        opportunityId: 'opp',
        kind: 'claim',
        date,
        minutes: 90,
        track: 'general',
        causes: ['health'],
        city: 'jeddah',
        region: 'makkah',
        valueSar: 60,
        approvedBy: 'm',
        approvedAt: `${date}T12:00:00.000Z`,
      }),
    );
  }
  await seedCompany();
  ({ handler: run } = (await import('../../functions/schedules/impact.js')) as unknown as { handler: typeof run });
}, 60_000);

/** An active company with two admins and 2 h 30 of its employees' hours in January, 1 h in February (seeded through the repositories and the contributions domain). */
const seedCompany = async () => {
  const { companyRepository } = await import('../../shared/db/company-repository.js');
  const { companyContributionRepository } = await import('../../shared/db/company-contribution-repository.js');
  const { recordApproval } = await import('../../shared/domain/companies/contributions.js');
  const { seedVolunteer } = await import('./applications-support.js');
  const at = '2026-01-02T09:00:00.000Z';
  const companies = companyRepository();
  await companies.create(
    { id: COMPANY_ID, nameAr: 'شركة الأفق', nameEn: 'Horizon Co.', crNumber: '1010000777', contactEmail: ADMIN_AR, emailDomains: ['horizon.example.sa'], status: 'pending', registeredBy: { sub: 'hr-ar' }, createdAt: at, updatedAt: at },
    { status: 'pending', at, by: 'hr-ar', reason: 'registered' },
    [],
  );
  await companies.transition(COMPANY_ID, 'pending', { status: 'active', from: 'pending', at, by: 'reviewer' }, { firstAdmin: { companyId: COMPANY_ID, sub: 'hr-ar', email: ADMIN_AR, addedBy: 'reviewer', addedAt: at }, keepCr: '1010000777' });
  await companies.putAdmin({ companyId: COMPANY_ID, sub: 'hr-en', email: ADMIN_EN, addedBy: 'hr-ar', addedAt: at }, []);
  await seedVolunteer('hr-en', { preferences: { email: true, sms: false, locale: 'en' } });
  const deps = { store: companyContributionRepository(), membership: async () => ({ companyId: COMPANY_ID, joinedAt: at }) };
  for (const [i, [date, minutes]] of ([['2026-01-20', 90], ['2026-01-21', 60], ['2026-02-10', 60]] as const).entries()) {
    await recordApproval(deps, { hoursId: `c-h${i}`, volunteerId: `c-v${i % 2}`, orgId, date, causes: ['health'], minutes, valueSar: minutes });
  }
};

const sentBy = (summary: Awaited<ReturnType<typeof run>>) => Object.fromEntries(summary.results.map((r) => [r.audience, r.sent]));

describe('the monthly impact run', () => {
  it("reports January when it runs at 23:30 on 28 February in Riyadh, and February half an hour after midnight on 1 March, each once across reruns", async () => {
    const lateFeb = await run({ name: 'impact', scheduledAt: '2026-02-28T20:30:00Z' }); // 23:30 Riyadh, 28 Feb
    const lateFebAgain = await run({ name: 'impact', scheduledAt: '2026-02-28T20:45:00Z' });
    const firstOfMarch = await run({ name: 'impact', scheduledAt: '2026-02-28T21:30:00Z' }); // 00:30 Riyadh, 1 Mar (still 28 Feb in UTC)
    const firstOfMarchAgain = await run({ name: 'impact', scheduledAt: '2026-03-01T05:00:00Z' }); // the 08:00 run, retried
    expect([
      [lateFeb.month, sentBy(lateFeb)],
      [lateFebAgain.month, sentBy(lateFebAgain)],
      [firstOfMarch.month, sentBy(firstOfMarch)],
      [firstOfMarchAgain.month, sentBy(firstOfMarchAgain)],
    ]).toEqual([
      ['2026-01', { organizations: 1, ministry: 1, companies: 2 }],
      ['2026-01', { organizations: 0, ministry: 0, companies: 0 }],
      ['2026-02', { organizations: 1, ministry: 1, companies: 2 }],
      ['2026-02', { organizations: 0, ministry: 0, companies: 0 }],
    ]);
  }, 60_000);

  it('sent each recipient one email per month, bilingual, with the CSV attached', async () => {
    const org = await emailsTo(ORG_EMAIL);
    const ministry = await emailsTo(MINISTRY_EMAIL);
    expect({
      org: org.map((e) => e.subject).sort(),
      ministry: ministry.length,
      attachments: org.map((e) => e.attachments?.map((a) => a.filename)).sort(),
    }).toEqual({
      org: ['تقرير الأثر الشهري 2026-01 | Monthly impact report 2026-01', 'تقرير الأثر الشهري 2026-02 | Monthly impact report 2026-02'],
      ministry: 2,
      attachments: [['impact-2026-01.csv'], ['impact-2026-02.csv']],
    });
  });

  it("sends each company admin their company's contribution once a month, their language first, with the link and the CSV", async () => {
    const [arabic, english] = [await emailsTo(ADMIN_AR), await emailsTo(ADMIN_EN)];
    const january = (emails: StoredEmail[]) => emails.find((e) => e.subject.includes('2026-01'))!;

    expect({
      ar: arabic.map((e) => e.subject).sort(),
      en: english.map((e) => e.subject).sort(),
      attachments: arabic.map((e) => e.attachments?.map((a) => a.filename)).sort(),
    }).toEqual({
      ar: ['مساهمة شركتكم التطوعية 2026-01 | Your company\'s volunteering contribution 2026-01', 'مساهمة شركتكم التطوعية 2026-02 | Your company\'s volunteering contribution 2026-02'],
      en: ["Your company's volunteering contribution 2026-01 | مساهمة شركتكم التطوعية 2026-01", "Your company's volunteering contribution 2026-02 | مساهمة شركتكم التطوعية 2026-02"],
      attachments: [['company-contribution-2026-01.csv'], ['company-contribution-2026-02.csv']],
    });
    expect(january(english).body.text).toMatch(new RegExp(`^Horizon Co\\. — 2026-01: 2 participating employees .*, 3 approved hours, SAR 150\\. Full report: .*/companies/${COMPANY_ID}/report\\?from=2025-02&to=2026-01`));
  });

  it('sends each report through the notifier: an impact-report outbox record per recipient and month, sent once', async () => {
    const { notificationRepository } = await import('../../shared/db/notification-repository.js');
    const { dedupeKey } = await import('../../shared/domain/notifications/policy.js');
    const record = (address: string, recipient: string, month: string) =>
      notificationRepository().get(dedupeKey({ type: 'impact-report', recipientId: `email:${address}`, channel: 'email', about: `${month}:${recipient}` }));
    await deliverQueued();

    const org = await record(ORG_EMAIL, `org:${orgId}`, '2026-01');
    const ministry = await record(MINISTRY_EMAIL, `ministry:${MINISTRY_EMAIL}`, '2026-02');

    expect([org?.status, org?.attempts, org?.attachments?.map((a) => a.filename), ministry?.status]).toEqual(['sent', 1, ['impact-2026-01.csv'], 'sent']);
  });

  it('sends nothing to an address on the suppression list (a bounced organisation contact)', async () => {
    const { notificationRepository } = await import('../../shared/db/notification-repository.js');
    const bounced = `bounced-${ulid().toLowerCase()}@example.sa`;
    await notificationRepository().suppress({ channel: 'email', address: bounced, reason: 'bounce', source: 'ses', at: '2026-03-01T00:00:00.000Z' });
    const { runMonthlyImpact } = await import('../../shared/domain/impact/monthly.js');
    const { impactReportStore, impactRepository } = await import('../../shared/db/impact-repository.js');
    const { notifier } = await import('../../shared/messaging/notifier.js');
    const sent: string[] = [];
    const mailer = {
      async send(month: string, recipient: string, to: string, report: { subject: string; html: string; text: string; attachment: { filename: string; contentType: string; content: string } }) {
        const [result] = await notifier({ now: () => new Date('2026-04-01T05:00:00Z') }).notify({
          type: 'impact-report',
          to: { kind: 'address', email: to, locale: 'ar' },
          about: `${month}:${recipient}`,
          params: { month },
          rendered: { subject: report.subject, html: report.html, text: report.text },
          attachments: [report.attachment],
        });
        sent.push(result!.outcome);
        return result!.outcome === 'sent';
      },
    };
    const repo = impactRepository();
    const directory = { organizations: async () => [{ orgId, nameAr: 'جمعية البر', nameEn: 'Al Birr Society', email: bounced }], ministry: () => [] };

    await runMonthlyImpact({ store: repo, targets: repo, snapshots: impactReportStore(), mailer, directory }, new Date('2026-04-01T05:00:00Z'));

    expect([sent, (await emailsTo(bounced)).length]).toEqual([['suppressed'], 0]);
  });

  it('freezes the month: an approval that arrives after the run does not change the snapshot a rerun reads', async () => {
    const { impactReportStore } = await import('../../shared/db/impact-repository.js');
    const frozen = await impactReportStore().freeze('2026-02', 'NATIONAL', { stats: { approvedMinutes: -1 } }, new Date());
    expect({ created: frozen.created, minutes: (frozen.report.stats as { approvedMinutes: number }).approvedMinutes }).toEqual({ created: false, minutes: 180 });
  });

  it('finds no drift between the aggregates and the ledger, and reports one that is tampered with', async () => {
    const { impactRepository } = await import('../../shared/db/impact-repository.js');
    const { reconcile } = await import('../../shared/domain/impact/reconcile.js');
    const { documentClient } = await import('../../shared/db/client.js');
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { impactAggregate } = await import('../../shared/db/entities/impact-aggregate.js');
    const clean = await reconcile(impactRepository(), [orgId], ['2026-01', '2026-02']);
    await documentClient().send(
      new UpdateCommand({ TableName: process.env.TABLE_NAME, Key: impactAggregate.keys.item({ kind: 'organization', id: orgId }, '2026-02'), UpdateExpression: 'ADD #m :five', ExpressionAttributeNames: { '#m': 'min' }, ExpressionAttributeValues: { ':five': 5 } }),
    );
    const tampered = await reconcile(impactRepository(), [orgId], ['2026-01', '2026-02']);
    expect({ clean: clean.drifts.length, checked: clean.checked, tampered: tampered.drifts.map((d) => [d.source, d.month, d.expected.min, d.actual.min]) }).toEqual({
      clean: 0,
      checked: 2,
      tampered: [['ledger', '2026-02', 180, 185]],
    });
  });
});

describe('the reconciliation against the hours records (issue 16)', () => {
  /** An hours record as the hours area stores it (its own flows are tested in hours.test.ts). */
  const storeHoursRecord = async (i: string, date: string, over: Record<string, unknown> = {}) => {
    const { documentClient } = await import('../../shared/db/client.js');
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const { hoursRecord } = await import('../../shared/db/entities/hours-record.js');
    const record = {
      id: `m-h${i}`,
      volunteerId: `m-v${i}`,
      orgId,
      opportunityId: 'opp',
      kind: 'claim' as const,
      date,
      intervals: [],
      requestedMinutes: 90,
      minutes: 90,
      status: 'approved' as const,
      track: 'general' as const,
      causes: ['health'],
      city: 'jeddah',
      region: 'makkah',
      flags: [],
      round: 1,
      version: 2,
      createdAt: `${date}T10:00:00.000Z`,
      updatedAt: `${date}T12:00:00.000Z`,
      decisions: [],
      valueSar: 60,
      ...over,
    };
    await documentClient().send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: hoursRecord.toItem(record as never, hoursRecord.keys.item(record.id), hoursRecord.keys.byOrganization(orgId, record.status, record.updatedAt, record.id)),
      }),
    );
  };
  const settled = () => ({ settledBefore: new Date('2026-03-10T00:00:00.000Z') });

  it('finds no drift when every approved record reached the aggregates, and finds the approval whose event never arrived', async () => {
    const { impactHoursLedger, impactRepository } = await import('../../shared/db/impact-repository.js');
    const { reconcile } = await import('../../shared/domain/impact/reconcile.js');
    for (const [i, date] of ['2026-01-20', '2026-02-27', '2026-02-28'].entries()) await storeHoursRecord(String(i), date);
    const ledger = impactHoursLedger();

    const clean = await reconcile(impactRepository(), [orgId], ['2026-01'], { ledger, ...settled() });
    // Approved in the hours area, its HoursApproved lost (never applied): the aggregates' own ledger cannot see it.
    await storeHoursRecord('lost', '2026-01-25', { minutes: 30, valueSar: 20 });
    const lost = await reconcile(impactRepository(), [orgId], ['2026-01'], { ledger, ...settled() });

    expect(clean).toEqual({ checked: 1, drifts: [], unsettled: 0 });
    expect(lost.drifts.map((d) => [d.source, d.month, d.expected.min, d.actual.min, d.expected.volunteers, d.actual.volunteers])).toEqual([
      ['hours', '2026-01', 120, 90, 2, 1],
    ]);
  });

  it('leaves an organisation-month with a record changed in the last hour for the next run', async () => {
    const { impactHoursLedger, impactRepository } = await import('../../shared/db/impact-repository.js');
    const { reconcile } = await import('../../shared/domain/impact/reconcile.js');
    await storeHoursRecord('fresh', '2026-03-09', { updatedAt: '2026-03-10T00:30:00.000Z' });

    const result = await reconcile(impactRepository(), [orgId], ['2026-03'], { ledger: impactHoursLedger(), ...settled() });

    expect(result).toEqual({ checked: 1, drifts: [], unsettled: 1 });
  });
});
