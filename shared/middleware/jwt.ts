/**
 * The JWT rules of the cloud authorizer, in one place: RS256 signature from the issuer's
 * JWKS, `iss`, `exp`/`nbf`, and Cognito's token checks. The local gateway enforces them on
 * protected routes; handlers of routes with optional identity (public reads that show more
 * to managers) use the same verifier, because API Gateway runs no authorizer there.
 *
 * Cognito's rules (as its own verifier, aws-jwt-verify, applies them):
 * - `exp` and `iat` are required; `iat` may be at most {@link CLOCK_SKEW_SECONDS} ahead of
 *   our clock (a token "issued in the future" is forged or from a broken clock).
 * - `token_use` is `id` or `access`; a refresh token (or anything else) is refused.
 * - The app client id is bound to the token type: an ID token carries it in `aud`, an
 *   access token in `client_id`. The platform reads ID tokens (email, `custom:orgId` are
 *   only in them, the pool has no pre-token-generation trigger), and the local issuer mints
 *   ID tokens; access tokens are accepted with the same client check, as API Gateway's
 *   authorizer would.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/** How far ahead of our clock a token's `iat` may be. */
export const CLOCK_SKEW_SECONDS = 60;

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

export interface JwtSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
}

export const jwtSettingsFromEnv = (): JwtSettings | undefined => {
  const { JWT_ISSUER: issuer, JWT_AUDIENCE: audience, JWT_JWKS_URL: jwksUrl } = process.env;
  return issuer && audience && jwksUrl ? { issuer, audience, jwksUrl } : undefined;
};

const keySets = /* @__PURE__ */ new Map<string, JWTVerifyGetKey>();

/**
 * Tokens already verified, per key set: a client sends the same token for up to an hour, and
 * its signature, issuer and client cannot change in that time, so a repeat costs a map lookup
 * instead of an RS256 verification (issue 17; the expiry is still checked on every use). Bounded:
 * cleared when full.
 */
const VERIFIED_MAX = 10_000;
const verified = /* @__PURE__ */ new WeakMap<JWTVerifyGetKey, Map<string, Map<string, JWTPayload>>>();
/** jose's `clockTolerance` below: a token is accepted until 5 s after its `exp`. */
const CLOCK_TOLERANCE_SECONDS = 5;

export const verifyJwt = async (
  token: string,
  settings: JwtSettings,
  keys: JWTVerifyGetKey = keySetFor(settings.jwksUrl),
): Promise<JWTPayload> => {
  let bySettings = verified.get(keys);
  if (!bySettings) verified.set(keys, (bySettings = new Map()));
  // Keyed by the token itself (not a ~1 KB string joined per request).
  const settingsKey = `${settings.issuer}\n${settings.audience}`;
  let cache = bySettings.get(settingsKey);
  if (!cache) bySettings.set(settingsKey, (cache = new Map()));
  const hit = cache.get(token);
  if (hit && typeof hit.exp === 'number' && Date.now() / 1000 < hit.exp + CLOCK_TOLERANCE_SECONDS) return hit;
  if (hit) cache.delete(token);
  const payload = await verifyUncached(token, settings, keys);
  if (cache.size >= VERIFIED_MAX) cache.clear();
  cache.set(token, payload);
  return payload;
};

const verifyUncached = async (token: string, settings: JwtSettings, keys: JWTVerifyGetKey): Promise<JWTPayload> => {
  const { payload } = await jwtVerify(token, keys, {
    issuer: settings.issuer,
    algorithms: ['RS256'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['exp', 'iat', 'sub', 'token_use'],
  });
  if (typeof payload.iat !== 'number' || payload.iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS) {
    throw new InvalidTokenError(`token issued in the future (iat ${payload.iat})`);
  }
  const clientIds =
    payload.token_use === 'id'
      ? [payload.aud].flat()
      : payload.token_use === 'access'
        ? [payload.client_id]
        : undefined;
  if (!clientIds) throw new InvalidTokenError(`token_use ${String(payload.token_use)} is not accepted`);
  if (!clientIds.includes(settings.audience)) throw new InvalidTokenError('token is not for this app client');
  return payload;
};

const keySetFor = (url: string): JWTVerifyGetKey => {
  let keys = keySets.get(url);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(url));
    keySets.set(url, keys);
  }
  return keys;
};

/**
 * Flattens claims the way API Gateway HTTP API does before handing them to a Lambda:
 * arrays become `[a b]`, objects JSON, everything else a string.
 */
export const toGatewayClaims = (payload: JWTPayload): Record<string, string> =>
  Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value),
    ]),
  );

export const bearerToken = (authorization: string | undefined): string | undefined => {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
};
