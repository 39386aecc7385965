/**
 * Sending email, as a small port. This is the minimal version the onboarding workflow needs
 * (plain text, one SES v2 SendEmail per message); the notifications area replaces the sender
 * with templated, localised (RTL) messages behind the same interface.
 * Locally and in tests SES_ENDPOINT points at the SES emulator, whose `GET /store` lists every
 * message sent.
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { env } from '../env.js';

export interface EmailMessage {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}

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

let client: SESv2Client | undefined;

export const sesEmailSender = (): EmailSender => ({
  async send(message) {
    client ??= new SESv2Client({
      region: env.region,
      ...(env.sesEndpoint && { endpoint: env.sesEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    });
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: emailSettings.from,
        Destination: { ToAddresses: [...message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
  },
});

export const emailSender = (): EmailSender => sesEmailSender();
