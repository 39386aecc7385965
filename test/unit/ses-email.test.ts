import { SendEmailCommand, SESv2Client, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { HttpResponse, type HttpRequest } from '@smithy/core/protocols';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AwsRequestHandler } from '../../shared/aws/signed-sender.js';
import { isPermanent } from '../../shared/messaging/delivery.js';
import { sesEmailTransport, sesSendEmail, type OutgoingEmail } from '../../shared/messaging/ses-email.js';
import { comparable, localAwsEndpoint, type Answer } from '../helpers/aws-requests.js';

/**
 * SendEmail without the SES client (issue 17): the transport sends the request the client sent,
 * and an error answer throws what the client threw (as far as the sender reads it: name, message,
 * fault, status, attempts, permanent or not).
 */
const region = 'me-central-1';
const credentials = { accessKeyId: 'ASIAEXAMPLEKEYID', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', sessionToken: 'IQoJb3JpZ2luX2VjE+/token==' };

/** A request handler that keeps what it is asked to send and answers as SES does. */
const capturing = () => {
  const requests: HttpRequest[] = [];
  const handler: AwsRequestHandler = {
    async handle(request) {
      requests.push(request);
      return { response: new HttpResponse({ statusCode: 200, headers: { 'x-amzn-requestid': 'R1', 'content-type': 'application/json' }, body: Buffer.from('{"MessageId":"0100018f-example"}') }) };
    },
  };
  return { requests, handler };
};

/** What the client sends for the input the transport gave it before (ses-email.ts until issue 17). */
const clientInput = (email: OutgoingEmail, from: string, configurationSet: string | undefined, raw?: Buffer): SendEmailCommandInput => ({
  FromEmailAddress: from,
  Destination: { ToAddresses: [email.to] },
  ...(configurationSet && { ConfigurationSetName: configurationSet }),
  ...(email.tags && { EmailTags: Object.entries(email.tags).map(([Name, Value]) => ({ Name, Value: Value.replace(/[^A-Za-z0-9_.@-]/g, '_').slice(0, 256) })) }),
  Content: raw
    ? { Raw: { Data: raw } }
    : {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Html: { Data: email.html, Charset: 'UTF-8' }, Text: { Data: email.text, Charset: 'UTF-8' } },
        },
      },
});


const sdkRequest = async (input: SendEmailCommandInput, endpoint?: string): Promise<HttpRequest> => {
  const { requests, handler } = capturing();
  await new SESv2Client({ region, credentials, requestHandler: handler as NodeHttpHandler, ...(endpoint && { endpoint }) }).send(new SendEmailCommand(input));
  return requests[0]!;
};

const email: OutgoingEmail = {
  to: 'sara@example.sa',
  subject: 'تم قبول طلبك — Your application was accepted',
  html: '<p dir="rtl">مرحباً سارة &amp; "أهلاً"</p>\n<p>Line 2 \u2028 \\ </p>',
  text: 'مرحباً سارة\nLine 2 \t "quoted" \\',
  tags: { type: 'application-accepted', notification: '01JEXAMPLE0NOTIFICATION00/x y' },
};

