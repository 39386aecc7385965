/**
 * The local token issuer, standing in for Cognito. Its RS256 key is kept in the data
 * directory (so tokens survive a restart) or in memory. Tokens carry the claims the
 * platform reads from Cognito ID tokens: sub, email, cognito:groups, custom:orgId,
 * custom:companyId, and what makes them pass the authorizer's rules (shared/middleware/jwt.ts):
 * `token_use: id`, `aud` = the local app client id, `iat`, `exp`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK, type JWTVerifyGetKey } from 'jose';
import * as z from '../../shared/zod.js';
import { GROUPS } from '../../shared/domain/caller.js';

export const TokenRequest = z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(128)),
  groups: z._default(z.array(z.enum(GROUPS)).check(z.maxLength(5)), []),
  orgId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  companyId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  email: z.optional(z.email()),
  /** Seconds until expiry. @default 3600 */
  expiresIn: z._default(z.number().check(z.int(), z.gte(-86_400), z.lte(7 * 86_400)), 3600),
});
export type TokenRequest = z.input<typeof TokenRequest>;

export interface LocalIssuer {
  readonly issuer: string;
  readonly audience: string;
  readonly jwks: JSONWebKeySet;
  readonly keys: JWTVerifyGetKey;
  mint(request: TokenRequest): Promise<string>;
}

const KID = 'tatawwu-local-1';

const loadOrCreateKey = async (dataDir: string | undefined): Promise<JWK> => {
  const file = dataDir ? join(dataDir, 'issuer-key.json') : undefined;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as JWK;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: KID, alg: 'RS256' };
  if (file && dataDir) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  }
  return jwk;
};

/**
 * What the identity provider itself holds about a user, beyond what a token request asks for:
 * in the cloud, Cognito adds the groups and attributes granted by the platform (e.g. the
 * registrant of an approved organisation joins `org-manager` with `custom:orgId`) to every
 * token it issues after the grant. Locally the platform's own record of that grant plays the
 * same part, so a fresh token from `POST /local/token` carries it.
 */
export type DirectoryClaims = (sub: string) => Promise<{ readonly groups?: readonly (typeof GROUPS)[number][]; readonly orgId?: string; readonly companyId?: string } | undefined>;

export const createLocalIssuer = async (options: {
  issuer: string;
  audience: string;
  dataDir?: string;
  directory?: DirectoryClaims;
}): Promise<LocalIssuer> => {
  const privateJwk = await loadOrCreateKey(options.dataDir);
  const privateKey = await importJWK(privateJwk, 'RS256');
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const jwks: JSONWebKeySet = { keys: [{ ...publicJwk, use: 'sig' }] };
  return {
    issuer: options.issuer,
    audience: options.audience,
    jwks,
    keys: createLocalJWKSet(jwks),
    async mint(request) {
      const asked = TokenRequest.parse(request);
      const granted = await options.directory?.(asked.sub);
      const claims = {
        ...asked,
        groups: [...new Set([...asked.groups, ...(granted?.groups ?? [])])],
        orgId: asked.orgId ?? granted?.orgId,
        companyId: asked.companyId ?? granted?.companyId,
      };
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        'cognito:groups': claims.groups,
        token_use: 'id',
        ...(claims.email && { email: claims.email }),
        ...(claims.orgId && { 'custom:orgId': claims.orgId }),
        ...(claims.companyId && { 'custom:companyId': claims.companyId }),
      })
        .setProtectedHeader({ alg: 'RS256', kid: KID })
        .setSubject(claims.sub)
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setIssuedAt(now)
        .setExpirationTime(now + claims.expiresIn)
        .sign(privateKey);
    },
  };
};
