/**
 * The local stand-ins of the messaging area:
 * - `GET /local/sms`: the SMS "phone network" — every SMS the platform sent, newest first
 *   (JSON; an HTML page when the browser asks for text/html);
 * - `POST /local/sms/inbound {from, body}`: a reply from a phone, delivered to the same inbound
 *   handler as End User Messaging's SNS topic in the cloud (STOP / START keywords);
 * - `GET /local/outbox?status=dead|deferred`: notifications that failed every try (the cloud's
 *   DLQ) or wait for the end of quiet hours.
 */
import * as z from '../../shared/zod.js';
import type { SNSEvent } from 'aws-lambda';
import { handler as inboundSms } from '../../functions/consumers/sms-inbound.js';
import { notificationRepository } from '../../shared/db/notification-repository.js';
import { escapeHtml } from '../../shared/messaging/render.js';
import { json, type LocalExtension } from './extension.js';

const Inbound = z.strictObject({ from: z.string().check(z.regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number')), body: z.string().check(z.minLength(1), z.maxLength(1600)) });

const problem = (status: number, detail: string, errors?: { path: string; message: string }[]) => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({ type: 'about:blank', title: status === 400 ? 'Bad request' : 'Unprocessable content', status, detail, ...(errors && { errors }) }),
});

/** The SNS event End User Messaging's two-way SMS produces for one inbound message. */
export const inboundSnsEvent = (from: string, body: string): SNSEvent => ({
  Records: [
    {
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      EventSubscriptionArn: 'arn:aws:sns:me-central-1:000000000000:local-inbound-sms:local',
      Sns: {
        Type: 'Notification',
        MessageId: crypto.randomUUID(),
        TopicArn: 'arn:aws:sns:me-central-1:000000000000:local-inbound-sms',
        Subject: '',
        Message: JSON.stringify({
          originationNumber: from,
          destinationNumber: 'TATAWWU',
          messageKeyword: body.trim().split(/\s+/u)[0]?.toUpperCase() ?? '',
          messageBody: body,
          inboundMessageId: crypto.randomUUID(),
        }),
        Timestamp: new Date().toISOString(),
        SignatureVersion: '1',
        Signature: '',
        SigningCertUrl: '',
        UnsubscribeUrl: '',
        MessageAttributes: {},
      },
    },
  ],
});

const page = (items: readonly { to: string; body: string; at: string }[]) =>
  [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Local SMS</title>',
    '<style>body{font-family:system-ui,sans-serif;margin:2rem}td,th{padding:.4rem .8rem;border-bottom:1px solid #ddd;text-align:start}td.body{unicode-bidi:plaintext}</style></head><body>',
    `<h1>SMS sent by the local platform (${items.length})</h1>`,
    '<table><tr><th>when</th><th>to</th><th>message</th><th>length</th></tr>',
    ...items.map(
      (sms) =>
        `<tr><td>${escapeHtml(sms.at)}</td><td>${escapeHtml(sms.to)}</td><td class="body" dir="auto">${escapeHtml(sms.body)}</td><td>${sms.body.length}</td></tr>`,
    ),
    '</table></body></html>',
  ].join('\n');

export const smsExtension: LocalExtension = {
  name: 'sms',
  async start({ apiUrl }) {
    return {
      banner: [`SMS outbox     ${apiUrl}/local/sms (reply: POST /local/sms/inbound {"from","body"}; failed messages: ${apiUrl}/local/outbox?status=dead)`],
      routes: [
        {
          method: 'GET',
          path: '/local/sms',
          async handle(request) {
            const limit = Math.min(Number(request.query.get('limit') ?? 100) || 100, 1000);
            const items = await notificationRepository().listLocalSms(limit);
            if ((request.headers.accept ?? '').includes('text/html')) {
              // The strict CSP, plus the page's own inline stylesheet.
              const csp = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
              return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }, body: page(items) };
            }
            return json(200, { items });
          },
        },
        {
          method: 'POST',
          path: '/local/sms/inbound',
          async handle(request) {
            let input: unknown;
            try {
              input = JSON.parse(request.body.toString('utf8') || '{}');
            } catch {
              return problem(400, 'body is not valid JSON');
            }
            const parsed = Inbound.safeParse(input);
            if (!parsed.success) {
              return problem(
                422,
                'invalid inbound SMS',
                parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
              );
            }
            const { results } = await inboundSms(inboundSnsEvent(parsed.data.from, parsed.data.body));
            return json(200, results[0]);
          },
        },
        {
          method: 'GET',
          path: '/local/outbox',
          async handle(request) {
            const status = request.query.get('status') ?? 'dead';
            const repository = notificationRepository();
            if (status === 'dead') return json(200, { items: await repository.listDead() });
            if (status === 'deferred') return json(200, { items: await repository.listDeferred(new Date(Date.now() - 86_400_000), 3) });
            return problem(400, `status must be dead or deferred, got "${status}"`, [{ path: 'query.status', message: 'must be dead or deferred' }]);
          },
        },
      ],
    };
  },
};
