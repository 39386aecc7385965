/**
 * Certificates: issue one for a scope of the caller's register (reused while the scope's
 * hours do not change), list them, verify them publicly by code, revoke them (by hand, or
 * because hours behind them were reversed), and publish the status lists and keys.
 */
import { createHash } from 'node:crypto';
import { hasGroup, managesOrganization, type Caller } from '../caller.js';
import { ConflictError, NotFoundError, TooManyRequestsError } from '../errors.js';
import { domainEvent } from '../events.js';
import type { ProjectSummary } from '../register/ports.js';
import type { LedgerEntry } from '../register/schema.js';
import {
  certificateCode,
  PLATFORM_NAMES,
  STATUS_LIST_SIZE,
  statusListCredential,
  VC_JWT_HEADER,
  verifyUrl,
  volunteerHoursCredential,
} from './credential.js';
import { CertificateAlreadyRevokedError, NoHoursInScopeError } from './errors.js';
import type { CertificatePorts, RateLimiter } from './ports.js';
import type { CertificateRecord, IssueCertificate, Verification } from './schema.js';

export const scopeKey = (scope: IssueCertificate): string => `${scope.orgId ?? 'national'}|${scope.from ?? ''}|${scope.to ?? ''}`;

const inScope = (scope: IssueCertificate) => (entry: LedgerEntry) =>
  (scope.orgId === undefined || entry.orgId === scope.orgId) &&
  (scope.from === undefined || entry.date >= scope.from) &&
  (scope.to === undefined || entry.date <= scope.to);

const describeScope = (scope: IssueCertificate) =>
  `${scope.orgId ? `organisation ${scope.orgId}` : 'the register'}${scope.from ? ` from ${scope.from}` : ''}${scope.to ? ` to ${scope.to}` : ''}`;

/** The ledger entries a certificate counts, as a fingerprint: new approvals or reversals change it. */
const basisOf = (entries: readonly LedgerEntry[]) =>
  createHash('sha256')
    .update(entries.map((e) => e.eventId).sort().join('\n'))
    .digest('base64url');

export const issuedView = (c: CertificateRecord) => ({
  id: c.id,
  code: c.code,
  verifyUrl: c.verifyUrl,
  credential: c.credential,
  status: c.status,
  kind: c.kind,
  ...(c.scope.orgId && { orgId: c.scope.orgId }),
  minutes: c.minutes,
  from: c.from,
  to: c.to,
  issuedAt: c.issuedAt,
});

/** What verification shows instead of the holder's name after an erasure, and the revocation reason. */
export const WITHDRAWN_AT_HOLDER_REQUEST = { reason: "withdrawn at the holder's request", nameAr: 'سُحبت بطلب صاحبها', nameEn: "Withdrawn at the holder's request" } as const;

/** The public view: the holder is named, nothing else about them (no ids, no contact data). */
export const verificationView = (c: CertificateRecord): Verification => ({
  valid: c.status === 'valid',
  status: c.status,
  holder: { name: c.holder.nameAr, nameAr: c.holder.nameAr, nameEn: c.holder.nameEn },
  issuer: { name: c.issuer.nameAr, nameAr: c.issuer.nameAr, nameEn: c.issuer.nameEn },
  kind: c.kind,
  organizations: c.organizations.map(({ nameAr, nameEn, minutes }) => ({ nameAr, nameEn, minutes })),
  ...(c.projects && c.projects.length > 0 && { projects: c.projects.map(({ nameAr, nameEn, minutes, deliverables }) => ({ nameAr, nameEn, minutes, deliverables })) }),
  minutes: c.minutes,
  from: c.from,
  to: c.to,
  issuedAt: c.issuedAt,
  ...(c.revokedAt && { revokedAt: c.revokedAt }),
  // Only the erasure's reason is public: a manager's reason may speak about the person.
  ...(c.revocationReason === WITHDRAWN_AT_HOLDER_REQUEST.reason && { revocationReason: c.revocationReason }),
  code: c.code,
  verifyUrl: c.verifyUrl,
});

/**
 * Issues the caller's certificate for `scope`, or returns the scope's current one when no
 * hours were approved or reversed in it since (and it is not revoked).
 */
