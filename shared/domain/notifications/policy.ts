/**
 * Consent, opt-out and quiet hours: which channel may be used for a message, now, later or
 * never. Pure functions of the contact and the clock.
 */
import { createHash } from 'node:crypto';
import type { Locale } from '../reference/locale.js';
import { inRiyadhWindow, nextRiyadhTime } from '../time.js';
import { SuppressionReason, type Channel, type NotificationType } from './schema.js';

/** The platform's quiet hours when a volunteer has not chosen their own. */
export const DEFAULT_QUIET_HOURS = { from: '22:00', to: '07:00' } as const;

export interface QuietHours {
  readonly from: string;
  readonly to: string;
}

/** What the sender needs to know about a person (a volunteer profile or a bare address). */
export interface Contact {
  readonly recipientId: string;
  readonly locale: Locale;
  readonly name?: { readonly ar?: string; readonly en?: string };
  readonly email?: string;
  readonly phone?: string;
  /** Consent per channel; a bare address (organisation contact, reviewer) consents to email only. */
  readonly consent: Readonly<Record<Channel, boolean>>;
  readonly quietHours?: QuietHours;
}

/** Deterministic dedupe key: the same message about the same thing to the same person in the same window. */
export const dedupeKey = (parts: {
  type: NotificationType;
  recipientId: string;
  channel: Channel;
  about: string;
  window?: string | undefined;
}): string =>
  createHash('sha256')
    .update([parts.type, parts.recipientId, parts.channel, parts.about, parts.window ?? ''].join('\u001f'))
    .digest('base64url')
    .slice(0, 32);

/** True when `at` falls in the quiet-hours window [from, to) in Riyadh time; the window may wrap midnight. */
export const inQuietHours = (at: Date, quiet: QuietHours = DEFAULT_QUIET_HOURS): boolean => inRiyadhWindow(at, quiet);

/** The first moment at or after `at` whose Riyadh time is `hhmm` (when quiet hours end). */
export const nextLocalTime = nextRiyadhTime;

export type ChannelDecision =
  | { readonly action: 'send'; readonly address: string }
  | { readonly action: 'defer'; readonly address: string; readonly sendAfter: Date }
  | { readonly action: 'suppress'; readonly reason: string; readonly address?: string };

export interface DecideInput {
  readonly channel: Channel;
  readonly contact: Contact | undefined;
  /** Addresses on the suppression list (SMS STOP, hard bounce, complaint), with the reason. */
  readonly suppressed?: string | undefined;
  readonly now: Date;
  readonly timeCritical?: string | undefined;
  readonly staleAfter?: Date | undefined;
}

/**
 * Whether to send on a channel now, later (quiet hours) or never. An opted-out channel is
 * never used, whatever the urgency. Quiet hours apply to SMS only: an email waits in the
 * inbox and wakes nobody.
 */
export const decideChannel = ({ channel, contact, suppressed, now, timeCritical, staleAfter }: DecideInput): ChannelDecision => {
  if (!contact) return { action: 'suppress', reason: SuppressionReason.unknownRecipient };
  const address = channel === 'email' ? contact.email : contact.phone;
  if (!address) return { action: 'suppress', reason: SuppressionReason.noAddress };
  if (!contact.consent[channel]) return { action: 'suppress', reason: SuppressionReason.noConsent, address };
  if (suppressed) return { action: 'suppress', reason: suppressed, address };
  if (staleAfter && now >= staleAfter) return { action: 'suppress', reason: SuppressionReason.stale, address };
  if (channel === 'sms' && !timeCritical) {
    const quiet = contact.quietHours ?? DEFAULT_QUIET_HOURS;
    if (inQuietHours(now, quiet)) {
      const sendAfter = nextLocalTime(now, quiet.to);
      // Deferring past the point where the message still helps would only wake someone for nothing.
      if (staleAfter && sendAfter >= staleAfter) return { action: 'suppress', reason: SuppressionReason.staleByMorning, address };
      return { action: 'defer', address, sendAfter };
    }
  }
  return { action: 'send', address };
};

/** The SMS keywords that opt a number out or back in (English and Arabic). */
export const STOP_KEYWORDS = ['STOP', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'STOPALL', 'إيقاف', 'ايقاف', 'الغاء', 'إلغاء'] as const;
export const START_KEYWORDS = ['START', 'UNSTOP', 'SUBSCRIBE', 'اشتراك'] as const;

/** `stop`, `start` or undefined for an inbound SMS body (first word, any case, any surrounding text ignored). */
export const smsKeyword = (body: string): 'stop' | 'start' | undefined => {
  const word = body.trim().split(/\s+/u)[0]?.toUpperCase() ?? '';
  if ((STOP_KEYWORDS as readonly string[]).includes(word)) return 'stop';
  if ((START_KEYWORDS as readonly string[]).includes(word)) return 'start';
  return undefined;
};
