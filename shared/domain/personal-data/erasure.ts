/**
 * The right to erasure (Saudi PDPL, issue 18). `DELETE /v1/volunteers/me` sends a one-time
 * code by email; the same call with that code starts the Erasure workflow, whose steps are
 * here. Every step is idempotent (it finds what is left and finishes it), so a retried or
 * resumed execution completes the erasure, and a second one changes nothing:
 *
 *   Begin (tombstone: the person is being erased; replays and late events stop here)
 *   → ReleaseSeats (open applications withdrawn: seats freed, waitlists promoted)
 *   → RevokeCertificates (revoked "withdrawn at the holder's request", no name left)
 *   → DeleteExports (the stored files of the person's prepared exports deleted)
 *   → EraseRecords (free text scrubbed from shared records; the person's own items deleted)
 *   → DeleteIdentity (the Cognito user disabled and deleted)
 *   → Finish (profile, national-ID claim and contact-keyed items deleted; tombstone: erased)
 *
 * Approved hours records stay (without free text): the organisations' and national aggregates
 * already count them anonymously and are never recounted from the person.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { Caller } from '../caller.js';
import { ConflictError, RuleViolationError } from '../errors.js';
import { NothingHeldError } from './errors.js';
import { expiresAt, RETENTION } from './retention.js';

export const MAX_CODE_ATTEMPTS = 5;

export interface ErasureCode {
  readonly codeHash: string;
  readonly expiresAt: number;
  readonly attempts: number;
}

export interface Tombstone {
  readonly status: 'erasing' | 'erased';
  readonly requestedAt: string;
  readonly erasedAt?: string;
}

/** The contact data the last step needs to find address-keyed items (read before the profile goes). */
export interface Contact {
  readonly email: string;
  readonly phone: string;
  readonly nameAr: string;
  readonly nameEn: string;
  readonly locale: 'ar' | 'en';
}

export interface ErasureStore {
  contact(sub: string): Promise<Contact | undefined>;
  putCode(sub: string, code: ErasureCode): Promise<void>;
  code(sub: string): Promise<ErasureCode | undefined>;
  /** Counts a wrong code (conditional on the attempts seen). */
  countAttempt(sub: string, seen: number): Promise<void>;
  dropCode(sub: string): Promise<void>;
  tombstone(sub: string): Promise<Tombstone | undefined>;
  /** Writes the tombstone once (`erasing`); an existing one stays as it is. */
  beginTombstone(sub: string, requestedAt: string): Promise<void>;
  markErased(sub: string, erasedAt: string): Promise<void>;
  /** Applications not yet closed whose shift has not started. */
  openApplications(sub: string, now: string): Promise<readonly { id: string; status: string }[]>;
  /** Removes free text and locations from records kept for others (applications, hours, evaluations, attendance). */
  scrubSharedRecords(sub: string): Promise<number>;
  /** Deletes the person's own items (messages, recognition, points, boards, matches, register, trainings…). */
  deleteOwnItems(sub: string, contact: Contact | undefined): Promise<number>;
  /** Deletes the profile, its national-ID claim and the rest of the volunteer partition. */
  deleteProfile(sub: string): Promise<number>;
}

/** The code, the tombstone and the contact: what the request and its confirmation use. */
export type ErasureCodeStore = Pick<ErasureStore, 'contact' | 'putCode' | 'code' | 'countAttempt' | 'dropCode' | 'tombstone' | 'beginTombstone' | 'markErased'>;

export interface ErasurePorts {
  readonly store: ErasureCodeStore;
  readonly clock: Clock;
  /** Sends the code to the profile's address (bilingual, the volunteer's locale). */
  sendCode(contact: Contact, code: string, expiresAt: string): Promise<void>;
  /** Starts (idempotently) the Erasure workflow of this person. */
  startWorkflow(sub: string): Promise<void>;
}

export interface ErasureStepPorts {
  readonly store: ErasureStore;
  readonly clock: Clock;
  /** Withdraws one application as its volunteer would (seat freed, waitlist promoted). */
  withdraw(sub: string, applicationId: string): Promise<void>;
  /** Revokes each certificate still valid and removes the holder's name and credential from all. */
  revokeCertificates(sub: string): Promise<number>;
  /** Disables and deletes the sign-in account (absent: already done). */
  deleteIdentity(sub: string): Promise<void>;
  /** Deletes the stored files of the person's prepared exports (absent: already done); how many. */
  deleteExports(sub: string): Promise<number>;
}

export class ErasureCodeError extends RuleViolationError {
  override readonly name: string = 'ErasureCodeError';
  constructor(message: string) {
    super('code', message);
  }
}

export class ErasureAlreadyStartedError extends ConflictError {
  override readonly name: string = 'ErasureAlreadyStartedError';
  override readonly code = 'erasure-started';
  constructor() {
    super('the erasure of this account has already started');
  }
}

