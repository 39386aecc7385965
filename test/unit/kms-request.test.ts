import { generateKeyPairSync } from 'node:crypto';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { AwsRequestHandler } from '../../shared/aws/signed-sender.js';
import { kmsClient } from '../../shared/signing/kms-signer.js';
import { answering as answering_, comparable, type Answer } from '../helpers/aws-requests.js';

/** KMS Sign and GetPublicKey without the KMS client (issue 17): the requests the client sent, its outputs and errors. */
const region = 'me-central-1';
const credentials = { accessKeyId: 'ASIAEXAMPLEKEYID', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', sessionToken: 'IQoJb3JpZ2luX2VjE+/token==' };
const keyArn = 'arn:aws:kms:me-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const digest = new Uint8Array(Buffer.from('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'hex'));
const der = Buffer.from('3045022100e3b7c9a1f0d2c4b6a8e0f2d4c6b8a0e2f4d6c8b0a2e4f6d8c0b2a4e6f8d0c2b402206a1c3e5f7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a', 'hex');
const spki = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'der', type: 'spki' });

/** Answers `answers` in turn (then KMS's answer to the operation) and keeps every request. */
const answering = (answers: Answer[]) =>
  answering_(answers, (request) => ({
    status: 200,
    body: JSON.stringify(
      request.headers['x-amz-target'] === 'TrentService.Sign'
        ? { KeyId: keyArn, Signature: der.toString('base64'), SigningAlgorithm: 'ECDSA_SHA_256' }
        : { KeyId: keyArn, PublicKey: spki.toString('base64'), KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' },
    ),
  }));


const client = (handler: AwsRequestHandler) => new KMSClient({ region, credentials, requestHandler: handler as NodeHttpHandler });
const calls = {
  Sign: {
    viaClient: (handler: AwsRequestHandler) =>
      client(handler).send(new SignCommand({ KeyId: keyArn, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' })).then((r) => Buffer.from(r.Signature!).toString('hex')),
    viaOurs: (handler: AwsRequestHandler) =>
      kmsClient({ region, credentials, requestHandler: handler }).sign({ KeyId: keyArn, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }).then((r) => Buffer.from(r.Signature!).toString('hex')),
  },
  GetPublicKey: {
    viaClient: (handler: AwsRequestHandler) => client(handler).send(new GetPublicKeyCommand({ KeyId: keyArn })).then((r) => Buffer.from(r.PublicKey!).toString('hex')),
    viaOurs: (handler: AwsRequestHandler) => kmsClient({ region, credentials, requestHandler: handler }).getPublicKey({ KeyId: keyArn }).then((r) => Buffer.from(r.PublicKey!).toString('hex')),
  },
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-03T02:45:07Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

it.each(['Sign', 'GetPublicKey'] as const)('sends %s as the KMS client does and reads the same output', async (operation) => {
  const theirs = answering([]);
  const ours = answering([]);
  const output = await calls[operation].viaOurs(ours.handler);
  expect(output).toBe(await calls[operation].viaClient(theirs.handler));
  expect(output).toBe((operation === 'Sign' ? der : spki).toString('hex'));
  expect(ours.requests.map(comparable)).toEqual(theirs.requests.map(comparable));
  expect(ours.requests[0]!.headers).toMatchObject({ 'x-amz-target': `TrentService.${operation}`, host: `kms.${region}.amazonaws.com` });
});

it.each([
  ['a disabled key (400, not retried)', [{ status: 400, headers: { 'x-amzn-errortype': 'DisabledException:http://internal.amazon.com/coral/com.amazon.kms/' }, body: '{"message":"arn is disabled."}' }]],
  ['an error named in the body only', [{ status: 400, body: '{"__type":"NotFoundException","message":"Key not found"}' }]],
  ['throttling (retried)', [{ status: 400, body: '{"__type":"ThrottlingException","message":"Rate exceeded"}' }]],
  ['three internal errors (given up)', [1, 2, 3].map(() => ({ status: 500, body: '{"__type":"KMSInternalException","message":"internal"}' }))],
])('answers %s as the KMS client does', async (_, script) => {
  const outcome = async (send: (handler: AwsRequestHandler) => Promise<unknown>) => {
    const { requests, handler } = answering(structuredClone(script));
    const result = await send(handler).then(
      (value) => ({ value }),
      (error: { name: string; message: string; $fault: string; $metadata: { httpStatusCode: number; requestId: string; attempts: number } }) => ({
        name: error.name, message: error.message, fault: error.$fault, status: error.$metadata.httpStatusCode, requestId: error.$metadata.requestId, attempts: error.$metadata.attempts,
      }),
    );
    return { result, sent: requests.length };
  };
  expect(await outcome(calls.Sign.viaOurs)).toEqual(await outcome(calls.Sign.viaClient));
});
