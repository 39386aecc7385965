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

export interface RegisterPorts {
  readonly register: RegisterRepository;
  readonly organizations: OrganizationNames;
  readonly clock: Clock;
}