export const issue = async (
  ports: CertificatePorts,
  caller: Caller,
  scope: IssueCertificate,
): Promise<{ certificate: CertificateRecord; created: boolean }> => {
  const key = scopeKey(scope);
  const [holder, ledger, existing] = await Promise.all([
    ports.volunteers.names(caller.sub),
    ports.register.allEntries(caller.sub),
    ports.certificates.forScope(caller.sub, key),
  ]);
  if (!holder) throw new NotFoundError('the caller has no volunteer profile');
  const entries = ledger.filter(inScope(scope));
  const basis = basisOf(entries);
  if (existing && existing.basis === basis && existing.status === 'valid') return { certificate: existing, created: false };

  const perOrg = new Map<string, number>();
  for (const entry of entries) perOrg.set(entry.orgId, (perOrg.get(entry.orgId) ?? 0) + entry.minutes);
  const minutes = [...perOrg.values()].reduce((a, b) => a + b, 0);
  if (minutes <= 0) throw new NoHoursInScopeError(describeScope(scope));
  const orgIds = [...perOrg].filter(([, m]) => m > 0).map(([id]) => id);
  const perOpportunity = new Map<string, number>();
  for (const entry of entries) perOpportunity.set(entry.opportunityId, (perOpportunity.get(entry.opportunityId) ?? 0) + entry.minutes);
  const [names, projects] = await Promise.all([
    ports.organizations.names(orgIds),
    ports.projects ? ports.projects.projects([...perOpportunity].filter(([, m]) => m > 0).map(([id]) => id)) : Promise.resolve(new Map<string, ProjectSummary>()),
  ]);
  const issuer = scope.orgId ? names.get(scope.orgId) : PLATFORM_NAMES;
  if (!issuer) throw new NotFoundError(`organisation ${scope.orgId} not found`);
  const dates = entries.map((e) => e.date).sort();

  const now = ports.clock.now();
  const [statusList, signer] = await Promise.all([ports.statusLists.allocate(), ports.signer()]);
  const id = ports.ids();
  const code = certificateCode(ports.randomBytes());
  const facts = {
    id,
    code,
    volunteerId: caller.sub,
    kind: scope.orgId ? ('organization' as const) : ('national' as const),
    scope: { ...(scope.orgId && { orgId: scope.orgId }), ...(scope.from && { from: scope.from }), ...(scope.to && { to: scope.to }) },
    scopeKey: key,
    basis,
    hoursIds: [...new Set(entries.map((e) => e.hoursId))],
    holder: { nameAr: holder.nameAr, nameEn: holder.nameEn },
    issuer: { nameAr: issuer.nameAr, nameEn: issuer.nameEn },
    organizations: orgIds.map((orgId) => ({ orgId, nameAr: names.get(orgId)?.nameAr ?? orgId, nameEn: names.get(orgId)?.nameEn ?? orgId, minutes: perOrg.get(orgId)! })),
    ...(projects.size > 0 && {
      projects: [...projects.values()].map((p) => ({
        opportunityId: p.opportunityId,
        nameAr: p.titleAr,
        nameEn: p.titleEn,
        minutes: perOpportunity.get(p.opportunityId)!,
        deliverables: p.deliverables.filter((d) => d.confirmedAt).map((d) => ({ nameAr: d.titleAr, nameEn: d.titleEn })),
      })),
    }),
    minutes,
    from: scope.from ?? dates[0]!,
    to: scope.to ?? dates[dates.length - 1]!,
    issuedAt: now.toISOString(),
    status: 'valid' as const,
    statusList,
    verifyUrl: verifyUrl(ports.baseUrl, code),
  };
  const certificate: CertificateRecord = { ...facts, credential: await signer.sign(volunteerHoursCredential(ports.baseUrl, facts), VC_JWT_HEADER) };
  const event = domainEvent(
    'CertificateIssued',
    {
      certificateId: id,
      volunteerId: caller.sub,
      kind: certificate.kind,
      ...(scope.orgId && { orgId: scope.orgId }),
      minutes,
      from: certificate.from,
      to: certificate.to,
      issuedAt: certificate.issuedAt,
    },
    { id: ports.ids(), time: now },
  );
  if (await ports.certificates.create(certificate, existing?.id, event)) return { certificate, created: true };
  // Another request for the same scope won the race: answer with its certificate.
  const winner = await ports.certificates.forScope(caller.sub, key);
  if (winner && winner.basis === basis && winner.status === 'valid') return { certificate: winner, created: false };
  throw new ConflictError('another certificate for this scope was issued at the same moment; try again');
};

export const listMine = async (ports: Pick<CertificatePorts, 'certificates'>, caller: Caller) => ({
  items: (await ports.certificates.ofVolunteer(caller.sub)).map(issuedView),
});

/** Counts the lookup against the client's window first: guessing codes is slowed to a crawl. */
export const lookup = async (ports: Pick<CertificatePorts, 'certificates'> & { rateLimiter: RateLimiter }, code: string, client: string) => {
  if (!(await ports.rateLimiter.hit('verify', client))) throw new TooManyRequestsError('too many certificate lookups from this address; try again in a minute');
  return ports.certificates.byCode(code);
};

/** The public verification of a code (404 when no certificate has it). */
export const verify = async (ports: Pick<CertificatePorts, 'certificates'> & { rateLimiter: RateLimiter }, code: string, client: string) => {
  const certificate = await lookup(ports, code, client);
  if (!certificate) throw new NotFoundError('no certificate has this code');
  return verificationView(certificate);
};

