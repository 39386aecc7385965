/**
 * Email through SES v2. Messages without attachments use `Content.Simple` (SES builds the
 * MIME); messages with an attachment (the `.ics` invite) use `Content.Raw` with our MIME.
 * Locally and in tests SES_ENDPOINT points at the SES emulator (aws-ses-v2-local).
 *
 * SendEmail is sent without the SES client (issue 17: the client keeps every SES v2 operation's
 * schema, ~62 KB and ~6 ms of the delivery consumer's cold start): the request
 * `new SESv2Client({ region }).send(new SendEmailCommand(…))` sends (restJson1, `POST
 * /v2/email/outbound-emails`, the input's members in the model's order, the raw message in
 * base64), through shared/aws/json-service.ts; test/unit/ses-email.test.ts compares the requests
 * with the client's and the errors with its exceptions.
 */
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { env } from '../env.js';
import { providerFault, shouldFail } from '../faults.js';
import { buildMime, type Attachment } from './mime.js';
import { jsonService, type JsonCall } from '../aws/json-service.js';
import type { AwsAccess } from '../aws/signed-sender.js';

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

/** SendEmail of SES v2 (what the email transport sends): the client's request, its output. */
export type SendEmail = (body: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** SendEmail through SES v2 at `access` (its regional endpoint, or `endpoint`: the emulator). */
export const sesSendEmail = (access: AwsAccess & { readonly endpoint?: string }): SendEmail => {
  const call = jsonService({ traceName: 'SES', signingName: 'ses', endpointPrefix: 'email' }, access);
  const request: Omit<JsonCall, 'body'> = { operation: 'SendEmail', path: '/v2/email/outbound-emails', contentType: 'application/json' };
  return (body) => call({ ...request, body });
};

/** The process's SendEmail (one, as the SES client was: its signer, retry capacity and connections). */
let defaultSend: SendEmail | undefined;
const processSendEmail: SendEmail = (body) =>
  (defaultSend ??= sesSendEmail(
    env.sesEndpoint
      ? { region: env.region, endpoint: env.sesEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : { region: env.region, credentials: defaultProvider() },
  ))(body);

/** SES tag values allow letters, digits, `_`, `-`, `.`, `@` only. */
const tagValue = (value: string) => value.replace(/[^A-Za-z0-9_.@-]/g, '_').slice(0, 256);

export const sesEmailTransport = (sendEmail: SendEmail = processSendEmail): EmailTransport => ({
  async send(email) {
    if (shouldFail('ses')) throw providerFault('ses');
    const attachments = email.attachments ?? [];
    // SendEmailRequest's members in the model's order (Content first), as the client serialises them.
    const result = await sendEmail({
      Content:
        attachments.length === 0
          ? {
              Simple: {
                Subject: { Data: email.subject, Charset: 'UTF-8' },
                Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
              },
            }
          : {
              Raw: {
                Data: Buffer.from(
                  buildMime({ from: emailSettings.from, to: email.to, subject: email.subject, text: email.text, html: email.html, attachments }),
                ).toString('base64'),
              },
            },
      FromEmailAddress: emailSettings.from,
      Destination: { ToAddresses: [email.to] },
      ...(email.tags && { EmailTags: Object.entries(email.tags).map(([Name, Value]) => ({ Name, Value: tagValue(Value) })) }),
      ...(emailSettings.configurationSet && { ConfigurationSetName: emailSettings.configurationSet }),
    });
    return { messageId: typeof result.MessageId === 'string' ? result.MessageId : '' };
  },
});
