/**
 * The local signer: ES256 keys generated on first start and kept with the local data
 * (`<DATA_DIR>/credential-signing-keys.json`, or the test platform's temp directory), so that
 * certificates issued before a restart still verify. Rotation appends a key; the old ones
 * stay in the JWKS.
 */
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { PublicJwk, Signer } from '../domain/credentials/ports.js';
import { es256Signer } from './es256.js';

interface StoredKey {
  readonly kid: string;
  readonly jwk: JWK;
  readonly createdAt: string;
}

const FILE = 'credential-signing-keys.json';

const read = (dir: string): StoredKey[] => {
  const file = join(dir, FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { keys: StoredKey[] }).keys : [];
};

const newKey = async (): Promise<StoredKey> => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint({ kty: jwk.kty!, crv: jwk.crv!, x: jwk.x!, y: jwk.y! });
  return { kid, jwk, createdAt: new Date().toISOString() };
};

const write = (dir: string, keys: readonly StoredKey[]) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, FILE), JSON.stringify({ keys }, null, 2), { mode: 0o600 });
};

/** Creates the first key if there is none yet; returns the kid of the current key. */
export const ensureLocalSigningKey = async (dir: string): Promise<string> => {
  const keys = read(dir);
  if (keys.length > 0) return keys[keys.length - 1]!.kid;
  const key = await newKey();
  write(dir, [key]);
  return key.kid;
};

/** Adds a new current key; the previous ones keep verifying. Returns the new kid. */
export const rotateLocalSigningKey = async (dir: string): Promise<string> => {
  const key = await newKey();
  write(dir, [...read(dir), key]);
  return key.kid;
};

const toPublic = ({ kid, jwk }: StoredKey): PublicJwk => ({ kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y!, kid, alg: 'ES256', use: 'sig' });

/** A signer over the current key of `dir` (created if missing). */
export const localSigner = async (dir: string): Promise<Signer> => {
  await ensureLocalSigningKey(dir);
  const keys = read(dir);
  const current = keys[keys.length - 1]!;
  const privateKey: KeyObject = createPrivateKey({ key: current.jwk as import('node:crypto').JsonWebKey, format: 'jwk' });
  return es256Signer(
    { kid: current.kid, signRaw: async (input) => sign('sha256', input, { key: privateKey, dsaEncoding: 'ieee-p1363' }) },
    async () => read(dir).map(toPublic),
  );
};