const revokeOne = async (
  ports: Pick<CertificatePorts, 'certificates' | 'clock' | 'ids'>,
  certificate: CertificateRecord,
  change: { revokedBy: string; reason: string; cause: 'manual' | 'hours-reversed' | 'holder-request' },
) => {
  const now = ports.clock.now();
  const revokedAt = now.toISOString();
  const event = domainEvent(
    'CertificateRevoked',
    {
      certificateId: certificate.id,
      volunteerId: certificate.volunteerId,
      ...(certificate.scope.orgId && { orgId: certificate.scope.orgId }),
      cause: change.cause,
      revokedBy: change.revokedBy,
      revokedAt,
    },
    { id: ports.ids(), time: now },
  );
  const done = await ports.certificates.revoke(certificate, { revokedAt, revokedBy: change.revokedBy, reason: change.reason }, event);
  return done ? revokedAt : undefined;
};

/** Revocation by the issuing organisation's managers (organisation certificates) or a ministry-admin (any). */
export const revoke = async (ports: Pick<CertificatePorts, 'certificates' | 'clock' | 'ids'>, caller: Caller, id: string, reason: string) => {
  const certificate = await ports.certificates.byId(id);
  const allowed =
    certificate !== undefined && (hasGroup(caller, 'ministry-admin') || (certificate.scope.orgId !== undefined && managesOrganization(caller, certificate.scope.orgId)));
  if (!certificate || !allowed) throw new NotFoundError(`certificate ${id} not found`);
  if (certificate.status === 'revoked') throw new CertificateAlreadyRevokedError(id);
  const revokedAt = await revokeOne(ports, certificate, { revokedBy: caller.sub, reason, cause: 'manual' });
  if (!revokedAt) throw new CertificateAlreadyRevokedError(id);
  return { id, status: 'revoked' as const, revokedAt };
};

/** Hours were reversed: every valid certificate that counted them is revoked. Idempotent. */
export const revokeForReversal = async (
  ports: Pick<CertificatePorts, 'certificates' | 'clock' | 'ids'>,
  reversal: { volunteerId: string; hoursId: string; reversedBy: string; reason: string },
): Promise<number> => {
  const affected = (await ports.certificates.ofVolunteer(reversal.volunteerId)).filter((c) => c.status === 'valid' && c.hoursIds.includes(reversal.hoursId));
  let revoked = 0;
  for (const certificate of affected) {
    const done = await revokeOne(ports, certificate, { revokedBy: reversal.reversedBy, reason: `hours ${reversal.hoursId} reversed: ${reversal.reason}`, cause: 'hours-reversed' });
    if (done) revoked++;
  }
  return revoked;
};

/**
 * Erasure (issue 18): every certificate of the volunteer is revoked "withdrawn at the holder's
 * request" (the status list bit set, so offline verifiers see it too) and keeps no name: the
 * holder's names become that statement and the signed credential, which names them, is dropped.
 * Idempotent: a revoked certificate is only anonymised (again).
 */
export const withdrawAtHolderRequest = async (ports: Pick<CertificatePorts, 'certificates' | 'clock' | 'ids'>, volunteerId: string): Promise<number> => {
  const certificates = await ports.certificates.ofVolunteer(volunteerId);
  for (const certificate of certificates) {
    if (certificate.status === 'valid') {
      await revokeOne(ports, certificate, { revokedBy: volunteerId, reason: WITHDRAWN_AT_HOLDER_REQUEST.reason, cause: 'holder-request' });
    }
    await ports.certificates.anonymise(certificate, { nameAr: WITHDRAWN_AT_HOLDER_REQUEST.nameAr, nameEn: WITHDRAWN_AT_HOLDER_REQUEST.nameEn });
  }
  return certificates.length;
};

/** The status list credential, signed once per change of the list (then served from the table). */
export const statusList = async (ports: Pick<CertificatePorts, 'statusLists' | 'signer' | 'clock' | 'baseUrl'>, listId: string): Promise<string> => {
  const state = await ports.statusLists.get(listId);
  if (!state) throw new NotFoundError(`status list ${listId} not found`);
  if (state.credential && state.credentialVersion === state.version && state.credentialBase === ports.baseUrl) return state.credential;
  const signer = await ports.signer();
  const credential = await signer.sign(
    statusListCredential(ports.baseUrl, listId, state.size || STATUS_LIST_SIZE, state.revoked, ports.clock.now().toISOString()),
    VC_JWT_HEADER,
  );
  await ports.statusLists.keepCredential(listId, state.version, ports.baseUrl, credential);
  return credential;
};

export const jwks = async (ports: Pick<CertificatePorts, 'signer'>) => ({ keys: [...(await (await ports.signer()).publicKeys())] });
