/**
 * The notifier's ports as the domain sees them. shared/messaging implements them (the email
 * sender hands every message to the notifier: outbox, dedupe, consent, suppressions, the one
 * renderer); the composition roots wire them.
 */
import type { Locale } from '../reference/locale.js';
import type { NotificationType, Params } from './schema.js';

export interface EmailMessage {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  /** Send this bilingual template instead of `subject`/`text` (see shared/messaging/templates). */
  readonly template?: {
    readonly type: NotificationType;
    /** The entity the message is about (dedupe: one message per recipient per entity and window). */
    readonly about: string;
    readonly window?: string;
    readonly params: Params;
    readonly locale?: Locale;
    /** The recipients' language is unknown: write the email in Arabic and English. */
    readonly bilingual?: boolean;
    /** The app path the email links to (shared/domain/notifications/links.ts). */
    readonly link?: string;
  };
}

export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}
