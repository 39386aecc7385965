/**
 * A call sent without its client (shared/aws/json-service.ts, issue 17) records the X-Ray
 * subsegment the traced client recorded (shared/powertools/tracer.ts `traced`) and passes the
 * trace on the same way: a UDP socket stands in for the daemon, as in xray.test.ts.
 */
import { createSocket, type Socket } from 'node:dgram';
import middy from '@middy/core';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { HttpResponse, type HttpRequest } from '@smithy/core/protocols';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { AwsRequestHandler } from '../../shared/aws/signed-sender.js';

const ROOT = '1-5759e988-bd862e3fe1be46a994272793';
const region = 'me-central-1';
const credentials = { accessKeyId: 'ASIAEXAMPLEKEYID', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const context = { functionName: 'f', awsRequestId: 'r' } as Context;

let daemon: Socket;
const received: Array<Record<string, any>> = [];

beforeAll(async () => {
  daemon = createSocket('udp4');
  daemon.on('message', (message) => received.push(JSON.parse(message.toString('utf8').split('\n')[1]!)));
  await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
  vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', `127.0.0.1:${daemon.address().port}`);
  vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'true');
  vi.stubEnv('_X_AMZN_TRACE_ID', `Root=${ROOT};Parent=53995c3f42cd8ad8;Sampled=1`);
});

afterAll(() => {
  daemon.close();
  vi.unstubAllEnvs();
});

/** Answers `statuses` in turn (then 200) and keeps the trace header of each request. */
const answering = (statuses: number[]) => {
  const headers: Array<string | undefined> = [];
  const handler: AwsRequestHandler = {
    async handle(request: HttpRequest) {
      headers.push(request.headers['X-Amzn-Trace-Id']);
      const statusCode = statuses.shift() ?? 200;
      const body = statusCode === 200 ? '{"MessageId":"m1"}' : '{"message":"Email address is not verified."}';
      return { response: new HttpResponse({ statusCode, headers: { 'x-amzn-requestid': 'REQ1', ...(statusCode !== 200 && { 'x-amzn-errortype': statusCode === 400 ? 'MessageRejected' : 'InternalFailure' }) }, body: Buffer.from(body) }) };
    },
  };
  return { headers, handler };
};