describe('sesEmailTransport', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-03T02:45:07Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  const ours = async (message: OutgoingEmail, endpoint?: string): Promise<{ request: HttpRequest; messageId: string }> => {
    const { requests, handler } = capturing();
    const { messageId } = await sesEmailTransport(sesSendEmail({ region, credentials, requestHandler: handler, ...(endpoint && { endpoint }) })).send(message);
    expect(requests).toHaveLength(1);
    return { request: requests[0]!, messageId };
  };

  it.each([
    ['with a configuration set and tags', email, 'tatawwu-prod'],
    ['without a configuration set or tags', { ...email, tags: undefined }, undefined],
  ])('sends a simple message %s as the SES client does', async (_, message, configurationSet) => {
    if (configurationSet) vi.stubEnv('SES_CONFIGURATION_SET', configurationSet);
    const mine = await ours(message);
    expect(comparable(mine.request)).toEqual(comparable(await sdkRequest(clientInput(message, 'no-reply@tatawwu.sa', configurationSet))));
    expect(mine.messageId).toBe('0100018f-example');
  });

  it('sends a message with an attachment as raw MIME, as the SES client does', async () => {
    const message: OutgoingEmail = { ...email, attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }] };
    const mine = await ours(message);
    const raw = Buffer.from(Buffer.from(JSON.parse(comparable(mine.request).body!).Content.Raw.Data, 'base64'));
    expect(raw.toString('utf8')).toContain('invite.ics');
    expect(comparable(mine.request)).toEqual(comparable(await sdkRequest(clientInput(message, 'no-reply@tatawwu.sa', undefined, raw))));
  });

  it('sends to an endpoint of its own (the emulator) as the SES client does', async () => {
    const mine = await ours(email, 'http://localhost:8005');
    expect(comparable(mine.request)).toEqual(comparable(await sdkRequest(clientInput(email, 'no-reply@tatawwu.sa', undefined), 'http://localhost:8005')));
  });
});

describe('sesEmailTransport against a server', () => {
  /** SES's endpoint: its answers in order, then 200 with a message id. */
  const endpoint = localAwsEndpoint({ contentType: 'application/json', requestIdHeader: 'x-amzn-requestid', otherwise: { status: 200, body: '{"MessageId":"m-ok"}' } });
  const { received, requestHandler } = endpoint;

  /** What the sender reads of an error: the same for the client's exception and ours. */
  const seen = (error: unknown) => {
    const e = error as { name: string; message: string; $fault: string; $metadata: { httpStatusCode: number; requestId?: string; attempts?: number } };
    return { name: e.name, message: e.message, $fault: e.$fault, status: e.$metadata.httpStatusCode, requestId: e.$metadata.requestId, attempts: e.$metadata.attempts, permanent: isPermanent(error) };
  };
  const run = async (script: Answer[], send: () => Promise<unknown>) => {
    endpoint.answers = [...script];
    received.length = 0;
    const outcome = await send().then(
      (value) => ({ value }),
      (error: unknown) => ({ error: seen(error) }),
    );
    return { outcome, attempts: received.map(({ headers }) => headers['amz-sdk-request']) };
  };
  const viaClient = () =>
    new SESv2Client({ region, credentials, requestHandler: requestHandler as NodeHttpHandler }).send(new SendEmailCommand(clientInput(email, 'no-reply@tatawwu.sa', undefined))).then((r) => r.MessageId);
  const viaOurs = () => sesEmailTransport(sesSendEmail({ region, credentials, requestHandler })).send(email).then((r) => r.messageId);

  it('sends the message and answers its message id', async () => {
    expect(await viaOurs()).toBe('m-ok');
    expect(received).toMatchObject([{ url: '/v2/email/outbound-emails', headers: { host: `email.${region}.amazonaws.com`, 'content-type': 'application/json' } }]);
  });

  it.each([
    ['a rejected message (400, not retried, permanent)', [{ status: 400, headers: { 'x-amzn-errortype': 'MessageRejected:http://internal.amazon.com/coral/com.amazon.sesv2/' }, body: '{"message":"Email address is not verified."}' }]],
    ['an error named in the body only', [{ status: 400, body: '{"__type":"com.amazonaws.sesv2#BadRequestException","message":"Invalid tag value"}' }]],
    ['throttling (429, retried)', [{ status: 429, headers: { 'x-amzn-errortype': 'TooManyRequestsException' }, body: '{"message":"Maximum sending rate exceeded."}' }]],
    ['three 500s (given up)', [1, 2, 3].map(() => ({ status: 500, headers: { 'x-amzn-errortype': 'InternalFailure' }, body: '{"message":"internal"}' }))],
    ['a 503 then success', [{ status: 503, body: '{"message":"Service Unavailable"}' }]],
    ['an answer that is not JSON', [{ status: 403, body: '<html>Forbidden</html>' }]],
  ])('answers %s as the SES client does', async (_, script) => {
    const client = await run(script, viaClient);
    const mine = await run(script, viaOurs);
    expect(mine).toEqual(client);
  });
});