const hashCode = (sub: string, code: string): string => createHash('sha256').update(`${sub}\u001f${code}`).digest('hex');

const sameHash = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** First call: a 6-digit code by email, valid 15 minutes; a new call replaces it. */
export const requestErasure = async (ports: ErasurePorts, caller: Caller): Promise<{ status: 'code-sent'; expiresAt: string }> => {
  if (await ports.store.tombstone(caller.sub)) throw new ErasureAlreadyStartedError();
  const contact = await ports.store.contact(caller.sub);
  if (!contact) throw new NothingHeldError();
  const now = ports.clock.now();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const ttl = expiresAt('erasureCodes', now);
  await ports.store.putCode(caller.sub, { codeHash: hashCode(caller.sub, code), expiresAt: ttl, attempts: 0 });
  const until = new Date(ttl * 1000).toISOString();
  await ports.sendCode(contact, code, until);
  return { status: 'code-sent', expiresAt: until };
};

/** Second call: the code confirms; the workflow starts (a repeat finds the same execution). */
export const confirmErasure = async (ports: ErasurePorts, caller: Caller, code: string): Promise<{ status: 'erasing' }> => {
  const tombstone = await ports.store.tombstone(caller.sub);
  if (tombstone) {
    // The confirmation was answered but the client did not hear it: the same answer.
    await ports.startWorkflow(caller.sub);
    return { status: 'erasing' };
  }
  const stored = await ports.store.code(caller.sub);
  const now = ports.clock.now();
  if (!stored || stored.expiresAt * 1000 <= now.getTime()) throw new ErasureCodeError('no valid code: ask for a new one with DELETE /v1/volunteers/me without a body');
  if (stored.attempts >= MAX_CODE_ATTEMPTS) throw new ErasureCodeError(`too many wrong codes (${MAX_CODE_ATTEMPTS}): ask for a new one`);
  if (!sameHash(stored.codeHash, hashCode(caller.sub, code))) {
    await ports.store.countAttempt(caller.sub, stored.attempts);
    throw new ErasureCodeError('the code does not match the one sent by email');
  }
  await ports.store.beginTombstone(caller.sub, now.toISOString());
  await ports.store.dropCode(caller.sub);
  await ports.startWorkflow(caller.sub);
  return { status: 'erasing' };
};

// ---------------------------------------------------------------------------------------------
// Workflow steps (each idempotent)
// ---------------------------------------------------------------------------------------------

/** Begin writes the tombstone only. */
export type BeginPorts = Pick<ErasureStepPorts, 'clock'> & { readonly store: Pick<ErasureStore, 'beginTombstone'> };

export const begin = async (ports: BeginPorts, sub: string) => {
  await ports.store.beginTombstone(sub, ports.clock.now().toISOString());
  return { sub };
};

/** What releasing the seats uses: the open applications and the withdrawal (issue 17: not the whole erasure store). */
export type ReleaseSeatsPorts = Pick<ErasureStepPorts, 'clock' | 'withdraw'> & { readonly store: Pick<ErasureStore, 'openApplications'> };

export const releaseSeats = async (ports: ReleaseSeatsPorts, sub: string) => {
  const open = await ports.store.openApplications(sub, ports.clock.now().toISOString());
  for (const application of open) await ports.withdraw(sub, application.id);
  return { sub, withdrawn: open.length };
};

export const revokeCertificates = async (ports: Pick<ErasureStepPorts, 'revokeCertificates'>, sub: string) => ({ sub, certificates: await ports.revokeCertificates(sub) });

/**
 * The prepared exports' files, before EraseRecords: their jobs (which name them) go with the
 * person's items. Its own step so that only its function carries the S3 client (issue 17).
 */
export const deleteExports = async (ports: Pick<ErasureStepPorts, 'deleteExports'>, sub: string) => ({ sub, exportFiles: await ports.deleteExports(sub) });

export const eraseRecords = async (ports: Pick<ErasureStepPorts, 'store'>, sub: string) => {
  const scrubbed = await ports.store.scrubSharedRecords(sub);
  const deleted = await ports.store.deleteOwnItems(sub, await ports.store.contact(sub));
  return { sub, scrubbed, deleted };
};

export const deleteIdentity = async (ports: Pick<ErasureStepPorts, 'deleteIdentity'>, sub: string) => {
  await ports.deleteIdentity(sub);
  return { sub };
};

export const finish = async (ports: Pick<ErasureStepPorts, 'store' | 'clock'>, sub: string) => {
  // Contact-keyed items go with the contact: read it while the profile is still there.
  await ports.store.deleteOwnItems(sub, await ports.store.contact(sub));
  const deleted = await ports.store.deleteProfile(sub);
  await ports.store.markErased(sub, ports.clock.now().toISOString());
  return { sub, deleted };
};

/** For the README and the retention test: how long a code lives. */
export const ERASURE_CODE_SECONDS = RETENTION.erasureCodes.seconds;
