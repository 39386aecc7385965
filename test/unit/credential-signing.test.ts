import { generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { DerSignatureError, derToJose } from '../../shared/domain/credentials/jose.js';
import { kmsSigner, type KmsLike } from '../../shared/signing/kms-signer.js';
import { localSigner, rotateLocalSigningKey } from '../../shared/signing/local-signer.js';

/**
 * Raw ECDSA P-256 over a given digest (KMS `MessageType: DIGEST` does not hash again; node:crypto
 * always hashes), in BigInt arithmetic; the result is DER-encoded like KMS's answer.
 */
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const A = P - 3n;
const G = [0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n, 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n] as const;
const mod = (a: bigint, m: bigint) => ((a % m) + m) % m;
const inv = (a: bigint, m: bigint): bigint => {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return mod(s0, m);
};
type Point = readonly [bigint, bigint] | null;
const add = (p: Point, q: Point): Point => {
  if (!p) return q;
  if (!q) return p;
  if (p[0] === q[0] && mod(p[1] + q[1], P) === 0n) return null;
  const l = p[0] === q[0] ? mod((3n * p[0] * p[0] + A) * inv(2n * p[1], P), P) : mod((q[1] - p[1]) * inv(q[0] - p[0], P), P);
  const x = mod(l * l - p[0] - q[0], P);
  return [x, mod(l * (p[0] - x) - p[1], P)];
};
const multiply = (k: bigint, point: Point): Point => {
  let result: Point = null;
  for (let addend = point; k > 0n; k >>= 1n, addend = add(addend, addend)) if (k & 1n) result = add(result, addend);
  return result;
};
const bigintOf = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
const derInteger = (value: bigint) => {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`;
  const bytes = Buffer.from(hex, 'hex');
  return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
};
const signDigestDer = (digest: Uint8Array, d: bigint): Uint8Array => {
  const z = bigintOf(digest);
  for (;;) {
    const k = mod(bigintOf(randomBytes(32)), N);
    const r = k === 0n ? 0n : mod(multiply(k, G)![0], N);
    const s = mod(inv(k, N) * (z + r * d), N);
    if (r === 0n || s === 0n) continue;
    const body = Buffer.concat([derInteger(r), derInteger(s)]);
    return new Uint8Array(Buffer.concat([Buffer.from([0x30, body.length]), body]));
  }
};

/** KMS has no local stand-in: this fake signs digests with the key above and answers DER, as KMS does. */
const fakeKms = (privateKey: KeyObject, publicKey: KeyObject) => {
  const calls: string[] = [];
  const d = bigintOf(Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url'));
  const client: KmsLike = {
    async sign(input) {
      calls.push('Sign');
      return { Signature: signDigestDer(input.Message, d) };
    },
    async getPublicKey() {
      calls.push('GetPublicKey');
      return { PublicKey: new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })) };
    },
  };
  return { client, calls };
};

const tamper = (jws: string): string => {
  const [header, payload, signature] = jws.split('.');
  const bytes = Buffer.from(payload!, 'base64url');
  bytes[5] = bytes[5]! ^ 0x01;
  return [header, bytes.toString('base64url'), signature].join('.');
};

describe('derToJose', () => {
  it('turns DER signatures made by node:crypto into r‖s that verify as IEEE P1363', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const data = Buffer.from('tatawwu');
    // 300 signatures include some whose r or s is shorter than 32 bytes or has its high bit set.
    const results = Array.from({ length: 300 }, () => {
      const der = sign('sha256', data, { key: privateKey, dsaEncoding: 'der' });
      return verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, derToJose(der));
    });
    expect(results.every(Boolean)).toBe(true);
  });

  it('refuses bytes that are not a DER ECDSA signature', () => {
    expect(() => derToJose(new Uint8Array([0x02, 0x01, 0x00]))).toThrow(DerSignatureError);
  });
});

describe('kmsSigner', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keyArn = 'arn:aws:kms:me-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

  it('signs a JWS that verifies with the JWKS built from KMS GetPublicKey', async () => {
    const { client } = fakeKms(privateKey, publicKey);
    const signer = kmsSigner({ keyArn, client });
    const jws = await signer.sign({ hello: 'world' }, { typ: 'vc+jwt' });

    const { payload } = await compactVerify(jws, createLocalJWKSet({ keys: [...(await signer.publicKeys())] }));
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ hello: 'world' });
  });

  it('makes exactly one KMS call (Sign) per credential', async () => {
    const { client, calls } = fakeKms(privateKey, publicKey);
    const signer = kmsSigner({ keyArn, client });

    for (let i = 0; i < 5; i++) await signer.sign({ i });

    expect(calls).toEqual(Array(5).fill('Sign'));
  });

  it('names the KMS key id as the kid and keeps ES256', async () => {
    const { client } = fakeKms(privateKey, publicKey);
    const header = decodeProtectedHeader(await kmsSigner({ keyArn, client }).sign({}));
    expect([header.alg, header.kid]).toEqual(['ES256', '1234abcd-12ab-34cd-56ef-1234567890ab']);
  });
});

describe('localSigner', () => {
  it('verifies with its published keys and fails after one byte of the payload is changed', async () => {
    const signer = await localSigner(mkdtempSync(join(tmpdir(), 'signer-')));
    const jwks = createLocalJWKSet({ keys: [...(await signer.publicKeys())] });
    const jws = await signer.sign({ minutes: 840 });

    await expect(compactVerify(jws, jwks)).resolves.toBeDefined();
    await expect(compactVerify(tamper(jws), jwks)).rejects.toThrow(/signature verification failed/);
  });

  it('keeps the key it generated on first start across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signer-'));
    const first = await localSigner(dir);
    const second = await localSigner(dir);
    expect(second.kid).toBe(first.kid);
  });

  it('keeps verifying credentials of a rotated-out key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signer-'));
    const old = await (await localSigner(dir)).sign({ n: 1 });

    await rotateLocalSigningKey(dir);
    const rotated = await localSigner(dir);
    const keys = await rotated.publicKeys();

    await expect(compactVerify(old, createLocalJWKSet({ keys: [...keys] }))).resolves.toBeDefined();
    expect([keys.length, rotated.kid === decodeProtectedHeader(old).kid]).toEqual([2, false]);
  });
});

