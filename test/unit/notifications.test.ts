import { describe, expect, it } from 'vitest';
import { decideChannel, dedupeKey, inQuietHours, nextLocalTime, smsKeyword, type Contact } from '../../shared/domain/notifications/policy.js';
import { buildCalendar, escapeIcsText, foldLine } from '../../shared/messaging/ics.js';
import { buildMime, encodeHeader } from '../../shared/messaging/mime.js';
import { isPermanent, DeliveryError } from '../../shared/messaging/delivery.js';

const contact: Contact = { recipientId: 'volunteer:v1', locale: 'ar', email: 'v1@example.sa', phone: '+966501234567', consent: { email: true, sms: true } };
const riyadh = (hhmm: string) => new Date(`2030-03-13T${hhmm}:00+03:00`);

describe('quiet hours', () => {
  it.each([
    ['21:59', false],
    ['22:00', true],
    ['03:00', true],
    ['06:59', true],
    ['07:00', false],
  ])('at %s Riyadh time the platform window says %s', (time, quiet) => {
    expect(inQuietHours(riyadh(time))).toBe(quiet);
  });

  it('honours a window that does not wrap midnight', () => {
    expect(inQuietHours(riyadh('13:00'), { from: '12:00', to: '15:00' })).toBe(true);
    expect(inQuietHours(riyadh('15:00'), { from: '12:00', to: '15:00' })).toBe(false);
  });

  it('finds the next 07:00 in Riyadh from late evening and from the small hours', () => {
    expect(nextLocalTime(riyadh('23:30'), '07:00').toISOString()).toBe('2030-03-14T04:00:00.000Z');
    expect(nextLocalTime(riyadh('03:10'), '07:00').toISOString()).toBe('2030-03-13T04:00:00.000Z');
  });
});

describe('decideChannel', () => {
  it('never uses a channel without consent, even when time-critical', () => {
    const decision = decideChannel({ channel: 'sms', contact: { ...contact, consent: { email: true, sms: false } }, now: riyadh('10:00'), timeCritical: 'now' });
    expect(decision).toEqual({ action: 'suppress', reason: 'no-consent', address: contact.phone });
  });

  it('never uses a suppressed address', () => {
    expect(decideChannel({ channel: 'email', contact, suppressed: 'undeliverable', now: riyadh('10:00') })).toMatchObject({ action: 'suppress', reason: 'undeliverable' });
  });

  it('lets email through in quiet hours', () => {
    expect(decideChannel({ channel: 'email', contact, now: riyadh('23:00') })).toEqual({ action: 'send', address: contact.email });
  });

  it('defers an SMS in quiet hours to their end', () => {
    expect(decideChannel({ channel: 'sms', contact, now: riyadh('23:00') })).toEqual({
      action: 'defer',
      address: contact.phone,
      sendAfter: new Date('2030-03-14T04:00:00.000Z'),
    });
  });

  it('suppresses a message that is already stale', () => {
    expect(decideChannel({ channel: 'email', contact, now: riyadh('10:00'), staleAfter: riyadh('09:00') })).toMatchObject({ action: 'suppress', reason: 'stale' });
  });

  it('suppresses a message to an unknown recipient', () => {
    expect(decideChannel({ channel: 'email', contact: undefined, now: riyadh('10:00') })).toEqual({ action: 'suppress', reason: 'unknown-recipient' });
  });
});

describe('dedupeKey', () => {
  const parts = { type: 'shift-reminder-24h', recipientId: 'volunteer:v1', channel: 'sms', about: 'shift-1', window: '24h' } as const;

  it('is the same for the same message', () => {
    expect(dedupeKey(parts)).toBe(dedupeKey({ ...parts }));
  });

  it('differs per channel and per window', () => {
    expect(dedupeKey(parts)).not.toBe(dedupeKey({ ...parts, channel: 'email' }));
    expect(dedupeKey(parts)).not.toBe(dedupeKey({ ...parts, window: '2h' }));
  });
});

describe('smsKeyword', () => {
  it.each([
    ['STOP', 'stop'],
    ['stop please', 'stop'],
    ['  إيقاف ', 'stop'],
    ['START', 'start'],
    ['when is my shift?', undefined],
  ])('reads %j as %s', (body, keyword) => {
    expect(smsKeyword(body)).toBe(keyword);
  });
});

describe('iCalendar', () => {
  it('escapes commas, semicolons, backslashes and newlines', () => {
    expect(escapeIcsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    const folded = foldLine(`SUMMARY:${'توزيع'.repeat(20)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'توزيع'.repeat(20)}`);
  });

  it('ends every line with CRLF and keeps the UID it is given', () => {
    const ics = buildCalendar([{ uid: 'shift-1@tatawwu.sa', start: '2030-03-14T05:30:00.000Z', end: '2030-03-14T09:00:00.000Z', summary: 's', sequence: 0, status: 'CONFIRMED' }], {
      stamp: '2030-03-13T00:00:00.000Z',
    });
    expect(ics).toContain('UID:shift-1@tatawwu.sa\r\n');
    expect(ics).toContain('DTSTART:20300314T053000Z\r\n');
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('MIME', () => {
  it('encodes an Arabic subject as an RFC 2047 word and leaves ASCII alone', () => {
    expect(encodeHeader('تذكير')).toBe(`=?UTF-8?B?${Buffer.from('تذكير').toString('base64')}?=`);
    expect(encodeHeader('Reminder')).toBe('Reminder');
  });

  it('puts the text, the HTML and the attachment in their own parts', () => {
    const mime = buildMime({ from: 'a@x.sa', to: 'b@x.sa', subject: 's', text: 't', html: '<p>h</p>', attachments: [{ filename: 'invite.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }] }, 'B');
    expect(mime).toContain('Content-Type: multipart/mixed; boundary="mixed_B"');
    expect(mime).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(mime).toContain('Content-Type: text/html; charset=UTF-8');
    expect(mime).toContain('Content-Disposition: attachment; filename="invite.ics"');
  });
});

describe('isPermanent', () => {
  it('treats throttling as transient and a client refusal as permanent', () => {
    expect(isPermanent(Object.assign(new Error('x'), { name: 'ThrottlingException', $fault: 'client' }))).toBe(false);
    expect(isPermanent(Object.assign(new Error('x'), { name: 'MessageRejected', $fault: 'client' }))).toBe(true);
    expect(isPermanent(Object.assign(new Error('x'), { $fault: 'server' }))).toBe(false);
    expect(isPermanent(new DeliveryError('x', { permanent: true }))).toBe(true);
  });
});
