/**
 * Messages people can act on (issue 11): every email and SMS about an application links to it
 * on the stage's app (APP_BASE_URL), an SMS ends with the opt-out instruction, times name
 * Riyadh in both languages, a screening refusal is explained for people in their language
 * (and says it was automatic), and a manager's nudge follows the manager's own locale.
 */
import { describe, expect, it } from 'vitest';
import { createTestTable } from '../helpers/table.js';
import { emailsTo, seedApprovedSeat, seedVolunteer } from './notifications-support.js';

process.env.APP_BASE_URL = 'https://app.tatawwu.test';
await createTestTable();
const { toEnvelope } = await import('../../infra/local/jobs.js');
const { testEvent } = await import('../helpers/events.js');
const applications = await import('../../functions/consumers/notify-applications.js');
const { notificationRepository } = await import('../../shared/db/notification-repository.js');
const smsTo = async (phone: string) => (await notificationRepository().listLocalSms(1000)).filter((sms) => sms.to === phone);

const START = '2031-06-01T05:00:00.000Z';
const END = '2031-06-01T09:00:00.000Z';

const event = (type: string, seat: { shiftId: string; opportunityId: string; orgId: string }, volunteerId: string, extra = {}) =>
  toEnvelope(
    testEvent(type, {
      applicationId: `app-${seat.shiftId}`,
      volunteerId,
      opportunityId: seat.opportunityId,
      shiftId: seat.shiftId,
      orgId: seat.orgId,
      status: 'approved',
      version: 2,
      shiftStart: START,
      shiftEnd: END,
      at: '2031-05-01T07:00:00.000Z',
      by: 'system',
      ...extra,
    }),
  );

describe('emails about an application', () => {
  it('link to the application on the stage’s app and name Riyadh time, in Arabic', async () => {
    const volunteer = await seedVolunteer({ locale: 'ar', sms: false });
    const seat = await seedApprovedSeat({ volunteerId: volunteer.id, start: START, end: END });

    await applications.handler(event('ApplicationApproved', seat, volunteer.id));

    const [email] = await emailsTo(volunteer.email);
    expect(email!.body.text).toContain(`https://app.tatawwu.test/a/app-${seat.shiftId}`);
    expect(email!.body.html).toContain(`href="https://app.tatawwu.test/a/app-${seat.shiftId}"`);
    expect(email!.body.text).toContain('(بتوقيت الرياض)');
  });

  it('explain a screening refusal in Arabic, with the profession’s label, saying the check was automatic', async () => {
    const volunteer = await seedVolunteer({ locale: 'ar', sms: false });
    const seat = await seedApprovedSeat({ volunteerId: volunteer.id, start: START, end: END });
    const failures = [{ rule: 'professions', message: 'needs one of the professions social-worker' }];

    await applications.handler(
      event('ApplicationRejected', seat, volunteer.id, { status: 'rejected', reason: 'screening failed: professions (needs one of the professions social-worker)', failures }),
    );

    const text = (await emailsTo(volunteer.email))[0]!.body.text!;
    expect(text).toContain('أخصائي اجتماعي');
    expect(text).toContain('آلياً');
    expect(text).not.toContain('screening failed');
    expect(text).not.toContain('social-worker');
  });

  it('explain a screening refusal in English too', async () => {
    const volunteer = await seedVolunteer({ locale: 'en', sms: false });
    const seat = await seedApprovedSeat({ volunteerId: volunteer.id, start: START, end: END });

    await applications.handler(event('ApplicationRejected', seat, volunteer.id, { status: 'rejected', reason: 'screening failed: age (…)', failures: [{ rule: 'age', message: 'must be at least 18 on the shift day, is 16' }] }));

    const text = (await emailsTo(volunteer.email))[0]!.body.text!;
    expect(text).toContain('minimum age');
    expect(text).toContain('This check was automatic');
  });
});

