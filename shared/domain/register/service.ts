/**
 * The register: record the hours events in the ledger (idempotent on the event id) and
 * answer the transcript from the running totals (never a recount on read).
 */
import type { Caller } from '../caller.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { approvalEntry, reversalEntry, sortTotals, toSar, type HoursApprovedFacts, type HoursReversedFacts } from './ledger.js';
import type { ProjectSummary, RegisterPorts } from './ports.js';
import { TranscriptCursor, type LedgerEntry, type TotalRow, type Transcript } from './schema.js';

export const recordApproval = (ports: Pick<RegisterPorts, 'register' | 'clock'>, eventId: string, detail: HoursApprovedFacts) =>
  ports.register.record(approvalEntry(eventId, detail, ports.clock.now()));

export const recordReversal = (ports: Pick<RegisterPorts, 'register' | 'clock'>, eventId: string, detail: HoursReversedFacts) =>
  ports.register.record(reversalEntry(eventId, detail, ports.clock.now()));

const sum = (row: TotalRow) => ({ minutes: row.minutes, valueSar: toSar(row.valueHalalas) });

export const entryView = (entry: LedgerEntry) => ({
  id: entry.eventId,
  kind: entry.kind,
  hoursId: entry.hoursId,
  ...(entry.reversalId && { reversalId: entry.reversalId }),
  orgId: entry.orgId,
  opportunityId: entry.opportunityId,
  date: entry.date,
  minutes: entry.minutes,
  valueSar: toSar(entry.valueHalalas),
  track: entry.track,
  causes: entry.causes,
  at: entry.at,
});

/** The caller's transcript: the totals (every page) and one page of entries, newest first. */
export const transcript = async (
  ports: RegisterPorts,
  caller: Caller,
  query: { limit: number; cursor?: string | undefined },
): Promise<Transcript> => {
  const after = query.cursor ? decodeCursor(query.cursor, TranscriptCursor).after : undefined;
  const [rows, page] = await Promise.all([ports.register.totals(caller.sub), ports.register.page(caller.sub, query.limit, after)]);
  const sorted = sortTotals(rows);
  const of = (dimension: TotalRow['dimension']) => sorted.filter((row) => row.dimension === dimension);
  const orgRows = of('org');
  const names = orgRows.length > 0 ? await ports.organizations.names(orgRows.map((row) => row.value)) : new Map();
  const all = of('all')[0];
  const perOpportunity = new Map<string, number>();
  for (const entry of page.entries) perOpportunity.set(entry.opportunityId, (perOpportunity.get(entry.opportunityId) ?? 0) + entry.minutes);
  const projects = ports.projects && perOpportunity.size > 0 ? await ports.projects.projects([...perOpportunity.keys()]) : new Map<string, ProjectSummary>();
  return {
    totalMinutes: all?.minutes ?? 0,
    totalValueSar: toSar(all?.valueHalalas ?? 0),
    byOrganization: orgRows.map((row) => ({ orgId: row.value, ...names.get(row.value), ...sum(row) })),
    byYear: of('year').map((row) => ({ year: row.value, ...sum(row) })),
    byCause: of('cause').map((row) => ({ cause: row.value, ...sum(row) })),
    byTrack: of('track').map((row) => ({ track: row.value as LedgerEntry['track'], ...sum(row) })),
    entries: page.entries.map(entryView),
    ...(projects.size > 0 && {
      projects: [...projects.values()].map((p) => ({
        opportunityId: p.opportunityId,
        titleAr: p.titleAr,
        titleEn: p.titleEn,
        minutes: perOpportunity.get(p.opportunityId) ?? 0,
        deliverables: p.deliverables.map((d) => ({ id: d.id, titleAr: d.titleAr, titleEn: d.titleEn, ...(d.confirmedAt && { confirmedAt: d.confirmedAt }) })),
      })),
    }),
    ...(page.after && { nextCursor: encodeCursor({ after: page.after }) }),
  };
};
