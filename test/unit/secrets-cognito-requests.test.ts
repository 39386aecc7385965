/**
 * Secrets Manager's GetSecretValue (shared/security/secret-string.ts) and Cognito's
 * AdminAddUserToGroup (shared/identity/user-directory.ts) without their clients (issue 17): the
 * requests the clients sent (every header but user agent, invocation id and signature), signed
 * as they signed them, the same outputs, retries and errors.
 */
import { Readable } from 'node:stream';
import { AdminAddUserToGroupCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { HttpRequest, HttpResponse } from '@smithy/core/protocols';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sigV4, type AwsRequestHandler } from '../../shared/aws/signed-sender.js';
import { adminAddUserToGroup } from '../../shared/identity/user-directory.js';
import { getSecretValue, GetParameterError, secretString } from '../../shared/security/secret-string.js';
import { comparable as sameRequest } from '../helpers/aws-requests.js';

const region = 'me-central-1';
const credentials = { accessKeyId: 'ASIAEXAMPLEKEYID', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', sessionToken: 'IQoJb3JpZ2luX2VjE+/token==' };
const secretArn = 'arn:aws:secretsmanager:me-central-1:111122223333:secret:tatawwu/national-id-pepper-AbCdEf';
const grant = { UserPoolId: 'me-central-1_AbCdEfGhI', Username: '3b0c6a2e-8f4e-4f7e-9d1a-0c2b5e6f7a8b', GroupName: 'volunteer' };
const secret = JSON.stringify({ ARN: secretArn, Name: 'tatawwu/national-id-pepper', SecretString: 'pepper-of-at-least-16', VersionId: 'v1', VersionStages: ['AWSCURRENT'], CreatedDate: 1.7e9 });

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers?: Record<string, string>;
}

/** Answers `answers` in turn (the last one repeats) and keeps every request as sent. */
const answering = (answers: Answer[]) => {
  const requests: HttpRequest[] = [];
  const handler: AwsRequestHandler = {
    async handle(request) {
      requests.push(HttpRequest.clone(request));
      const answer = answers[Math.min(requests.length, answers.length) - 1]!;
      const headers = { 'x-amzn-requestid': `REQ${requests.length}`, 'content-type': 'application/x-amz-json-1.1', ...answer.headers };
      return { response: new HttpResponse({ statusCode: answer.status, headers, body: Readable.from([Buffer.from(answer.body)]) }) };
    },
  };
  return { requests, handler };
};

const calls = {
  GetSecretValue: {
    signingName: 'secretsmanager',
    viaClient: (handler: AwsRequestHandler) =>
      new SecretsManagerClient({ region, credentials, requestHandler: handler as NodeHttpHandler }).send(new GetSecretValueCommand({ SecretId: secretArn })).then((output) => output.SecretString),
    viaOurs: (handler: AwsRequestHandler) => getSecretValue({ region, credentials, requestHandler: handler })(secretArn).then((output) => output.SecretString),
    ok: secret,
  },
  AdminAddUserToGroup: {
    signingName: 'cognito-idp',
    viaClient: (handler: AwsRequestHandler) =>
      new CognitoIdentityProviderClient({ region, credentials, requestHandler: handler as NodeHttpHandler }).send(new AdminAddUserToGroupCommand(grant)).then(() => 'granted'),
    viaOurs: (handler: AwsRequestHandler) => adminAddUserToGroup({ region, credentials, requestHandler: handler })(grant).then(() => 'granted'),
    ok: '{}',
  },
};
type Operation = keyof typeof calls;

/** The requests one call sends with these answers, and its output or error as the callers see it. */
const run = async (call: (handler: AwsRequestHandler) => Promise<unknown>, answers: Answer[]) => {
  const { requests, handler } = answering(answers);
  const outcome = await call(handler).then(
    (output) => ({ output }),
    (error: Error & { $fault?: string; $metadata?: Record<string, unknown> }) => ({
      error: { name: error.name, message: error.message, fault: error.$fault, status: error.$metadata?.httpStatusCode, requestId: error.$metadata?.requestId, attempts: error.$metadata?.attempts },
    }),
  );
  return { requests, outcome };
};

