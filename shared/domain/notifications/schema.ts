/**
 * Shapes of notifications: the message types the platform sends, what a trigger asks for
 * (NotificationRequest), and the outbox record written before anything is sent
 * (OutboxRecord). Pure: no AWS SDK import.
 */
import * as z from '../../zod.js';
import { Locale } from '../reference/locale.js';
import { NOTIFICATION_TYPES } from './types.js';

export const NotificationType = /* @__PURE__ */ z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof NotificationType>;

export const Channel = /* @__PURE__ */ z.enum(['email', 'sms']);
export type Channel = z.infer<typeof Channel>;

/**
 * Lifecycle of one outbox record (one message on one channel to one person):
 * `queued` (written with its NotificationQueued event; the delivery consumer takes it) →
 * `sending` (claimed by a sender, lease until `leaseUntil`) → `sent` | `failed` (permanent
 * error, with reason) | `dead` (transient errors on every try: dead-lettered) ;
 * `suppressed` (never sent, with reason: consent, opt-out, undeliverable, stale) ;
 * `deferred` (quiet hours: waits for `sendAfter`).
 */
export const OutboxStatus = /* @__PURE__ */ z.enum(['queued', 'sending', 'sent', 'failed', 'dead', 'suppressed', 'deferred']);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

const Timestamp = /* @__PURE__ */ z.iso.datetime({ offset: true });

/** Who a message is for: a volunteer (profile, consent and preferences apply) or a bare address. */
export const RecipientRef = /* @__PURE__ */ z.discriminatedUnion('kind', [
  /* @__PURE__ */ z.object({ kind: /* @__PURE__ */ z.literal('volunteer'), volunteerId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)) }),
  /* @__PURE__ */ z.object({
    kind: /* @__PURE__ */ z.literal('address'),
    email: /* @__PURE__ */ z.email(),
    locale: /* @__PURE__ */ z._default(Locale, 'ar'),
    name: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(200))),
    /** Nobody knows the address's language (a ministry list, an organisation's contact): the email is written in both, Arabic first. */
    bilingual: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
  }),
]);
export type RecipientRef = z.output<typeof RecipientRef>;

/** A calendar event attached to a message as an `.ics` invite (shift reminders, approvals). */
export const CalendarEvent = /* @__PURE__ */ z.object({
  /** Stable: the same shift always has the same UID, so an update replaces the entry. */
  uid: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  start: Timestamp,
  end: Timestamp,
  summary: /* @__PURE__ */ z.string(),
  location: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  description: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** Increases with every change of the event (ICS SEQUENCE). */
  sequence: /* @__PURE__ */ z._default(/* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(0)), 0),
  status: /* @__PURE__ */ z._default(/* @__PURE__ */ z.enum(['CONFIRMED', 'CANCELLED']), 'CONFIRMED'),
});
export type CalendarEvent = z.output<typeof CalendarEvent>;

/** Template parameters: plain strings (times as ISO 8601); bilingual ones as `<name>Ar` / `<name>En`. */
export const Params = /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.string());
export type Params = z.output<typeof Params>;

/**
 * An email the calling area rendered itself (a report with its own HTML table bars): the notifier
 * sends it as it is, instead of rendering the type's template (which stays the description of
 * the type). It still takes the outbox, the suppression list, the retries and the dead letters.
 */
export const RenderedEmail = /* @__PURE__ */ z.object({ subject: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(300)), html: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(200_000)), text: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(100_000)) });
export type RenderedEmail = z.output<typeof RenderedEmail>;
/** A file attached to an email (a report's CSV); the `.ics` invite comes from `calendar`. */
export const EmailAttachment = /* @__PURE__ */ z.object({ filename: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(100)), contentType: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(100)), content: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(100_000)) });
export type EmailAttachment = z.output<typeof EmailAttachment>;

