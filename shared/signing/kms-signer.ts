/**
 * The cloud signer: an asymmetric KMS key (ECC_NIST_P256, SIGN_VERIFY) of the region's data
 * stack. One `Sign` call per credential (the digest is computed here, `MessageType: DIGEST`);
 * KMS returns a DER signature, converted to JOSE r‖s. The kid is the KMS key id, so signing
 * needs no other call; `GetPublicKey` runs only for the JWKS (cached per container), for the
 * current key and every key rotated out (`SIGNING_PREVIOUS_KEY_ARNS`).
 *
 * Sign and GetPublicKey are sent without the KMS client (issue 17: the client keeps every KMS
 * operation's schema, ~27-50 KB and ~1.5-3 ms of the cold starts that sign): the requests
 * `new KMSClient({}).send(new SignCommand(…))` sends (awsJson1_1, `X-Amz-Target:
 * TrentService.<Operation>`, blobs in base64), through shared/aws/json-service.ts;
 * test/unit/kms-request.test.ts compares them and their errors with the client's.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { PublicJwk, Signer } from '../domain/credentials/ports.js';
import { derToJose } from '../domain/credentials/jose.js';
import { env } from '../env.js';
import { jsonService } from '../aws/json-service.js';
import type { AwsAccess } from '../aws/signed-sender.js';
import { es256Signer } from './es256.js';

/** The two KMS operations the signer calls (kmsClient, or a stand-in in tests and benchmarks). */
export interface KmsLike {
  sign(input: { KeyId: string; Message: Uint8Array; MessageType: 'DIGEST'; SigningAlgorithm: 'ECDSA_SHA_256' }): Promise<{ Signature?: Uint8Array }>;
  getPublicKey(input: { KeyId: string }): Promise<{ PublicKey?: Uint8Array }>;
}

const blob = (value: unknown): Uint8Array | undefined => (typeof value === 'string' ? new Uint8Array(Buffer.from(value, 'base64')) : undefined);

/** KMS Sign and GetPublicKey as the KMS client sends them (the input's members in the model's order). */
export const kmsClient = (access: AwsAccess): KmsLike => {
  const call = jsonService({ traceName: 'KMS', signingName: 'kms', endpointPrefix: 'kms' }, access);
  const kms = (operation: string, body: Record<string, unknown>) => call({ operation, target: `TrentService.${operation}`, contentType: 'application/x-amz-json-1.1', body });
  return {
    async sign({ KeyId, Message, MessageType, SigningAlgorithm }) {
      return { Signature: blob((await kms('Sign', { KeyId, Message: Buffer.from(Message).toString('base64'), SigningAlgorithm, MessageType })).Signature) };
    },
    async getPublicKey({ KeyId }) {
      return { PublicKey: blob((await kms('GetPublicKey', { KeyId })).PublicKey) };
    },
  };
};

/** The key id part of a KMS key ARN (`arn:aws:kms:<region>:<account>:key/<id>`), or the id itself. */
export const kmsKid = (keyArn: string): string => keyArn.split('/').pop()!;

export const kmsSigner = (options: { keyArn: string; previousKeyArns?: readonly string[]; client?: KmsLike }): Signer => {
  const client: KmsLike = options.client ?? kmsClient({ region: env.region, credentials: defaultProvider() });
  let jwks: Promise<PublicJwk[]> | undefined;
  const publicKey = async (keyArn: string): Promise<PublicJwk> => {
    const { PublicKey } = await client.getPublicKey({ KeyId: keyArn });
    if (!PublicKey) throw new Error(`KMS returned no public key for ${keyArn}`);
    const jwk = createPublicKey({ key: Buffer.from(PublicKey), format: 'der', type: 'spki' }).export({ format: 'jwk' });
    return { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y!, kid: kmsKid(keyArn), alg: 'ES256', use: 'sig' };
  };
  return es256Signer(
    {
      kid: kmsKid(options.keyArn),
      async signRaw(input) {
        const digest = createHash('sha256').update(input).digest();
        const { Signature } = await client.sign({ KeyId: options.keyArn, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' });
        if (!Signature) throw new Error(`KMS returned no signature for ${options.keyArn}`);
        return derToJose(Signature);
      },
    },
    () => {
      jwks ??= Promise.all([options.keyArn, ...(options.previousKeyArns ?? [])].map(publicKey)).catch((error: unknown) => {
        jwks = undefined;
        throw error;
      });
      return jwks;
    },
  );
};
