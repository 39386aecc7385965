/**
 * The one issuing code of both signers: builds the protected header (alg ES256, the key's
 * kid, the caller's typ/cty), the signing input, and the compact JWS. A signer only supplies
 * the raw signature over the signing input (r‖s) and its public keys.
 */
import type { PublicJwk, Signer } from '../domain/credentials/ports.js';
import { compactJws, signingInput } from '../domain/credentials/jose.js';

export interface Es256Key {
  readonly kid: string;
  /** The JOSE signature (r‖s, 64 bytes) of `input` with ECDSA P-256 / SHA-256. */
  signRaw(input: Uint8Array): Promise<Uint8Array>;
}

export const es256Signer = (key: Es256Key, publicKeys: () => Promise<readonly PublicJwk[]>): Signer => ({
  kid: key.kid,
  async sign(payload, header = {}) {
    const input = signingInput({ ...header, alg: 'ES256', kid: key.kid }, payload);
    return compactJws(input, await key.signRaw(Buffer.from(input, 'ascii')));
  },
  publicKeys,
});
