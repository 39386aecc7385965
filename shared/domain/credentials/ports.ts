/**
 * The `Signer` port: signs credentials (certificates here; Open Badges 3.0 in the recognition
 * area) as compact JWS with ES256. Two implementations share one issuing code
 * (shared/signing/es256.ts): a local key kept with the local data, and an asymmetric KMS key
 * (ECC_NIST_P256, SIGN_VERIFY) per region in the cloud.
 */

/** A public JSON Web Key as published in `/.well-known/jwks.json`. */
export interface PublicJwk {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
  readonly kid: string;
  readonly alg: 'ES256';
  readonly use: 'sig';
}

export interface Signer {
  /** The id of the key that signs now (the JWS header's `kid`). */
  readonly kid: string;
  /**
   * Signs `payload` (a JSON object) with the current key. `header` is merged into the
   * protected header; `alg` (ES256) and `kid` are always the signer's own.
   * @returns the compact JWS `header.payload.signature`
   */
  sign(payload: Readonly<Record<string, unknown>>, header?: Readonly<Record<string, unknown>>): Promise<string>;
  /** Every public key that may have signed a live credential: the current one and those rotated out. */
  publicKeys(): Promise<readonly PublicJwk[]>;
}
