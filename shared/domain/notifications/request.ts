/**
 * The notifier's check of a request: the rules of `NotificationRequest` (schema.ts) and its
 * defaults, applied without building that schema. Every function that asks for a message carries
 * the notifier, and the request schema (a discriminated union, calendar, rendered email and
 * attachments, with zod's email, date-time and record checks) cost ~3 ms of each of their cold
 * starts (issue 17). The schema stays the contract: test/unit/notification-request.test.ts runs
 * both over the same valid and invalid requests and expects the same verdicts and outputs.
 */
import type { NotificationRequest, ParsedNotificationRequest } from './schema.js';
import { NOTIFICATION_TYPES } from './types.js';

/** A request that breaks the contract: a bug of the calling area, never a user's input. */
export class InvalidNotificationRequestError extends Error {
  override readonly name = 'InvalidNotificationRequestError';
  constructor(readonly issues: readonly { readonly path: string; readonly message: string }[]) {
    super(`invalid notification request: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`);
  }
}

const TYPES: ReadonlySet<string> = /* @__PURE__ */ new Set(NOTIFICATION_TYPES);
/**
 * The patterns of zod's `z.email()` and `z.iso.datetime({ offset: true })`, written out: importing
 * zod's `regexes` carries all of them (6.5 KB). The test checks they are still zod's.
 */
export const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
export const TIMESTAMP =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;
const APP_PATH = /^\/[A-Za-z0-9/_~.-]*$/;

type Issues = { path: string; message: string }[];
type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A reader of one object's fields that records what is wrong at `prefix.<field>`. */
const fieldsOf = (value: Fields, prefix: string, issues: Issues) => {
  const fail = (key: string, message: string) => {
    issues.push({ path: prefix ? `${prefix}.${key}` : key, message });
    return undefined;
  };
  const string = (key: string, { min = 0, max = Infinity, pattern }: { min?: number; max?: number; pattern?: RegExp } = {}): string | undefined => {
    const field = value[key];
    if (typeof field !== 'string') return fail(key, 'must be a string');
    if (field.length < min) return fail(key, `must have at least ${min} characters`);
    if (pattern && !pattern.test(field)) return fail(key, 'has an invalid format');
    if (field.length > max) return fail(key, `must have at most ${max} characters`);
    return field;
  };
  const optional = <T>(key: string, read: (key: string) => T | undefined): T | undefined => (value[key] === undefined ? undefined : read(key));
  const oneOf = <T extends string>(key: string, options: readonly T[]): T | undefined =>
    options.includes(value[key] as T) ? (value[key] as T) : fail(key, `must be one of ${options.join(', ')}`);
  const object = (key: string): Fields | undefined => (isObject(value[key]) ? (value[key] as Fields) : fail(key, 'must be an object'));
  return { string, optional, oneOf, object, fail };
};

/** Only the keys that are set: the schema's output has no key for an absent optional field. */
const defined = <T extends Fields>(fields: T): T => Object.fromEntries(Object.entries(fields).filter(([, field]) => field !== undefined)) as T;

const recipient = (value: Fields, issues: Issues) => {
  const read = fieldsOf(value, 'to', issues);
  if (value.kind === 'volunteer') return { kind: 'volunteer' as const, volunteerId: read.string('volunteerId', { min: 1 }) };
  if (value.kind !== 'address') return read.fail('kind', "must be 'volunteer' or 'address'");
  return defined({
    kind: 'address' as const,
    email: read.string('email', { pattern: EMAIL }),
    locale: value.locale === undefined ? 'ar' : read.oneOf('locale', ['ar', 'en'] as const),
    name: read.optional('name', (key) => read.string(key, { max: 200 })),
    bilingual: read.optional('bilingual', (key) => (typeof value[key] === 'boolean' ? (value[key] as boolean) : read.fail(key, 'must be a boolean'))),
  });
};

