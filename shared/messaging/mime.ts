/**
 * A minimal MIME builder for SES `SendEmail` with `Content.Raw`, needed only for messages with
 * an attachment (the `.ics` invite): multipart/mixed → multipart/alternative (text, HTML) +
 * attachments. Every part is UTF-8 in base64 and headers with non-ASCII text use RFC 2047
 * encoded words, so Arabic survives every relay.
 */
import { randomUUID } from 'node:crypto';

export interface Attachment {
  readonly filename: string;
  /** e.g. `text/calendar; method=PUBLISH` (charset UTF-8 is added). */
  readonly contentType: string;
  readonly content: string;
}

export interface MimeMessage {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly Attachment[];
}

const base64Lines = (value: string): string =>
  (Buffer.from(value, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');

/** RFC 2047 encoded word when needed; ASCII text is left as is. */
export const encodeHeader = (value: string): string =>
  /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;

const safeFilename = (name: string): string => name.replace(/[^A-Za-z0-9._-]/g, '_');

export const buildMime = (message: MimeMessage, boundary = randomUUID().replace(/-/g, '')): string => {
  const mixed = `mixed_${boundary}`;
  const alternative = `alt_${boundary}`;
  const lines = [
    `From: ${message.from}`,
    `To: ${message.to}`,
    `Subject: ${encodeHeader(message.subject)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
    '',
    `--${mixed}`,
    `Content-Type: multipart/alternative; boundary="${alternative}"`,
    '',
    `--${alternative}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(message.text),
    `--${alternative}`,
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(message.html),
    `--${alternative}--`,
    ...message.attachments.flatMap((attachment) => [
      `--${mixed}`,
      `Content-Type: ${attachment.contentType}; charset=UTF-8; name="${safeFilename(attachment.filename)}"`,
      `Content-Disposition: attachment; filename="${safeFilename(attachment.filename)}"`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(attachment.content),
    ]),
    `--${mixed}--`,
    '',
  ];
  return lines.join('\r\n');
};
