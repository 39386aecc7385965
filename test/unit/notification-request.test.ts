/**
 * The notifier checks a request without building `NotificationRequest` (issue 17): the hand
 * check (shared/domain/notifications/request.ts) must give the schema's verdict and output for
 * every request, valid or not. Each base request below is mutated field by field (removed, the
 * wrong type, empty, too long, malformed) and both are run on every variant.
 */
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TYPES } from '../../shared/domain/notifications/types.js';
import { NotificationRequest } from '../../shared/domain/notifications/schema.js';
import { checkedRequest, EMAIL, InvalidNotificationRequestError, TIMESTAMP } from '../../shared/domain/notifications/request.js';
import { regexes } from '../../shared/zod.js';

type Json = Record<string, unknown>;

const bases: Json[] = [
  { type: 'application-approved', to: { kind: 'volunteer', volunteerId: 'v-1' }, about: 'app-1', params: {} },
  {
    type: 'shift-reminder-24h',
    to: { kind: 'volunteer', volunteerId: 'v-2' },
    about: 'shift-1',
    window: '24h',
    params: { titleAr: 'عنوان', titleEn: 'Title', startsAt: '2030-03-14T06:00:00.000Z' },
    channels: ['email', 'sms'],
    timeCritical: 'starts in two hours',
    staleAfter: '2030-03-14T06:00:00.000Z',
    calendar: { uid: 'shift-1@tatawwu', start: '2030-03-14T06:00:00.000Z', end: '2030-03-14T09:00:00+03:00', summary: 'Shift', location: 'Riyadh', description: 'Bring water', sequence: 2, status: 'CANCELLED' },
    link: '/shifts/shift-1',
  },
  {
    type: 'impact-report',
    to: { kind: 'address', email: 'ministry@example.sa', locale: 'en', name: 'Ministry', bilingual: true },
    about: 'impact-2030-03',
    params: { month: '2030-03' },
    rendered: { subject: 'Impact', html: '<p>hi</p>', text: 'hi' },
    attachments: [{ filename: 'impact.csv', contentType: 'text/csv', content: 'a,b\n1,2' }],
  },
  { type: 'organization-approved', to: { kind: 'address', email: 'info@albirr.org.sa' }, about: 'org-1', params: { nameAr: 'البر' }, calendar: { uid: 'u', start: '2030-03-14T06:00:00Z', end: '2030-03-14T07:00:00Z', summary: '' } },
];

const long = (n: number) => 'x'.repeat(n);
/** Values that break one rule or another, tried at every field. */
const wrongs: unknown[] = [undefined, null, 0, 1.5, -1, true, '', ' ', 'x', long(201), long(301), [], ['email'], ['fax'], {}, { kind: 'volunteer' }, 'not-an-email', 'a@b.c', 'a@b.co', '2030-03-14', '2030-03-14T06:00:00', '2030-03-14T06:00:00+24:00', 'https://x', '/a b', `/${long(200)}`];

const at = (value: Json, path: readonly string[], replacement: unknown): Json => {
  const [head, ...rest] = path;
  const copy: Json = Array.isArray(value) ? ([...value] as unknown as Json) : { ...value };
  if (rest.length === 0) {
    if (replacement === undefined) delete copy[head!];
    else copy[head!] = replacement;
  } else copy[head!] = at((copy[head!] ?? {}) as Json, rest, replacement);
  return copy;
};

/** Every path to a value of a request, nested objects and arrays included. */
const pathsOf = (value: unknown, prefix: string[] = []): string[][] =>
  typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([key, inner]) => [[...prefix, key], ...pathsOf(inner, [...prefix, key])]) : [];

const variants: Json[] = bases.flatMap((base) => [
  base,
  { ...base, extra: 'ignored' },
  ...pathsOf(base).flatMap((path) => wrongs.map((wrong) => at(base, path, wrong))),
  ...['channels', 'window', 'timeCritical', 'staleAfter', 'calendar', 'link', 'rendered', 'attachments', 'params'].flatMap((key) => wrongs.map((wrong) => at(base, [key], wrong))),
  at(base, ['attachments'], Array.from({ length: 4 }, () => ({ filename: 'a', contentType: 'b', content: 'c' }))),
  at(base, ['attachments'], [{ filename: 'a', contentType: 'b', content: long(100_001) }]),
  at(base, ['rendered'], { subject: 's', html: long(200_001), text: 't' }),
  at(base, ['to'], { kind: 'address', email: 'A.B@Example.SA', locale: 'fr' }),
  at(base, ['to'], { kind: 'address', email: 'a@example.sa', name: long(200) }),
  at(base, ['params'], { a: 'b', c: 1 }),
  at(base, ['calendar'], { uid: 'u', start: '2030-03-14T06:00:00Z', end: '2030-03-14T07:00:00Z', summary: 's', sequence: 1.5 }),
  at(base, ['calendar'], { uid: 'u', start: '2030-03-14T06:00:00Z', end: '2030-03-14T07:00:00Z', summary: 's', sequence: Number.MAX_SAFE_INTEGER + 2 }),
]);

const hand = (input: Json) => {
  try {
    return { success: true as const, data: checkedRequest(input as never) };
  } catch (error) {
    if (!(error instanceof InvalidNotificationRequestError)) throw error;
    return { success: false as const, error };
  }
};

describe('checkedRequest (the notifier’s check) gives the verdict and output of NotificationRequest', () => {
  it(`agrees with the schema on ${variants.length} requests, valid and invalid`, () => {
    let accepted = 0;
    for (const input of variants) {
      const schema = NotificationRequest.safeParse(input);
      const checked = hand(input);
      expect({ input, success: checked.success }).toEqual({ input, success: schema.success });
      if (schema.success && checked.success) {
        expect(checked.data).toEqual(schema.data);
        accepted += 1;
      }
    }
    // Both kinds are exercised: the corpus is not all valid or all invalid.
    expect(accepted).toBeGreaterThan(20);
    expect(variants.length - accepted).toBeGreaterThan(200);
  });

  it("uses zod's own email and date-time patterns", () => {
    expect(EMAIL.source).toBe(regexes.email.source);
    expect(TIMESTAMP.source).toBe(regexes.datetime({ offset: true }).source);
  });

  it('accepts every notification type and refuses any other', () => {
    for (const type of NOTIFICATION_TYPES) expect(hand({ ...bases[0], type }).success).toBe(true);
    expect(hand({ ...bases[0], type: 'application-approve' }).success).toBe(false);
  });

  it('applies the schema defaults and names each field that is wrong', () => {
    expect(checkedRequest(bases[3] as never)).toMatchObject({ channels: ['email'], to: { locale: 'ar' }, calendar: { sequence: 0, status: 'CONFIRMED' } });
    expect(() => checkedRequest({ ...bases[0], about: '', link: 'https://evil', channels: [] } as never)).toThrow(
      /invalid notification request: about must have at least 1 characters; channels must have at least one channel; link has an invalid format/,
    );
  });
});
