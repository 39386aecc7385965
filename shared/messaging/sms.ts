/**
 * SMS behind a provider interface. In the cloud: AWS End User Messaging SMS
 * (`SendTextMessage`, transactional, from the region's registered sender ID). A Saudi sender
 * ID may need a local aggregator instead: implement `SmsSender` for it and return it from
 * `smsSender()`. Locally the "phone network" is an SMS outbox in the table, shown at
 * `GET /local/sms` (infra/local/sms.ts).
 *
 * SendTextMessage is sent without the SMS client (issue 17: the client keeps every operation's
 * schema): the request `new PinpointSMSVoiceV2Client({ region }).send(new SendTextMessageCommand(…))`
 * sends (awsJson1_0, `X-Amz-Target: PinpointSMSVoiceV2.SendTextMessage`), through
 * shared/aws/json-service.ts; test/unit/ses-email.test.ts compares it with the client's.
 */
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { ulid } from 'ulid';
import { env } from '../env.js';
import { providerFault, shouldFail } from '../faults.js';
import { localSmsBox, type LocalSmsBox } from '../db/local-sms-box.js';
import { jsonService } from '../aws/json-service.js';
import type { AwsAccess } from '../aws/signed-sender.js';

export interface SmsMessage {
  /** E.164. */
  readonly to: string;
  readonly body: string;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<{ messageId: string }>;
}

/** SendTextMessage of End User Messaging SMS: the client's request (its members in the model's order), its output. */
export type SendTextMessage = (body: Record<string, unknown>) => Promise<Record<string, unknown>>;

export const smsSendTextMessage = (access: AwsAccess): SendTextMessage => {
  const call = jsonService({ traceName: 'PinpointSMSVoiceV2', signingName: 'sms-voice', endpointPrefix: 'sms-voice' }, access);
  return (body) => call({ operation: 'SendTextMessage', target: 'PinpointSMSVoiceV2.SendTextMessage', contentType: 'application/x-amz-json-1.0', body });
};

/** The process's SendTextMessage (one, as the SMS client was: its signer, retry capacity and connections). */
let defaultSend: SendTextMessage | undefined;
const processSendTextMessage: SendTextMessage = (body) => (defaultSend ??= smsSendTextMessage({ region: env.region, credentials: defaultProvider() }))(body);

export const endUserMessagingSmsSender = (originationIdentity: string, sendTextMessage: SendTextMessage = processSendTextMessage): SmsSender => ({
  async send(message) {
    const result = await sendTextMessage({
      DestinationPhoneNumber: message.to,
      OriginationIdentity: originationIdentity,
      MessageBody: message.body,
      MessageType: 'TRANSACTIONAL',
    });
    return { messageId: typeof result.MessageId === 'string' ? result.MessageId : '' };
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
