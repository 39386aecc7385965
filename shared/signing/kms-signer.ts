/**
 * The cloud signer: an asymmetric KMS key (ECC_NIST_P256, SIGN_VERIFY) of the region's data
 * stack. One `Sign` call per credential (the digest is computed here, `MessageType: DIGEST`);
 * KMS returns a DER signature, converted to JOSE r‖s. The kid is the KMS key id, so signing
 * needs no other call; `GetPublicKey` runs only for the JWKS (cached per container), for the
 * current key and every key rotated out (`SIGNING_PREVIOUS_KEY_ARNS`).
 */
import { createHash, createPublicKey } from 'node:crypto';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import type { PublicJwk, Signer } from '../domain/credentials/ports.js';
import { derToJose } from '../domain/credentials/jose.js';
import { es256Signer } from './es256.js';
import { traced } from '../powertools/tracer.js';

/** What the signer needs of a KMS client (the SDK client, or a stand-in in tests and benchmarks). */
export interface KmsLike {
  send(command: SignCommand | GetPublicKeyCommand): Promise<{ Signature?: Uint8Array; PublicKey?: Uint8Array }>;
}

/** The key id part of a KMS key ARN (`arn:aws:kms:<region>:<account>:key/<id>`), or the id itself. */
export const kmsKid = (keyArn: string): string => keyArn.split('/').pop()!;

export const kmsSigner = (options: { keyArn: string; previousKeyArns?: readonly string[]; client?: KmsLike }): Signer => {
  const client: KmsLike = options.client ?? (traced(new KMSClient({})) as unknown as KmsLike);
  let jwks: Promise<PublicJwk[]> | undefined;
  const publicKey = async (keyArn: string): Promise<PublicJwk> => {
    const { PublicKey } = await client.send(new GetPublicKeyCommand({ KeyId: keyArn }));
    if (!PublicKey) throw new Error(`KMS returned no public key for ${keyArn}`);
    const jwk = createPublicKey({ key: Buffer.from(PublicKey), format: 'der', type: 'spki' }).export({ format: 'jwk' });
    return { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y!, kid: kmsKid(keyArn), alg: 'ES256', use: 'sig' };
  };
  return es256Signer(
    {
      kid: kmsKid(options.keyArn),
      async signRaw(input) {
        const digest = createHash('sha256').update(input).digest();
        const { Signature } = await client.send(
          new SignCommand({ KeyId: options.keyArn, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }),
        );
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