const calendarOf = (value: Fields, issues: Issues) => {
  const read = fieldsOf(value, 'calendar', issues);
  const sequence = value.sequence === undefined ? 0 : Number.isSafeInteger(value.sequence) && (value.sequence as number) >= 0 ? (value.sequence as number) : read.fail('sequence', 'must be a whole number ≥ 0');
  return defined({
    uid: read.string('uid', { min: 1 }),
    start: read.string('start', { pattern: TIMESTAMP }),
    end: read.string('end', { pattern: TIMESTAMP }),
    summary: read.string('summary'),
    location: read.optional('location', (key) => read.string(key)),
    description: read.optional('description', (key) => read.string(key)),
    sequence,
    status: value.status === undefined ? 'CONFIRMED' : read.oneOf('status', ['CONFIRMED', 'CANCELLED'] as const),
  });
};

const paramsOf = (value: unknown, issues: Issues): Record<string, string> | undefined => {
  if (!isObject(value)) return void issues.push({ path: 'params', message: 'must be an object' });
  for (const [key, param] of Object.entries(value)) if (typeof param !== 'string') issues.push({ path: `params.${key}`, message: 'must be a string' });
  return { ...(value as Record<string, string>) };
};

const channelsOf = (value: unknown, issues: Issues) => {
  if (value === undefined) return ['email' as const];
  if (!Array.isArray(value)) return void issues.push({ path: 'channels', message: 'must be an array' });
  if (value.length < 1) issues.push({ path: 'channels', message: 'must have at least one channel' });
  // By index, not forEach: a hole in the array is an `undefined` channel, as the schema sees it.
  for (let i = 0; i < value.length; i++) if (value[i] !== 'email' && value[i] !== 'sms') issues.push({ path: `channels.${i}`, message: "must be 'email' or 'sms'" });
  return [...(value as ('email' | 'sms')[])];
};

const attachmentsOf = (value: unknown, issues: Issues) => {
  if (!Array.isArray(value)) return void issues.push({ path: 'attachments', message: 'must be an array' });
  if (value.length > 3) issues.push({ path: 'attachments', message: 'must have at most 3 files' });
  return Array.from(value as unknown[], (attachment, i) => {
    if (!isObject(attachment)) return void issues.push({ path: `attachments.${i}`, message: 'must be an object' });
    const read = fieldsOf(attachment, `attachments.${i}`, issues);
    return { filename: read.string('filename', { min: 1, max: 100 }), contentType: read.string('contentType', { min: 1, max: 100 }), content: read.string('content', { max: 100_000 }) };
  });
};

/**
 * The request as `NotificationRequest.parse` returns it (defaults applied, unknown keys left
 * out), or an {@link InvalidNotificationRequestError} naming every field that breaks the contract.
 */
export const checkedRequest = (input: NotificationRequest): ParsedNotificationRequest => {
  const issues: Issues = [];
  if (!isObject(input)) throw new InvalidNotificationRequestError([{ path: '(root)', message: 'must be an object' }]);
  const value = input as unknown as Fields;
  const read = fieldsOf(value, '', issues);
  const to = read.object('to');
  const calendar = read.optional('calendar', read.object);
  const rendered = read.optional('rendered', read.object);
  const renderedRead = rendered && fieldsOf(rendered, 'rendered', issues);
  const request = defined({
    type: TYPES.has(value.type as string) ? value.type : read.fail('type', 'is not a notification type'),
    to: to && recipient(to, issues),
    about: read.string('about', { min: 1 }),
    window: read.optional('window', (key) => read.string(key)),
    params: paramsOf(value.params, issues),
    channels: channelsOf(value.channels, issues),
    timeCritical: read.optional('timeCritical', (key) => read.string(key)),
    staleAfter: read.optional('staleAfter', (key) => read.string(key, { pattern: TIMESTAMP })),
    calendar: calendar && calendarOf(calendar, issues),
    link: read.optional('link', (key) => read.string(key, { pattern: APP_PATH, max: 200 })),
    rendered: renderedRead && {
      subject: renderedRead.string('subject', { min: 1, max: 300 }),
      html: renderedRead.string('html', { min: 1, max: 200_000 }),
      text: renderedRead.string('text', { min: 1, max: 100_000 }),
    },
    attachments: read.optional('attachments', (key) => attachmentsOf(value[key], issues)),
  });
  if (issues.length > 0) throw new InvalidNotificationRequestError(issues);
  return request as unknown as ParsedNotificationRequest;
};