describe('SMS about an application', () => {
  it('end with the app link and the opt-out instruction', async () => {
    const volunteer = await seedVolunteer({ locale: 'ar', sms: true });
    const seat = await seedApprovedSeat({ volunteerId: volunteer.id, start: START, end: END });

    // The notifier runs on the real clock: in quiet hours the SMS is deferred, not sent; then the
    // text it will send is rendered from the stored parameters' shape instead.
    await applications.handler(event('ApplicationApproved', seat, volunteer.id));
    const { renderSms } = await import('../../shared/messaging/render.js');
    const { templates } = await import('../../shared/messaging/templates/index.js');
    const sent = await smsTo(volunteer.phone);
    const body = sent[0]?.body ?? renderSms(templates['application-approved'], 'ar', { titleAr: 'x', start: START, appLink: `https://app.tatawwu.test/a/app-${seat.shiftId}` })!;

    expect(body).toContain(`app.tatawwu.test/a/app-${seat.shiftId}`);
    expect(body.endsWith('لإيقافها أرسل إيقاف')).toBe(true);
  });
});

/** A manager of `orgId` (organisations area's MANAGER# item) whose own volunteer profile says `locale`. */
const seedManager = async (orgId: string, locale: 'ar' | 'en') => {
  const profile = await seedVolunteer({ locale, sms: false });
  const { organizationRepository } = await import('../../shared/db/organization-repository.js');
  await organizationRepository().putManager({ orgId, sub: profile.id, email: profile.email, addedBy: 'system', addedAt: '2031-05-01T07:00:00.000Z' });
  return profile;
};