const comparable = (request: HttpRequest) => ({
  ...sameRequest(request),
  signedHeaders: /SignedHeaders=([^,]+)/.exec(request.headers.authorization ?? '')?.[1]?.replace(';x-amz-user-agent', ''),
});

describe('GetSecretValue and AdminAddUserToGroup without their clients', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-03T06:15:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(Object.keys(calls) as Operation[])('sends the request and reads the output of the client for %s', async (operation) => {
    const { viaClient, viaOurs, ok } = calls[operation];
    const sdk = await run(viaClient, [{ status: 200, body: ok }]);
    const ours = await run(viaOurs, [{ status: 200, body: ok }]);
    expect(ours.requests.map(comparable)).toEqual(sdk.requests.map(comparable));
    expect(ours.outcome).toEqual(sdk.outcome);
  });

  it.each(Object.keys(calls) as Operation[])("signs the client's %s request as the client did", async (operation) => {
    const { viaClient, signingName, ok } = calls[operation];
    const [sdk] = (await run(viaClient, [{ status: 200, body: ok }])).requests;
    const unsigned = HttpRequest.clone(sdk!);
    for (const header of ['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256']) delete unsigned.headers[header];
    const at = sdk!.headers['x-amz-date']!.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z');
    const resigned = await sigV4(region, signingName, async () => credentials).sign(unsigned, { signingDate: new Date(at), signingRegion: region, signingService: signingName });
    expect(resigned.headers).toEqual(sdk!.headers);
  });

  it.each<[string, Operation, Answer[]]>([
    ['a missing secret', 'GetSecretValue', [{ status: 400, body: JSON.stringify({ __type: 'ResourceNotFoundException', Message: "Secrets Manager can't find the specified secret." }) }]],
    ['a denied read (namespaced type)', 'GetSecretValue', [{ status: 400, body: JSON.stringify({ __type: 'com.amazonaws.secretsmanager#AccessDeniedException', message: 'not authorized' }) }]],
    ['an unknown user (error type header)', 'AdminAddUserToGroup', [{ status: 400, body: '{"message":"User does not exist."}', headers: { 'x-amzn-errortype': 'UserNotFoundException:http://internal.amazon.com/coral/' } }]],
    ['throttling, retried until it gives up', 'AdminAddUserToGroup', [{ status: 400, body: JSON.stringify({ __type: 'TooManyRequestsException', message: 'Too many requests' }) }]],
    ['a 500, three times', 'GetSecretValue', [{ status: 500, body: JSON.stringify({ __type: 'InternalServiceError', message: 'oops' }) }]],
    ['a 503 then the answer', 'AdminAddUserToGroup', [{ status: 503, body: '{}' }, { status: 200, body: '{}' }]],
  ])('answers %s as the client does, after as many attempts', async (_, operation, answers) => {
    vi.useRealTimers();
    const { viaClient, viaOurs } = calls[operation];
    const sdk = await run(viaClient, answers);
    const ours = await run(viaOurs, answers);
    expect(ours.outcome).toEqual(sdk.outcome);
    expect(ours.requests.map((request) => request.headers['amz-sdk-request'])).toEqual(sdk.requests.map((request) => request.headers['amz-sdk-request']));
  });

  it('gives secretString the secret string, and a failure as a GetParameterError with the error as its cause', async () => {
    const read = (answers: Answer[]) => getSecretValue({ region, credentials, requestHandler: answering(answers).handler });
    await expect(secretString('arn:ok', 60, read([{ status: 200, body: secret }]))).resolves.toBe('pepper-of-at-least-16');
    await expect(secretString('arn:binary', 60, read([{ status: 200, body: '{"SecretBinary":"AQI="}' }]))).resolves.toBeUndefined();
    const denied = secretString('arn:denied', 60, read([{ status: 400, body: '{"__type":"AccessDeniedException","message":"not authorized"}' }]));
    await expect(denied).rejects.toThrow(GetParameterError);
    await expect(denied).rejects.toMatchObject({ message: 'not authorized', cause: { name: 'AccessDeniedException' } });
  });
});
