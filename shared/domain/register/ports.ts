/** What the register's services need from the outside world (implemented in shared/db). */
import type { Clock } from '../../clock.js';
import type { LedgerEntry, TotalRow } from './schema.js';

export interface LedgerPage {
  readonly entries: readonly LedgerEntry[];
  /** The sort position after the last entry returned, when there are more. */
  readonly after?: string;
}

export interface RegisterRepository {
  /**
   * Appends `entry` and moves its running totals in one transaction; a second delivery of the
   * same event (same `eventId`) changes nothing and resolves `duplicate`.
   */
  record(entry: LedgerEntry): Promise<'recorded' | 'duplicate'>;
  /** Every running total of a volunteer (one Query; no recount). */
  totals(volunteerId: string): Promise<TotalRow[]>;
  /** Entries newest first. */
  page(volunteerId: string, limit: number, after?: string): Promise<LedgerPage>;
  /** Every entry of a volunteer, oldest first (issuing a certificate; the recount test). */
  allEntries(volunteerId: string): Promise<LedgerEntry[]>;
}

export interface OrganizationNames {
  names(orgIds: readonly string[]): Promise<Map<string, { nameAr: string; nameEn: string }>>;
}

/** A project (issue 19) as transcripts and certificates name it: its titles and deliverables (confirmed ones dated). */
export interface ProjectSummary {
  readonly opportunityId: string;
  readonly titleAr: string;
  readonly titleEn: string;
  readonly deliverables: readonly { readonly id: string; readonly titleAr: string; readonly titleEn: string; readonly confirmedAt?: string }[];
}

export interface ProjectNames {
  /** The projects among these opportunities (others are left out). */
  projects(opportunityIds: readonly string[]): Promise<Map<string, ProjectSummary>>;
}

export interface RegisterPorts {
  readonly register: RegisterRepository;
  readonly organizations: OrganizationNames;
  /** Names the projects of the entries (issue 19); without it the transcript has no `projects`. */
  readonly projects?: ProjectNames;
  readonly clock: Clock;
}
