/**
 * The pieces of JWS (RFC 7515) the signers share, pure: the signing input, the compact
 * serialisation, and the conversion of an ECDSA signature from DER (what KMS and OpenSSL
 * return) to the JOSE form (r‖s, 32 bytes each for P-256, RFC 7518 §3.4).
 */

export const base64url = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64url');

/** `BASE64URL(header) . BASE64URL(payload)`, the bytes that are signed. */
export const signingInput = (header: Readonly<Record<string, unknown>>, payload: Readonly<Record<string, unknown>>): string =>
  `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;

export const compactJws = (input: string, signature: Uint8Array): string => `${input}.${base64url(signature)}`;

export class DerSignatureError extends Error {
  override readonly name = 'DerSignatureError';
}

/** Reads one DER length at `offset`; returns [length, offset after it]. */
const readLength = (der: Uint8Array, offset: number): [number, number] => {
  const first = der[offset];
  if (first === undefined) throw new DerSignatureError('truncated DER signature');
  if (first < 0x80) return [first, offset + 1];
  const bytes = first & 0x7f;
  if (bytes === 0 || bytes > 2) throw new DerSignatureError(`unsupported DER length of ${bytes} bytes`);
  let length = 0;
  for (let i = 1; i <= bytes; i++) length = (length << 8) | (der[offset + i] ?? 0);
  return [length, offset + 1 + bytes];
};

const readInteger = (der: Uint8Array, offset: number, size: number): [Uint8Array, number] => {
  if (der[offset] !== 0x02) throw new DerSignatureError(`expected an INTEGER at byte ${offset}, got 0x${(der[offset] ?? 0).toString(16)}`);
  const [length, start] = readLength(der, offset + 1);
  let value = der.subarray(start, start + length);
  if (value.length !== length) throw new DerSignatureError('truncated DER integer');
  // DER integers are signed: a leading 0x00 keeps a high bit from reading as negative.
  while (value.length > size && value[0] === 0) value = value.subarray(1);
  if (value.length > size) throw new DerSignatureError(`integer of ${value.length} bytes does not fit ${size}`);
  const fixed = new Uint8Array(size);
  fixed.set(value, size - value.length);
  return [fixed, start + length];
};

/** DER `SEQUENCE { INTEGER r, INTEGER s }` → r‖s, each left-padded to `size` bytes (32 for ES256). */
export const derToJose = (der: Uint8Array, size = 32): Uint8Array => {
  if (der[0] !== 0x30) throw new DerSignatureError('a DER ECDSA signature starts with a SEQUENCE');
  const [length, start] = readLength(der, 1);
  if (start + length !== der.length) throw new DerSignatureError('DER sequence length does not match the signature');
  const [r, next] = readInteger(der, start, size);
  const [s, end] = readInteger(der, next, size);
  if (end !== der.length) throw new DerSignatureError('trailing bytes after the DER signature');
  const out = new Uint8Array(size * 2);
  out.set(r, 0);
  out.set(s, size);
  return out;
};
