/**
 * Ports of the personal-data area. `HeldData` is what a volunteer's partitions and indexes hold,
 * already grouped by kind; the service decides what a copy shows and removes what identifies
 * other people.
 */
import type { Clock } from '../../clock.js';

export type Row = Record<string, unknown>;

export interface HeldData {
  readonly profile?: Row;
  readonly consentHistory: readonly Row[];
  readonly charterAcceptances: readonly Row[];
  readonly applications: readonly Row[];
  readonly hours: readonly Row[];
  readonly register: readonly Row[];
  readonly certificates: readonly Row[];
  readonly badges: readonly Row[];
  readonly points: readonly Row[];
  readonly trainings: readonly Row[];
  readonly evaluationsGiven: readonly Row[];
  readonly evaluationsReceived: readonly Row[];
  readonly messages: readonly Row[];
  /** Company employment: membership, employee records (work email), join codes, programme participations, time-off balances. */
  readonly companies: readonly Row[];
  /** Everything else, by entity name. */
  readonly other: Readonly<Record<string, readonly Row[]>>;
}

export interface PersonalDataReader {
  /** Everything held about the volunteer, read by access pattern (their partitions and index entries). */
  held(volunteerId: string): Promise<HeldData>;
}

export interface PersonalDataPorts {
  readonly reader: PersonalDataReader;
  readonly clock: Clock;
}
