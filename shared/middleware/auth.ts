/** Maps the JWT claims that API Gateway (or the local gateway) hands over to the domain's `Caller`. */
import { isGroup, type Caller, type Group } from '../domain/caller.js';

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