/** The subsegments one traced invocation writes, without ids and times, and the trace headers sent. */
const recorded = async (send: (handler: AwsRequestHandler) => Promise<unknown>, statuses: number[]) => {
  vi.resetModules();
  const { tracing } = await import('../../shared/powertools/tracer.js');
  const { headers, handler } = answering([...statuses]);
  received.length = 0;
  await middy()
    .use(tracing())
    .handler(async () => send(handler).catch(() => 'failed'))({}, context);
  for (let i = 0; i < 100 && received.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
  const call = received.find((d) => d.namespace === 'aws')!;
  expect(headers.every((header) => header === `Root=${ROOT};Parent=${call.id};Sampled=1`)).toBe(true);
  const { id: _id, parent_id: _parent, start_time: _start, end_time: _end, cause, ...rest } = call;
  return { ...rest, exception: cause?.exceptions[0] && { message: cause.exceptions[0].message, type: cause.exceptions[0].type }, sent: headers.length };
};

const input = { FromEmailAddress: 'no-reply@tatawwu.sa', Destination: { ToAddresses: ['sara@example.sa'] }, Content: { Simple: { Subject: { Data: 'S' }, Body: { Text: { Data: 't' } } } } };

it.each([
  ['a sent message', [] as number[]],
  ['a 500 retried', [500]],
  ['a rejected message', [400]],
])('records SES SendEmail (%s) as the traced SES client did', async (_, statuses) => {
  const viaClient = await recorded(async (requestHandler) => {
    const { traced } = await import('../../shared/powertools/tracer.js');
    return traced(new SESv2Client({ region, credentials, requestHandler: requestHandler as NodeHttpHandler })).send(new SendEmailCommand(input));
  }, statuses);
  const ours = await recorded(async (requestHandler) => {
    const { sesSendEmail } = await import('../../shared/messaging/ses-email.js');
    return sesSendEmail({ region, credentials, requestHandler })({ Content: input.Content, FromEmailAddress: input.FromEmailAddress, Destination: input.Destination });
  }, statuses);
  expect(ours).toEqual(viaClient);
  expect(ours).toMatchObject({ name: 'SES', namespace: 'aws', aws: { operation: 'SendEmail', region, request_id: 'REQ1' } });
});

it('records End User Messaging SendTextMessage as the traced SMS client did', async () => {
  const body = { DestinationPhoneNumber: '+966501234567', OriginationIdentity: 'TATAWWU', MessageBody: 'hi', MessageType: 'TRANSACTIONAL' as const };
  const viaClient = await recorded(async (requestHandler) => {
    const { traced } = await import('../../shared/powertools/tracer.js');
    const { PinpointSMSVoiceV2Client, SendTextMessageCommand } = await import('@aws-sdk/client-pinpoint-sms-voice-v2');
    return traced(new PinpointSMSVoiceV2Client({ region, credentials, requestHandler: requestHandler as NodeHttpHandler })).send(new SendTextMessageCommand(body));
  }, []);
  const ours = await recorded(async (requestHandler) => {
    const { smsSendTextMessage } = await import('../../shared/messaging/sms.js');
    return smsSendTextMessage({ region, credentials, requestHandler })(body);
  }, []);
  expect(ours).toEqual(viaClient);
  expect(ours).toMatchObject({ name: 'PinpointSMSVoiceV2', aws: { operation: 'SendTextMessage' } });
});

it('records KMS Sign as the traced KMS client did', async () => {
  const input = { KeyId: 'arn:aws:kms:me-central-1:111122223333:key/k1', Message: new Uint8Array(32), MessageType: 'DIGEST' as const, SigningAlgorithm: 'ECDSA_SHA_256' as const };
  const viaClient = await recorded(async (requestHandler) => {
    const { traced } = await import('../../shared/powertools/tracer.js');
    const { KMSClient, SignCommand } = await import('@aws-sdk/client-kms');
    return traced(new KMSClient({ region, credentials, requestHandler: requestHandler as NodeHttpHandler })).send(new SignCommand(input));
  }, []);
  const ours = await recorded(async (requestHandler) => {
    const { kmsClient } = await import('../../shared/signing/kms-signer.js');
    return kmsClient({ region, credentials, requestHandler }).sign(input);
  }, []);
  expect(ours).toEqual(viaClient);
  expect(ours).toMatchObject({ name: 'KMS', aws: { operation: 'Sign' } });
});

it('records Step Functions SendTaskSuccess as the traced SFN client did', async () => {
  const viaClient = await recorded(async (requestHandler) => {
    const { traced } = await import('../../shared/powertools/tracer.js');
    const { SFNClient, SendTaskSuccessCommand } = await import('@aws-sdk/client-sfn');
    return traced(new SFNClient({ region, credentials, requestHandler: requestHandler as NodeHttpHandler })).send(new SendTaskSuccessCommand({ taskToken: 't', output: '{}' }));
  }, []);
  const ours = await recorded(async (requestHandler) => {
    const { stepFunctions } = await import('../../shared/workflows/client.js');
    return stepFunctions({ region, credentials, requestHandler }).sendTaskSuccess({ taskToken: 't', output: '{}' });
  }, []);
  expect(ours).toEqual(viaClient);
  expect(ours).toMatchObject({ name: 'SFN', aws: { operation: 'SendTaskSuccess' } });
});

it.each([
  ['added to the group', [] as number[]],
  ['a 500 retried', [500]],
])('records Cognito AdminAddUserToGroup (%s) as the traced Cognito client did', async (_, statuses) => {
  const input = { UserPoolId: 'me-central-1_AbCdEfGhI', Username: 'sub-1', GroupName: 'volunteer' };
  const viaClient = await recorded(async (requestHandler) => {
    const { traced } = await import('../../shared/powertools/tracer.js');
    const { CognitoIdentityProviderClient, AdminAddUserToGroupCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    return traced(new CognitoIdentityProviderClient({ region, credentials, requestHandler: requestHandler as NodeHttpHandler })).send(new AdminAddUserToGroupCommand(input));
  }, statuses);
  const ours = await recorded(async (requestHandler) => {
    const { adminAddUserToGroup } = await import('../../shared/identity/user-directory.js');
    return adminAddUserToGroup({ region, credentials, requestHandler })(input);
  }, statuses);
  expect(ours).toEqual(viaClient);
  expect(ours).toMatchObject({ name: 'CognitoIdentityProvider', aws: { operation: 'AdminAddUserToGroup' } });
});

it('records no subsegment for Secrets Manager GetSecretValue, as its untraced client did not', async () => {
  vi.resetModules();
  const { tracing } = await import('../../shared/powertools/tracer.js');
  const { getSecretValue } = await import('../../shared/security/secret-string.js');
  const { handler } = answering([]);
  received.length = 0;
  await middy()
    .use(tracing())
    .handler(async () => getSecretValue({ region, credentials, requestHandler: handler })('arn:secret'))({}, context);
  for (let i = 0; i < 100 && received.length < 1; i++) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 50));
  expect(received.map((doc) => doc.name)).toEqual(['## index.handler']);
});

it("records no subsegment for the matching run's StartExecution, as its untraced SFN client did not", async () => {
  vi.resetModules();
  const { tracing } = await import('../../shared/powertools/tracer.js');
  const { stepFunctions } = await import('../../shared/workflows/step-functions.js');
  const { handler } = answering([]);
  received.length = 0;
  await middy()
    .use(tracing())
    .handler(async () => stepFunctions({ region, credentials, requestHandler: handler }, { traced: false }).startExecution({ stateMachineArn: 'arn:sm', name: 'matching-1', input: '{}' }))({}, context);
  for (let i = 0; i < 100 && received.length < 1; i++) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 50));
  expect(received.map((doc) => doc.name)).toEqual(['## index.handler']);
});
