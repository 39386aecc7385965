/**
 * The caller of a route with `auth: 'optional'` (public reads that show more to a manager):
 * API Gateway runs no authorizer there, so the handler verifies a bearer token itself, with
 * the authorizer's rules (./jwt.ts). No token (or no issuer configured) → anonymous; a token
 * that fails verification → 401.
 *
 * Only those routes import this module, and pass it to `http(spec, { optionalCaller })`, so the
 * other HTTP bundles carry neither it nor `jose` (issue 17); `http()` refuses an optional-auth
 * spec built without it.
 */
import { UnauthorizedError } from '../domain/errors.js';
import type { Caller } from '../domain/caller.js';
import { callerFromClaims } from './auth.js';
import type { HttpEvent } from './http-event.js';
import { bearerToken, jwtSettingsFromEnv, toGatewayClaims, verifyJwt } from './jwt.js';

export const optionalCaller = async (event: HttpEvent): Promise<Caller | undefined> => {
  const token = bearerToken(event.headers?.authorization);
  const settings = jwtSettingsFromEnv();
  if (!token || !settings) return undefined;
  try {
    return callerFromClaims(toGatewayClaims(await verifyJwt(token, settings)));
  } catch (cause) {
    throw new UnauthorizedError('the bearer token is invalid or expired', { cause });
  }
};
