/**
 * SMS behind a provider interface. In the cloud: AWS End User Messaging SMS
 * (`SendTextMessage`, transactional, from the region's registered sender ID). A Saudi sender
 * ID may need a local aggregator instead: implement `SmsSender` for it and return it from
 * `smsSender()`. Locally the "phone network" is an SMS outbox in the table, shown at
 * `GET /local/sms` (infra/local/sms.ts).
 */
import { PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { ulid } from 'ulid';
import { env } from '../env.js';
import { providerFault, shouldFail } from '../faults.js';
import { localSmsBox, type LocalSmsBox } from '../db/local-sms-box.js';
import { traced } from '../powertools/tracer.js';

export interface SmsMessage {
  /** E.164. */
  readonly to: string;
  readonly body: string;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<{ messageId: string }>;
}

let client: PinpointSMSVoiceV2Client | undefined;

export const endUserMessagingSmsSender = (originationIdentity: string, sms = () => (client ??= traced(new PinpointSMSVoiceV2Client({ region: env.region })))): SmsSender => ({
  async send(message) {
    const result = await sms().send(
      new SendTextMessageCommand({
        DestinationPhoneNumber: message.to,
        OriginationIdentity: originationIdentity,
        MessageBody: message.body,
        MessageType: 'TRANSACTIONAL',
      }),
    );
    return { messageId: result.MessageId ?? '' };
  },
});

/** The local stand-in: every SMS lands in the table's local SMS box, newest first at GET /local/sms. */
export const localSmsSender = (box: LocalSmsBox = localSmsBox()): SmsSender => ({
  async send(message) {
    if (shouldFail('sms')) throw providerFault('sms');
    const messageId = ulid();
    await box.recordLocalSms({ id: messageId, to: message.to, body: message.body, at: new Date().toISOString() });
    return { messageId };
  },
});

export const smsSender = (): SmsSender => {
  if (env.mode === 'local') return localSmsSender();
  const originationIdentity = process.env.SMS_SENDER_ID_ARN;
  if (!originationIdentity) throw new Error('missing environment variable SMS_SENDER_ID_ARN (grant the function the "sms" need)');
  return endUserMessagingSmsSender(originationIdentity);
};
