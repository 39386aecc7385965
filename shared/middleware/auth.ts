import { ForbiddenError, UnauthorizedError } from '../domain/errors.js';

/**
 * The Cognito groups. A plain list rather than a zod enum: every handler's stack reads it, and
 * zod would otherwise be bundled into handlers that validate nothing (e.g. /health).
 */
export const GROUPS = ['volunteer', 'org-manager', 'company-admin', 'ministry-reviewer', 'ministry-admin'] as const;
export type Group = (typeof GROUPS)[number];
export const isGroup = (value: string): value is Group => (GROUPS as readonly string[]).includes(value);

/** The caller, as established by the JWT authorizer (cloud) or the local gateway. */
export interface Caller {
  readonly sub: string;
  readonly email?: string;
  readonly groups: readonly Group[];
  readonly orgId?: string;
  readonly companyId?: string;
}

type ClaimValue = string | number | boolean | string[] | undefined;

/**
 * API Gateway HTTP API hands array claims to the Lambda as a string such as
 * `[volunteer org-manager]`; a token minted elsewhere may carry a real array. Accept both.
 */
const parseGroups = (raw: ClaimValue): Group[] => {
  const values = Array.isArray(raw)
    ? raw
    : typeof raw === 'string'
      ? raw.replace(/^\[|\]$/g, '').split(/[\s,]+/)
      : [];
  return values.flatMap((value) => {
    const group = value.replace(/^"|"$/g, '');
    return isGroup(group) ? [group] : [];
  });
};

export const callerFromClaims = (claims: Record<string, ClaimValue> | undefined): Caller | undefined => {
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub.length === 0) return undefined;
  const text = (name: string): string | undefined => {
    const value = claims?.[name];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  };
  const email = text('email');
  const orgId = text('custom:orgId');
  const companyId = text('custom:companyId');
  return {
    sub,
    groups: parseGroups(claims?.['cognito:groups']),
    ...(email && { email }),
    ...(orgId && { orgId }),
    ...(companyId && { companyId }),
  };
};

export const requireCaller = (caller: Caller | undefined): Caller => {
  if (!caller) throw new UnauthorizedError('a valid bearer token is required');
  return caller;
};

export const hasGroup = (caller: Caller | undefined, ...groups: Group[]): boolean =>
  caller !== undefined && groups.some((group) => caller.groups.includes(group));

export const requireGroup = (caller: Caller | undefined, ...groups: Group[]): Caller => {
  const known = requireCaller(caller);
  if (!hasGroup(known, ...groups)) {
    throw new ForbiddenError(`this action needs one of the groups ${groups.join(', ')}`);
  }
  return known;
};

/** True when the caller manages the given organisation (org-manager with that `custom:orgId`). */
export const managesOrganization = (caller: Caller | undefined, orgId: string): boolean =>
  hasGroup(caller, 'org-manager') && caller?.orgId === orgId;
