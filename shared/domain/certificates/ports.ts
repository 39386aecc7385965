/** What the certificate services need (implemented in shared/db and shared/signing). */
import type { Clock } from '../../clock.js';
import type { Signer } from '../credentials/ports.js';
import type { DomainEvent } from '../events.js';
import type { OrganizationNames, ProjectNames, RegisterRepository } from '../register/ports.js';
import type { CertificateRecord } from './schema.js';

export interface CertificateRepository {
  /** The certificate last issued for a scope of a volunteer, if any. */
  forScope(volunteerId: string, scopeKey: string): Promise<CertificateRecord | undefined>;
  /**
   * Stores a new certificate with its id and code pointers, makes it the scope's current one
   * (only if the scope still points at `replaces`), and writes its event, in one transaction.
   * @returns false when another certificate took the scope meanwhile
   */
  create(certificate: CertificateRecord, replaces: string | undefined, event: DomainEvent): Promise<boolean>;
  byId(id: string): Promise<CertificateRecord | undefined>;
  byCode(code: string): Promise<CertificateRecord | undefined>;
  /** A volunteer's certificates, newest first. */
  ofVolunteer(volunteerId: string): Promise<CertificateRecord[]>;
  /**
   * valid → revoked, the status list bit set and the event written, in one transaction.
   * @returns false when it was already revoked
   */
  revoke(certificate: CertificateRecord, change: { revokedAt: string; revokedBy: string; reason: string }, event: DomainEvent): Promise<boolean>;
  /** Replaces the holder's names and drops the credential (which names them): erasure at the holder's request. Idempotent. */
  anonymise(certificate: CertificateRecord, holder: { nameAr: string; nameEn: string }): Promise<void>;
}

export interface StatusListState {
  readonly listId: string;
  readonly size: number;
  readonly revoked: readonly number[];
  /** Bumped by every revocation in the list. */
  readonly version: number;
  /** The signed status list credential of `credentialVersion`, if one was made. */
  readonly credential?: string;
  readonly credentialVersion?: number;
  readonly credentialBase?: string;
}

export interface StatusLists {
  /** The next free index of a status list (lists of `size` entries, spread over shards). */
  allocate(): Promise<{ listId: string; index: number }>;
  get(listId: string): Promise<StatusListState | undefined>;
  /** Keeps a signed credential for `version` (ignored if the list changed meanwhile). */
  keepCredential(listId: string, version: number, base: string, credential: string): Promise<void>;
}

export interface VolunteerNames {
  names(volunteerId: string): Promise<{ nameAr: string; nameEn: string } | undefined>;
}

export interface RateLimiter {
  /** Counts one request of `client` under `key`; false once the limit of the current window is passed. */
  hit(key: string, client: string): Promise<boolean>;
}

export interface CertificatePorts {
  readonly certificates: CertificateRepository;
  readonly register: Pick<RegisterRepository, 'allEntries'>;
  readonly volunteers: VolunteerNames;
  readonly organizations: OrganizationNames;
  /** Names the projects the hours were given to, with their confirmed deliverables (issue 19). */
  readonly projects?: ProjectNames;
  readonly statusLists: StatusLists;
  readonly signer: () => Promise<Signer>;
  readonly clock: Clock;
  readonly ids: () => string;
  /** 16 random bytes (the code's entropy). */
  readonly randomBytes: () => Uint8Array;
  /** The platform's public HTTPS origin (e.g. https://api.tatawwu.sa), without a trailing slash. */
  readonly baseUrl: string;
}
