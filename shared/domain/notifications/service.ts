/**
 * Inbound SMS: the STOP / START keyword path. A STOP puts the number on the suppression list
 * (with the time, the keyword and where it came from), so no SMS goes to it again whatever
 * the profile says; START lifts it. Keyword handling follows carrier practice: the first word,
 * any case, English or Arabic.
 */
import type { Clock } from '../../clock.js';
import { smsKeyword } from './policy.js';
import { SuppressionReason, type Channel } from './schema.js';

export interface InboundSms {
  /** E.164 number of the sender. */
  readonly from: string;
  readonly body: string;
  /** Provider's id of the inbound message, for the log. */
  readonly messageId?: string;
}

export interface SuppressionPort {
  suppress(suppression: { channel: Channel; address: string; reason: string; source: string; at: string }): Promise<void>;
  unsuppress(channel: Channel, address: string): Promise<boolean>;
}

export type InboundResult = { readonly action: 'opted-out' | 'opted-in' | 'ignored'; readonly keyword?: string; readonly profiles?: number };

/** The profiles that give a number, and the SMS consent of one (the volunteers area: preferences, consent with its time, trail). */
export interface SmsConsentPort {
  idsByPhone(phone: string): Promise<readonly string[]>;
  setSmsConsent(volunteerId: string, granted: boolean): Promise<void>;
}

/**
 * STOP / START also show in the profile of everyone who gives that number: `preferences.sms`
 * and `consent.sms` (granted, changedAt) follow the keyword, so the volunteer sees in the app
 * what the number says, and START restores both.
 */
export const handleInboundSms = async (
  deps: { suppressions: SuppressionPort; clock: Clock; profiles?: SmsConsentPort },
  sms: InboundSms,
): Promise<InboundResult> => {
  const result = await applyKeyword(deps, sms);
  if (result.action === 'ignored' || !deps.profiles) return result;
  const ids = await deps.profiles.idsByPhone(sms.from);
  for (const id of ids) await deps.profiles.setSmsConsent(id, result.action === 'opted-in');
  return { ...result, profiles: ids.length };
};

const applyKeyword = async (deps: { suppressions: SuppressionPort; clock: Clock }, sms: InboundSms): Promise<InboundResult> => {
  const keyword = smsKeyword(sms.body);
  const word = sms.body.trim().split(/\s+/u)[0] ?? '';
  if (keyword === 'stop') {
    await deps.suppressions.suppress({
      channel: 'sms',
      address: sms.from,
      reason: SuppressionReason.optedOut,
      source: `sms-keyword:${word.toUpperCase()}`,
      at: deps.clock.now().toISOString(),
    });
    return { action: 'opted-out', keyword: word };
  }
  if (keyword === 'start') {
    await deps.suppressions.unsuppress('sms', sms.from);
    return { action: 'opted-in', keyword: word };
  }
  return { action: 'ignored' };
};
