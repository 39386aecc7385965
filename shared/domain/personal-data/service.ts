/**
 * The right to a copy (Saudi PDPL, issue 18): everything held about the caller, as JSON or as
 * CSV files (one per section, zipped by the handler). Pure: the reader port gathers the items
 * by access pattern; this decides what a copy shows:
 * - fields that identify other people (who decided, who rated, who confirmed) and internal
 *   handles (workflow task tokens, leases) are removed, at any depth;
 * - the national ID only masked (its keyed hash is useless to the holder and stays out).
 */
import { toCsv } from '../impact/csv.js';
import { NothingHeldError } from './errors.js';
import type { HeldData, PersonalDataPorts, Row } from './ports.js';
import { EXPORT_SECTIONS, type PersonalDataExport } from './schema.js';

/** Fields naming another person, or internal handles: never in someone's copy. */
export const OTHERS_FIELDS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'by',
  'decidedBy',
  'approvedBy',
  'rejectedBy',
  'reversedBy',
  'revokedBy',
  'confirmedBy',
  'recordedBy',
  'endedBy',
  'setBy',
  'createdBy',
  'reviewer',
  'reviewerId',
  'managerId',
  'managerSub',
  'taskToken',
  'leaseUntil',
  'providerMessageId',
  'nationalIdHash',
  'codeHash',
  'revision',
]);

const redact = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !OTHERS_FIELDS.has(key)).map(([key, inner]) => [key, redact(inner)]));
};
const rows = (items: readonly Row[]): Row[] => items.map((item) => redact(item) as Row);

/** How many records a copy holds (the profile counts as one). */
export const heldCount = (held: HeldData): number =>
  1 + EXPORT_SECTIONS.reduce((sum, section) => sum + held[section].length, 0) + Object.values(held.other).reduce((sum, list) => sum + list.length, 0);

export const toExport = (volunteerId: string, held: HeldData, now: Date): PersonalDataExport => {
  if (!held.profile) throw new NothingHeldError();
  const sections = Object.fromEntries(EXPORT_SECTIONS.map((section) => [section, rows(held[section])])) as Pick<PersonalDataExport, (typeof EXPORT_SECTIONS)[number]>;
  return {
    volunteerId,
    generatedAt: now.toISOString(),
    profile: redact(held.profile) as Row,
    ...sections,
    other: Object.fromEntries(Object.entries(held.other).map(([entity, list]) => [entity, rows(list)])),
  };
};

/** Everything held about the caller. @throws NothingHeldError when no profile is held. */
export const exportPersonalData = async (ports: PersonalDataPorts, volunteerId: string): Promise<PersonalDataExport> =>
  toExport(volunteerId, await ports.reader.held(volunteerId), ports.clock.now());

const flatten = (row: Row): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'object' && value !== null ? JSON.stringify(value) : value]));

/** One CSV of records: the union of their fields as columns (nested values as JSON). */
export const rowsCsv = (list: readonly Row[]): string => {
  const flat = list.map(flatten);
  const columns = [...new Set(flat.flatMap((row) => Object.keys(row)))];
  return toCsv(columns, flat.map((row) => columns.map((column) => row[column])));
};

/** The files of the ZIP copy: the profile, one CSV per section and per other kind of item, and the whole as JSON. */
export const exportFiles = (copy: PersonalDataExport): { name: string; content: string }[] => [
  { name: 'profile.csv', content: rowsCsv([copy.profile]) },
  ...EXPORT_SECTIONS.map((section) => ({ name: `${section}.csv`, content: rowsCsv(copy[section]) })),
  ...Object.entries(copy.other).map(([entity, list]) => ({ name: `other/${entity}.csv`, content: rowsCsv(list) })),
  { name: 'export.json', content: JSON.stringify(copy, null, 2) },
];
