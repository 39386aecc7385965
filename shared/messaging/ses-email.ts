/**
 * Email through SES v2. Messages without attachments use `Content.Simple` (SES builds the
 * MIME); messages with an attachment (the `.ics` invite) use `Content.Raw` with our MIME.
 * Locally and in tests SES_ENDPOINT points at the SES emulator (aws-ses-v2-local).
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { env } from '../env.js';
import { providerFault, shouldFail } from '../faults.js';
import { buildMime, type Attachment } from './mime.js';
import { traced } from '../powertools/tracer.js';

export interface OutgoingEmail {
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly attachments?: readonly Attachment[];
  /** SES message tags (type, outbox id): they come back in bounce and complaint events. */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The email port of the notifier. */
export interface EmailTransport {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

export const emailSettings = {
  get from(): string {
    return process.env.EMAIL_FROM ?? 'no-reply@tatawwu.sa';
  },
  /** SES configuration set (reputation metrics, bounce/complaint events); none locally. */
  get configurationSet(): string | undefined {
    return process.env.SES_CONFIGURATION_SET || undefined;
  },
};

let client: SESv2Client | undefined;
const sesClient = (): SESv2Client =>
  (client ??= traced(
    new SESv2Client({
      region: env.region,
      ...(env.sesEndpoint && { endpoint: env.sesEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    }),
  ));

/** SES tag values allow letters, digits, `_`, `-`, `.`, `@` only. */
const tagValue = (value: string) => value.replace(/[^A-Za-z0-9_.@-]/g, '_').slice(0, 256);

export const sesEmailTransport = (ses: () => SESv2Client = sesClient): EmailTransport => ({
  async send(email) {
    if (shouldFail('ses')) throw providerFault('ses');
    const attachments = email.attachments ?? [];
    const common = {
      FromEmailAddress: emailSettings.from,
      Destination: { ToAddresses: [email.to] },
      ...(emailSettings.configurationSet && { ConfigurationSetName: emailSettings.configurationSet }),
      ...(email.tags && { EmailTags: Object.entries(email.tags).map(([Name, Value]) => ({ Name, Value: tagValue(Value) })) }),
    };
    const result = await ses().send(
      new SendEmailCommand({
        ...common,
        Content:
          attachments.length === 0
            ? {
                Simple: {
                  Subject: { Data: email.subject, Charset: 'UTF-8' },
                  Body: { Html: { Data: email.html, Charset: 'UTF-8' }, Text: { Data: email.text, Charset: 'UTF-8' } },
                },
              }
            : {
                Raw: {
                  Data: Buffer.from(
                    buildMime({ from: emailSettings.from, to: email.to, subject: email.subject, text: email.text, html: email.html, attachments }),
                  ),
                },
              },
      }),
    );
    return { messageId: result.MessageId ?? '' };
  },
});
