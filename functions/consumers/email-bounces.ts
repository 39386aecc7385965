/**
 * SES bounce and complaint events (the configuration set's event destination → SNS → this
 * function): a permanent bounce marks the address undeliverable, a complaint marks it opted
 * out; either way the notifier never emails it again (suppression list, with time and source).
 * Transient bounces (full mailbox) are left to SES's own retries. Built with `snsConsumer`
 * (validated messages, idempotent on the SNS MessageId).
 */
import * as z from '../../shared/zod.js';
import { notificationContacts } from '../../shared/db/notification-contacts.js';
import { SuppressionReason } from '../../shared/domain/notifications/schema.js';
import { snsConsumer } from '../../shared/middleware/sns-consumer.js';
import { logger } from '../../shared/powertools/logger.js';

const Recipient = /* @__PURE__ */ z.object({ emailAddress: /* @__PURE__ */ z.string() });
export const SesEvent = /* @__PURE__ */ z.object({
  eventType: /* @__PURE__ */ z.string(),
  bounce: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.object({ bounceType: /* @__PURE__ */ z.string(), timestamp: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), bouncedRecipients: /* @__PURE__ */ z.array(Recipient) })),
  complaint: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.object({ timestamp: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), complainedRecipients: /* @__PURE__ */ z.array(Recipient) })),
  mail: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.object({ timestamp: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) })),
});

export const handler = snsConsumer({ id: 'EmailBounces', message: SesEvent }).handler(async (messages): Promise<{ suppressed: number }> => {
  const repository = notificationContacts();
  let suppressed = 0;
  for (const { message: ses, timestamp } of messages) {
    const at = ses.bounce?.timestamp ?? ses.complaint?.timestamp ?? timestamp;
    const targets =
      ses.eventType === 'Bounce' && ses.bounce?.bounceType === 'Permanent'
        ? ses.bounce.bouncedRecipients.map((r) => ({ address: r.emailAddress, reason: SuppressionReason.undeliverable, source: 'ses-bounce' }))
        : ses.eventType === 'Complaint' && ses.complaint
          ? ses.complaint.complainedRecipients.map((r) => ({ address: r.emailAddress, reason: SuppressionReason.optedOut, source: 'ses-complaint' }))
          : [];
    for (const target of targets) {
      await repository.suppress({ channel: 'email', ...target, at: new Date(at).toISOString() });
      suppressed += 1;
    }
    logger.info('ses feedback', { eventType: ses.eventType, suppressed: targets.length });
  }
  return { suppressed };
});
