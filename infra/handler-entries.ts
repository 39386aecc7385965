/**
 * Every deployed handler module: one Lambda per distinct entry of the route, schedule, consumer
 * and workflow registries (the lists the CDK app reads), and the MatchingRun workflow, which its
 * own construct deploys (Distributed Map). The bundle benchmark and the bundling test walk the
 * same list.
 */
import { consumers } from '../functions/consumers/index.js';
import { operations } from '../functions/http/routes.js';
import { schedules } from '../functions/schedules/index.js';
import { workflows } from '../functions/workflows/index.js';
import { matchingRun } from '../functions/workflows/matching-run/definition.js';

export interface HandlerEntry {
  readonly entry: string;
  readonly kind: string;
}

export const handlerEntries = (): HandlerEntry[] => {
  const all = [
    ...operations.map((r) => ({ entry: r.entry, kind: 'http' })),
    ...schedules.map((s) => ({ entry: s.entry, kind: 'schedule' })),
    ...consumers.map((c) => ({ entry: c.entry, kind: 'consumer' })),
    ...[...workflows, matchingRun].flatMap((w) => Object.values(w.tasks).map((task) => ({ entry: task.entry, kind: `workflow ${w.name}` }))),
  ];
  return [...new Map(all.map((e) => [e.entry, e])).values()].sort((a, b) => a.entry.localeCompare(b.entry));
};
