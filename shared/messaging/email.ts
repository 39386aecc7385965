/**
 * Sending email, as a small port (written for the onboarding workflow, issue 3). There is one
 * email path in the platform: this port hands every message to the notifier
 * (shared/messaging/notifier.ts), so it is written to the outbox under a dedupe key before it
 * is sent, retried, dead-lettered on failure, checked against the suppression list (bounces,
 * complaints) and laid out by the one renderer. A workflow step that runs twice (Step
 * Functions delivers at least once) therefore sends its message once.
 *
 * A message may name a template (`template`): then the recipient gets the bilingual templated
 * message and `subject`/`text` are only a fallback description; otherwise `subject` and `text`
 * are sent as they are. Locally and in tests SES_ENDPOINT points at the SES emulator, whose
 * `GET /store` lists every message sent.
 */
import { createHash } from 'node:crypto';
import type { EmailMessage, EmailSender } from '../domain/notifications/ports.js';
import { notifier, type Notifier } from './notifier.js';

export type { EmailMessage, EmailSender };

export const emailSettings = {
  /** Verified SES identity the platform sends from. */
  get from(): string {
    return process.env.EMAIL_FROM ?? 'no-reply@tatawwu.sa';
  },
  /** The ministry reviewers' address (a distribution list), comma-separated for several. */
  get reviewers(): string[] {
    return (process.env.MINISTRY_REVIEWERS_EMAIL ?? 'ministry-reviewers@tatawwu.sa').split(',').map((address) => address.trim()).filter(Boolean);
  },
};

const ARABIC = /[\u0600-\u06FF]/;

/** The email port on top of a notifier (the process's own by default). */
export const notifierEmailSender = (notify: () => Notifier = notifier): EmailSender => ({
  async send(message) {
    for (const email of message.to) {
      if (message.template) {
        await notify().notify({
          type: message.template.type,
          to: { kind: 'address', email, locale: message.template.locale ?? 'ar', ...(message.template.bilingual && { bilingual: true }) },
          about: message.template.about,
          ...(message.template.window && { window: message.template.window }),
          params: message.template.params,
          ...(message.template.link && { link: message.template.link }),
        });
        continue;
      }
      await notify().notify({
        type: 'direct-message',
        to: { kind: 'address', email, locale: ARABIC.test(message.subject) ? 'ar' : 'en' },
        // The same text to the same person is the same message: a repeated step sends nothing.
        about: createHash('sha256').update(`${message.subject}\u001f${message.text}`).digest('base64url').slice(0, 32),
        params: { subject: message.subject, body: message.text },
      });
    }
  },
});

/** @deprecated kept for existing imports: the same as `emailSender()`. */
export const sesEmailSender = (): EmailSender => notifierEmailSender();

export const emailSender = (): EmailSender => notifierEmailSender();
