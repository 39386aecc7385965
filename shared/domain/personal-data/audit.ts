/**
 * The audit trail of access to personal data (Saudi PDPL, issue 18): who read or handled whose
 * personal data, what kind, when, and why (the route). Append-only, kept in the stack's region
 * (the table), never containing the data itself — only ids, the kind of record and the route.
 * Entries are written for every read of a person's records by someone else (managers reading
 * applications, ratings or hours of volunteers; ministry users reading them) and for the
 * person's own exports and erasures. Ministry admins query it (`GET /v1/audit`).
 */
import * as z from '../../zod.js';
import { hasGroup, type Caller } from '../caller.js';
import { BadRequestError } from '../errors.js';

export const AuditWhat = /* @__PURE__ */ z.enum(['application', 'applications', 'hours', 'ratings', 'profile', 'contact', 'export', 'erasure']);
export type AuditWhat = z.infer<typeof AuditWhat>;

const Timestamp = /* @__PURE__ */ z.iso.datetime({ offset: true });

export const AuditEntry = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    id: /* @__PURE__ */ z.string(),
    at: Timestamp,
    actor: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'the user id (sub) of who accessed'),
    actorGroups: /* @__PURE__ */ z.described(/* @__PURE__ */ z.array(/* @__PURE__ */ z.string()), 'their groups at the time (org managers: with their organisation)'),
    actorOrgId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    subject: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'the volunteer whose data it was'),
    what: AuditWhat,
    route: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'why: the operation and its path, e.g. "GetApplication GET /v1/applications/{id}"'),
    recordId: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), 'the record read, when one (an application id…)'),
  }), { id: 'AuditEntry' });
export type AuditEntry = z.output<typeof AuditEntry>;

export const AuditQuery = /* @__PURE__ */ z.strictObject({
    subject: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(128))),
    actor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(128))),
    from: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(Timestamp), 'default: 30 days before `to`'),
    to: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(Timestamp), 'default: now'),
    limit: /* @__PURE__ */ z._default(/* @__PURE__ */ z.coerce.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(100)), 20),
    cursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(2000))),
  });
export type AuditQuery = z.output<typeof AuditQuery>;

export const AuditPage = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(AuditEntry), nextCursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) }), { id: 'AuditPage' });
export type AuditPage = z.output<typeof AuditPage>;

/** What a route read about whom. */
export interface Access {
  readonly what: AuditWhat;
  /** Operation id and path template of the route. */
  readonly route: string;
  readonly subjects: readonly string[];
  readonly recordId?: string;
}

export interface AuditStore {
  append(entries: readonly AuditEntry[]): Promise<void>;
  bySubject(subject: string, from: string, to: string, limit: number, cursor?: string): Promise<{ items: AuditEntry[]; nextCursor?: string }>;
  byActor(actor: string, from: string, to: string, limit: number, cursor?: string): Promise<{ items: AuditEntry[]; nextCursor?: string }>;
  /** Every entry of a time range (day partitions), newest first. */
  byTime(from: string, to: string, limit: number, cursor?: string): Promise<{ items: AuditEntry[]; nextCursor?: string }>;
}

export interface AuditPorts {
  readonly store: AuditStore;
  readonly clock: { now(): Date };
  readonly ids: () => string;
}

/** The entries of one access: one per subject; reading one's own records is not audited, exporting and erasing them is. */
export const entriesOf = (caller: Caller, access: Access, now: Date, ids: () => string): AuditEntry[] => {
  const own = access.what === 'export' || access.what === 'erasure';
  return [...new Set(access.subjects)]
    .filter((subject) => own || subject !== caller.sub)
    .map((subject) => ({
      id: ids(),
      at: now.toISOString(),
      actor: caller.sub,
      actorGroups: [...caller.groups],
      ...(caller.orgId && hasGroup(caller, 'org-manager') && { actorOrgId: caller.orgId }),
      subject,
      what: access.what,
      route: access.route,
      ...(access.recordId && { recordId: access.recordId }),
    }));
};

export const recordAccess = async (ports: Omit<AuditPorts, 'store'> & { readonly store: Pick<AuditStore, 'append'> }, caller: Caller, access: Access): Promise<number> => {
  const entries = entriesOf(caller, access, ports.clock.now(), ports.ids);
  if (entries.length > 0) await ports.store.append(entries);
  return entries.length;
};

const DAY_MS = 86_400_000;
/** A range without subject or actor reads one partition per day: at most 31 of them. */
export const MAX_UNFILTERED_DAYS = 31;

export const queryAudit = async (ports: AuditPorts, query: AuditQuery): Promise<AuditPage> => {
  const to = query.to ?? ports.clock.now().toISOString();
  const from = query.from ?? new Date(new Date(to).getTime() - 30 * DAY_MS).toISOString();
  if (from > to) throw new BadRequestError(`from must not be after to, got ${from} > ${to}`, { errors: [{ path: 'query.from', message: 'must not be after to' }] });
  if (query.subject && query.actor) {
    const page = await ports.store.bySubject(query.subject, from, to, query.limit, query.cursor);
    return { ...page, items: page.items.filter((entry) => entry.actor === query.actor) };
  }
  if (query.subject) return ports.store.bySubject(query.subject, from, to, query.limit, query.cursor);
  if (query.actor) return ports.store.byActor(query.actor, from, to, query.limit, query.cursor);
  if (new Date(to).getTime() - new Date(from).getTime() > MAX_UNFILTERED_DAYS * DAY_MS) {
    throw new BadRequestError(`without subject or actor the range is at most ${MAX_UNFILTERED_DAYS} days`, {
      errors: [{ path: 'query.from', message: `at most ${MAX_UNFILTERED_DAYS} days before to without subject or actor` }],
    });
  }
  return ports.store.byTime(from, to, query.limit, query.cursor);
};
