/**
 * The caller model and the authorisation rules every area shares. Pure: the middleware maps
 * a token's claims to a `Caller` (shared/middleware/auth.ts); the domain decides what it may do.
 */
import { ForbiddenError, UnauthorizedError } from './errors.js';

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

/** Separation of duties: the caller tried to decide on something of their own. */
export class SelfDecisionError extends ForbiddenError {
  override readonly name: string = 'SelfDecisionError';
  override readonly code = 'self-decision';
}

/**
 * Separation of duties: nobody decides on their own application, hours or organisation,
 * whatever groups they hold (a volunteer who also manages organisation A may not approve
 * their own application to A). `subject` names what is decided, for the message.
 */
export const assertNotSelf = (caller: Caller, subjectSub: string, subject: string): void => {
  if (caller.sub === subjectSub) throw new SelfDecisionError(`${subject} is your own: another manager or reviewer must decide it`);
};

/** True when the caller is an admin of the given company (company-admin with that `custom:companyId`). */
export const adminsCompany = (caller: Caller | undefined, companyId: string): boolean =>
  hasGroup(caller, 'company-admin') && caller?.companyId === companyId;