describe('notices of attendance, hours, training and evaluations', () => {
  it('link the checked-in volunteer to the shift’s attendance', async () => {
    const volunteer = await seedVolunteer({ locale: 'en', sms: false });
    const seat = await seedApprovedSeat({ volunteerId: volunteer.id, start: START, end: END });
    const notifyHours = await import('../../functions/consumers/notify-hours.js');

    await notifyHours.handler(toEnvelope(testEvent('VolunteerCheckedIn', { ...seat, volunteerId: volunteer.id, checkedInAt: START, outsideRadius: false, by: 'code' })));

    const [email] = await emailsTo(volunteer.email);
    expect(email!.body.text).toContain(`https://app.tatawwu.test/s/${seat.shiftId}/attendance`);
  });

  it('write the hours digest in each manager’s language, linking the organisation’s hours queue', async () => {
    const volunteer = await seedVolunteer({ locale: 'ar', sms: false });
    const seat = await seedApprovedSeat({ volunteerId: volunteer.id, start: START, end: END });
    const english = await seedManager(seat.orgId, 'en');
    const arabic = await seedManager(seat.orgId, 'ar');
    const notifyHours = await import('../../functions/consumers/notify-hours.js');

    await notifyHours.handler(
      toEnvelope(
        testEvent('HoursPending', {
          hoursId: `hours-${seat.shiftId}`, volunteerId: volunteer.id, orgId: seat.orgId, opportunityId: seat.opportunityId, shiftId: seat.shiftId,
          kind: 'shift', date: '2031-06-01', startedAt: START, endedAt: END, minutes: 240, track: 'general', causes: ['health'], city: 'riyadh', region: 'riyadh',
          reminder: false, escalated: false, at: END,
        }),
      ),
    );

    const [en] = await emailsTo(english.email);
    const [ar] = await emailsTo(arabic.email);
    expect(en!.subject).toMatch(/[A-Za-z]/);
    expect(en!.subject).not.toMatch(/[\u0600-\u06FF]{3}/);
    expect(ar!.subject).toMatch(/[\u0600-\u06FF]/);
    expect(en!.body.text).toContain(`https://app.tatawwu.test/org/${seat.orgId}/hours`);
  });

  it('link a volunteer missing training to the module, and warn an English-speaking manager in English with the roster link', async () => {
    // The consumer reads the whole profile (names for the managers): a registered volunteer.
    const { volunteerRecord } = await import('./matching-support.js');
    const { volunteerRepository } = await import('../../shared/db/volunteer-repository.js');
    const volunteer = volunteerRecord(`vol-training-${Date.now()}`, { preferences: { email: true, sms: false, locale: 'ar' } });
    await volunteerRepository().create(volunteer, []);
    const seat = await seedApprovedSeat({ volunteerId: volunteer.id, start: START, end: END });
    const manager = await seedManager(seat.orgId, 'en');
    const consumer = await import('../../functions/consumers/notify-training-missing.js');

    await consumer.handler(toEnvelope(testEvent('TrainingMissingAtCheckIn', { ...seat, volunteerId: volunteer.id, missing: ['module-first-aid'], checkedInAt: START })));

    expect((await emailsTo(volunteer.email))[0]!.body.text).toContain('https://app.tatawwu.test/t/module-first-aid');
    const [warning] = await emailsTo(manager.email);
    expect(warning!.body.html).toContain('lang="en"');
    expect(warning!.body.text).toContain(`https://app.tatawwu.test/s/${seat.shiftId}/roster`);
  });

  it('link the evaluation invitation and the managers’ digest to the shift’s evaluations, the digest in the manager’s language', async () => {
    const volunteer = await seedVolunteer({ locale: 'ar', sms: false });
    const seat = await seedApprovedSeat({ volunteerId: volunteer.id, start: START, end: END });
    const manager = await seedManager(seat.orgId, 'en');
    const { runEvaluationInvitations } = await import('../../shared/domain/evaluations/invitations.js');
    const { managerContacts, reminderSource } = await import('../../shared/db/notification-repository.js');
    const { notifier } = await import('../../shared/messaging/notifier.js');
    const shift = { ...seat, start: START, end: END };

    await runEvaluationInvitations(
      {
        // The ended shift and its attendee are given (the job finds them from bookings and attendance, tested in evaluations.test.ts).
        shiftsEnded: async () => [shift],
        attendees: async () => [volunteer.id],
        context: async (s) => (await reminderSource().shiftContext(s))?.params,
        managers: (orgId) => managerContacts(orgId),
        notify: (request) => notifier().notify(request),
      },
      new Date('2031-06-02T07:00:00.000Z'),
    );

    expect((await emailsTo(volunteer.email))[0]!.body.text).toContain(`https://app.tatawwu.test/e/${seat.shiftId}`);
    const [digest] = await emailsTo(manager.email);
    expect(digest!.body.html).toContain('lang="en"');
    expect(digest!.body.text).toContain(`https://app.tatawwu.test/e/${seat.shiftId}`);
  });
});

describe('onboarding emails', () => {
  it('write to the ministry reviewers’ list in Arabic and English, linking the organisation', async () => {
    const reviewers = `reviewers-${Date.now()}@ministry.example.sa`;
    process.env.MINISTRY_REVIEWERS_EMAIL = reviewers;
    const { seedOrganization } = await import('../helpers/builders.js');
    const { notifyReviewers } = await import('../../shared/domain/organizations/onboarding.js');
    const { onboardingPorts } = await import('../../functions/workflows/organization-onboarding/ports.js');
    const org = { id: await seedOrganization({ status: 'pending', city: 'riyadh', causes: ['health'], names: { ar: 'جمعية البر', en: 'Birr Society' } }) };

    await notifyReviewers(onboardingPorts(), { orgId: org.id });

    const [email] = await emailsTo(reviewers);
    expect(email!.subject).toContain('جهة جديدة بانتظار المراجعة');
    expect(email!.subject).toContain('New organisation waiting for review');
    expect(email!.body.text).toContain('A new organisation is waiting for review');
    expect(email!.body.html).toContain('lang="en"');
    expect(email!.body.text).toContain(`https://app.tatawwu.test/org/${org.id}`);
  });
});
