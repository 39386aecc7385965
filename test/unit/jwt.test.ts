/**
 * The JWT rules shared by the local gateway's authorizer and the optional-auth routes
 * (issue 10 §5: tokens without `exp`, with `iat` in the future, with `token_use: refresh`
 * or without `aud`/`client_id` were accepted).
 */
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLocalIssuer } from '../../infra/local/issuer.js';
import { CLOCK_SKEW_SECONDS, verifyJwt, type JwtSettings } from '../../shared/middleware/jwt.js';

const settings: JwtSettings = { issuer: 'https://issuer.test', audience: 'app-client', jwksUrl: 'https://issuer.test/jwks' };
let keys: JWTVerifyGetKey;
let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

const now = () => Math.floor(Date.now() / 1000);

/** A correctly signed token with exactly the given claims (nothing added). */
const sign = (claims: JWTPayload) =>
  new SignJWT({ iss: settings.issuer, sub: 'user-1', ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(privateKey);

const idToken = (overrides: JWTPayload = {}) => ({ token_use: 'id', aud: settings.audience, iat: now(), exp: now() + 3600, ...overrides });
const accessToken = (overrides: JWTPayload = {}) => ({ token_use: 'access', client_id: settings.audience, iat: now(), exp: now() + 3600, ...overrides });

const without = (claims: JWTPayload, name: string): JWTPayload => Object.fromEntries(Object.entries(claims).filter(([key]) => key !== name));

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
});

describe('verifyJwt', () => {
  it('accepts an ID token for the app client', async () => {
    await expect(verifyJwt(await sign(idToken()), settings, keys)).resolves.toMatchObject({ sub: 'user-1' });
  });

  it('accepts an access token for the app client', async () => {
    await expect(verifyJwt(await sign(accessToken()), settings, keys)).resolves.toMatchObject({ sub: 'user-1' });
  });

  it(`accepts an iat up to ${CLOCK_SKEW_SECONDS} s ahead (clock skew)`, async () => {
    await expect(verifyJwt(await sign(idToken({ iat: now() + CLOCK_SKEW_SECONDS - 10 })), settings, keys)).resolves.toBeDefined();
  });

  it('refuses a token without exp', async () => {
    await expect(verifyJwt(await sign(without(idToken(), 'exp')), settings, keys)).rejects.toThrow(/exp/);
  });

  it('refuses a token without iat', async () => {
    await expect(verifyJwt(await sign(without(idToken(), 'iat')), settings, keys)).rejects.toThrow(/iat/);
  });

  it('refuses a token issued in the future beyond the clock skew', async () => {
    await expect(verifyJwt(await sign(idToken({ iat: now() + CLOCK_SKEW_SECONDS + 60 })), settings, keys)).rejects.toThrow(/future/);
  });

  it('refuses an expired token', async () => {
    await expect(verifyJwt(await sign(idToken({ exp: now() - 60 })), settings, keys)).rejects.toThrow(/exp/);
  });

  it('refuses a refresh token', async () => {
    await expect(verifyJwt(await sign(idToken({ token_use: 'refresh' })), settings, keys)).rejects.toThrow(/token_use refresh/);
  });

  it('refuses a token without token_use', async () => {
    await expect(verifyJwt(await sign(without(idToken(), 'token_use')), settings, keys)).rejects.toThrow(/token_use/);
  });

  it('refuses an ID token without aud', async () => {
    await expect(verifyJwt(await sign(without(idToken(), 'aud')), settings, keys)).rejects.toThrow(/app client/);
  });

  it('refuses an access token without client_id', async () => {
    await expect(verifyJwt(await sign(without(accessToken(), 'client_id')), settings, keys)).rejects.toThrow(/app client/);
  });

  it('refuses an ID token whose client id is only in client_id', async () => {
    await expect(verifyJwt(await sign(without(idToken({ client_id: settings.audience }), 'aud')), settings, keys)).rejects.toThrow(/app client/);
  });

  it('refuses a token for another app client', async () => {
    await expect(verifyJwt(await sign(idToken({ aud: 'other-client' })), settings, keys)).rejects.toThrow(/app client/);
  });

  it('refuses a token from another issuer', async () => {
    await expect(verifyJwt(await sign(idToken({ iss: 'https://elsewhere.test' })), settings, keys)).rejects.toThrow(/iss/);
  });
});

describe('verifyJwt on a token it verified before (issue 17)', () => {
  afterEach(() => vi.useRealTimers());
  const counting = () => {
    const calls = { count: 0 };
    const counted: JWTVerifyGetKey = (header, token) => {
      calls.count += 1;
      return keys(header, token);
    };
    return { calls, counted };
  };

  it('does not verify the signature again', async () => {
    const { calls, counted } = counting();
    const token = await sign(idToken());
    await verifyJwt(token, settings, counted);
    await expect(verifyJwt(token, settings, counted)).resolves.toMatchObject({ sub: 'user-1' });
    expect(calls.count).toBe(1);
  });

  it('still refuses it once it has expired', async () => {
    const { counted } = counting();
    const token = await sign(idToken({ exp: now() + 2 }));
    await verifyJwt(token, settings, counted);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000);
    await expect(verifyJwt(token, settings, counted)).rejects.toThrow(/exp/);
  });

  it('still refuses it for another app client or issuer', async () => {
    const { counted } = counting();
    const token = await sign(idToken());
    await verifyJwt(token, settings, counted);
    await expect(verifyJwt(token, { ...settings, audience: 'other-client' }, counted)).rejects.toThrow(/app client/);
    await expect(verifyJwt(token, { ...settings, issuer: 'https://elsewhere.test' }, counted)).rejects.toThrow(/iss/);
  });
});

describe('the local issuer', () => {
  it('mints ID tokens that pass the rules', async () => {
    const issuer = await createLocalIssuer({ issuer: settings.issuer, audience: settings.audience });
    const token = await issuer.mint({ sub: 'user-2', groups: ['volunteer'] });
    await expect(verifyJwt(token, settings, issuer.keys)).resolves.toMatchObject({ sub: 'user-2', token_use: 'id', aud: settings.audience });
  });
});
