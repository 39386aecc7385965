/**
 * The JWT rules of the cloud authorizer, in one place: RS256 signature from the issuer's
 * JWKS, `iss`, `aud` (or Cognito's `client_id`), `exp`/`nbf`. The local gateway enforces
 * them on protected routes; handlers of routes with optional identity (public reads that
 * show more to managers) use the same verifier, because API Gateway runs no authorizer there.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

export interface JwtSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
}

export const jwtSettingsFromEnv = (): JwtSettings | undefined => {
  const { JWT_ISSUER: issuer, JWT_AUDIENCE: audience, JWT_JWKS_URL: jwksUrl } = process.env;
  return issuer && audience && jwksUrl ? { issuer, audience, jwksUrl } : undefined;
};

const keySets = new Map<string, JWTVerifyGetKey>();

export const verifyJwt = async (
  token: string,
  settings: JwtSettings,
  keys: JWTVerifyGetKey = keySetFor(settings.jwksUrl),
): Promise<JWTPayload> => {
  const { payload } = await jwtVerify(token, keys, {
    issuer: settings.issuer,
    algorithms: ['RS256'],
    clockTolerance: 5,
  });
  const audiences = [payload.aud, payload.client_id].flat().filter((v): v is string => typeof v === 'string');
  if (!audiences.includes(settings.audience)) throw new Error('token audience does not match');
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