export const NotificationRequest = /* @__PURE__ */ z.object({
  type: NotificationType,
  to: RecipientRef,
  /** The entity the message is about (application id, shift id…): part of the dedupe key. */
  about: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  /** Distinguishes repeated messages about the same entity (e.g. a reminder window, a nudge day). */
  window: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  params: Params,
  /** Channels to use if consent allows. @default ['email'] */
  channels: /* @__PURE__ */ z._default(/* @__PURE__ */ z.array(Channel).check(/* @__PURE__ */ z.minLength(1)), ['email']),
  /**
   * Set when an SMS must go out even in quiet hours; the reason is recorded on the outbox item.
   * Only triggers decide this, with the reason written next to the decision.
   */
  timeCritical: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** After this time the message is pointless: a quiet-hours deferral past it is suppressed instead. */
  staleAfter: /* @__PURE__ */ z.optional(Timestamp),
  calendar: /* @__PURE__ */ z.optional(CalendarEvent),
  /** The app path the message links to (shared/domain/notifications/links.ts); the notifier makes it absolute (`appLink`). */
  link: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^\/[A-Za-z0-9/_~.-]*$/, 'must be an app path such as /a/<id>'), /* @__PURE__ */ z.maxLength(200))),
  rendered: /* @__PURE__ */ z.optional(RenderedEmail),
  attachments: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(EmailAttachment).check(/* @__PURE__ */ z.maxLength(3))),
});
export type NotificationRequest = z.input<typeof NotificationRequest>;
export type ParsedNotificationRequest = z.output<typeof NotificationRequest>;

export const OutboxRecord = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'the dedupe key'),
  type: NotificationType,
  channel: Channel,
  recipientId: /* @__PURE__ */ z.string(),
  /** Where it goes (email address or E.164 phone), resolved when the record is written. */
  address: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  locale: Locale,
  /** Rendered in Arabic and English (an address whose language nobody knows). */
  bilingual: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
  about: /* @__PURE__ */ z.string(),
  window: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  params: Params,
  calendar: /* @__PURE__ */ z.optional(CalendarEvent),
  rendered: /* @__PURE__ */ z.optional(RenderedEmail),
  attachments: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(EmailAttachment)),
  status: OutboxStatus,
  reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  timeCritical: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  attempts: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(0)),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  leaseUntil: /* @__PURE__ */ z.optional(Timestamp),
  sendAfter: /* @__PURE__ */ z.optional(Timestamp),
  staleAfter: /* @__PURE__ */ z.optional(Timestamp),
  sentAt: /* @__PURE__ */ z.optional(Timestamp),
  providerMessageId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** Times a send abandoned mid-way (its sender died) was taken over: the message may have gone out that many times more. */
  takeovers: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(0))),
});
export type OutboxRecord = z.output<typeof OutboxRecord>;

/** Why an outbox record was not (or not yet) sent. Stable strings: they are recorded and counted. */
export const SuppressionReason = {
  noConsent: 'no-consent',
  optedOut: 'opted-out',
  undeliverable: 'undeliverable',
  noAddress: 'no-address',
  unknownRecipient: 'unknown-recipient',
  staleByMorning: 'quiet-hours-stale-by-morning',
  stale: 'stale',
} as const;

/** Detail of `NotificationQueued`: an outbox record waits for the delivery consumer (no contact data). */
export const NotificationQueuedDetail = /* @__PURE__ */ z.strictObject({
  notificationId: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)), 'the outbox record (its dedupe key) to send'),
  type: NotificationType,
  channel: Channel,
});
export type NotificationQueuedDetail = z.output<typeof NotificationQueuedDetail>;

/** Detail of `NotificationDeadLettered`: which outbox record failed every try (no contact data). */
export const NotificationDeadLetteredDetail = /* @__PURE__ */ z.strictObject({
  notificationId: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)), 'the outbox record (its dedupe key): it holds everything needed to send again'),
  type: NotificationType,
  channel: Channel,
  recipientId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  about: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  attempts: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1)),
  reason: /* @__PURE__ */ z.string(),
});
export type NotificationDeadLetteredDetail = z.output<typeof NotificationDeadLetteredDetail>;
