/**
 * Recording who read whose personal data (issue 18), for the handlers of routes that show a
 * person's records to someone else: `await auditAccess(spec, caller, { what, subjects })` after
 * the read succeeded. The route (operation id, method, path template) is the "why".
 */
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { auditAppends, auditRepository } from '../../../shared/db/audit-repository.js';
import type { Caller } from '../../../shared/domain/caller.js';
import { recordAccess, type Access, type AuditPorts } from '../../../shared/domain/personal-data/audit.js';
import type { AnyOperation } from '../operation.js';

export const auditPorts = (): AuditPorts => ({ store: auditRepository(), clock: systemClock, ids: () => ulid() });

export const auditAccess = (spec: Pick<AnyOperation, 'id' | 'method' | 'path'>, caller: Caller, access: Omit<Access, 'route'>): Promise<number> =>
  recordAccess({ store: auditAppends(), clock: systemClock, ids: () => ulid() }, caller, { ...access, route: `${spec.id} ${spec.method} ${spec.path}` });
