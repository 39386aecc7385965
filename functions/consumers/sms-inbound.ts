/**
 * Inbound SMS (replies to the platform's sender ID). In the cloud, AWS End User Messaging SMS
 * publishes each inbound message to an SNS topic (infra/constructs/messaging.ts) that invokes
 * this function; locally `POST /local/sms/inbound {from, body}` builds the same SNS event.
 * Only the STOP / START keywords act (see shared/domain/notifications/service.ts): the number's
 * suppression, and the SMS preference and consent of every profile that gives it. Built with
 * `snsConsumer` (validated messages, idempotent on the SNS MessageId).
 */
import * as z from '../../shared/zod.js';
import { systemClock } from '../../shared/clock.js';
import { notificationContacts } from '../../shared/db/notification-contacts.js';
import { volunteerRepository } from '../../shared/db/volunteer-repository.js';
import { handleInboundSms, type InboundResult } from '../../shared/domain/notifications/service.js';
import { setSmsConsent } from '../../shared/domain/volunteers/service.js';
import { snsConsumer } from '../../shared/middleware/sns-consumer.js';
import { logger } from '../../shared/powertools/logger.js';

/** The message End User Messaging publishes (two-way SMS). */
export const InboundSmsMessage = /* @__PURE__ */ z.object({
  originationNumber: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  destinationNumber: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  messageKeyword: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  messageBody: /* @__PURE__ */ z.string(),
  inboundMessageId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type InboundSmsMessage = z.infer<typeof InboundSmsMessage>;

export const handler = snsConsumer({ id: 'SmsInbound', message: InboundSmsMessage }).handler(async (messages): Promise<{ results: InboundResult[] }> => {
  const repository = notificationContacts();
  const volunteers = { repo: volunteerRepository(), clock: systemClock };
  const profiles = {
    idsByPhone: (phone: string) => volunteers.repo.idsByPhone(phone),
    setSmsConsent: (id: string, granted: boolean) => setSmsConsent(volunteers, id, granted),
  };
  const results: InboundResult[] = [];
  for (const { message } of messages) {
    const result = await handleInboundSms(
      { suppressions: repository, clock: systemClock, profiles },
      { from: message.originationNumber, body: message.messageBody, ...(message.inboundMessageId && { messageId: message.inboundMessageId }) },
    );
    logger.info('inbound sms', { action: result.action, inboundMessageId: message.inboundMessageId });
    results.push(result);
  }
  return { results };
});
