import { PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { AwsRequestHandler } from '../../shared/aws/signed-sender.js';
import { isPermanent } from '../../shared/messaging/delivery.js';
import { endUserMessagingSmsSender, smsSendTextMessage } from '../../shared/messaging/sms.js';
import { answering as answering_, comparable, type Answer } from '../helpers/aws-requests.js';

/** SendTextMessage without the SMS client (issue 17): the request the client sent, the errors it threw. */
const region = 'me-central-1';
const credentials = { accessKeyId: 'ASIAEXAMPLEKEYID', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', sessionToken: 'IQoJb3JpZ2luX2VjE+/token==' };
const senderId = 'arn:aws:sms-voice:me-central-1:111122223333:sender-id/TATAWWU/SA';
const message = { to: '+966501234567', body: 'تطوع: رمز الحضور 4821 — "Attendance code" \\ \n' };

/** Answers `answers` in turn (then a message id) and keeps every request. */
const answering = (answers: Answer[]) => answering_(answers, () => ({ status: 200, body: '{"MessageId":"sms-1"}' }));


const viaClient = (handler: AwsRequestHandler) =>
  new PinpointSMSVoiceV2Client({ region, credentials, requestHandler: handler as NodeHttpHandler })
    .send(new SendTextMessageCommand({ DestinationPhoneNumber: message.to, OriginationIdentity: senderId, MessageBody: message.body, MessageType: 'TRANSACTIONAL' }))
    .then((r) => r.MessageId);
const viaOurs = (handler: AwsRequestHandler) => endUserMessagingSmsSender(senderId, smsSendTextMessage({ region, credentials, requestHandler: handler })).send(message).then((r) => r.messageId);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-03T02:45:07Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

it('sends the request the SMS client sends and answers its message id', async () => {
  const client = answering([]);
  const ours = answering([]);
  expect(await viaOurs(ours.handler)).toBe(await viaClient(client.handler));
  expect(ours.requests.map(comparable)).toEqual(client.requests.map(comparable));
  expect(ours.requests[0]!.headers).toMatchObject({ 'x-amz-target': 'PinpointSMSVoiceV2.SendTextMessage', host: `sms-voice.${region}.amazonaws.com` });
});

it.each([
  ['a refused number (400, permanent)', [{ status: 400, headers: { 'x-amzn-errortype': 'ValidationException' }, body: '{"Message":"Invalid destination","Reason":"INVALID_PARAMETER"}' }]],
  ['throttling (retried)', [{ status: 400, body: '{"__type":"com.amazonaws.pinpointsmsvoicev2#ThrottlingException","Message":"Rate exceeded"}' }]],
  ['a 500 then success', [{ status: 500, body: '{"__type":"InternalServerException","Message":"internal"}' }]],
])('answers %s as the SMS client does', async (_, script) => {
  const outcome = async (send: (handler: AwsRequestHandler) => Promise<unknown>) => {
    const { requests, handler } = answering(structuredClone(script));
    const result = await send(handler).then(
      (value) => ({ value }),
      (error: { name: string; message: string; $fault: string; $metadata: { httpStatusCode: number; attempts: number } }) => ({
        name: error.name, message: error.message, fault: error.$fault, status: error.$metadata.httpStatusCode, attempts: error.$metadata.attempts, permanent: isPermanent(error),
      }),
    );
    return { result, sent: requests.length };
  };
  expect(await outcome(viaOurs)).toEqual(await outcome(viaClient));
});
