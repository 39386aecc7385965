/** National targets: set by a ministry-admin with the day they apply from; every version is kept. */
import type { Clock } from '../../clock.js';
import { requireGroup, type Caller } from '../caller.js';
import type { TargetStore } from './ports.js';
import type { NationalTarget, PutTargets } from './schema.js';

export const putTargets = async (deps: { targets: TargetStore; clock: Clock }, caller: Caller, input: PutTargets): Promise<{ items: NationalTarget[] }> => {
  requireGroup(caller, 'ministry-admin');
  const base = deps.clock.now().getTime();
  // One timestamp per target (a millisecond apart) keeps two targets of one request distinct in the history.
  for (const [i, target] of input.targets.entries()) {
    await deps.targets.put({ ...target, setBy: caller.sub, setAt: new Date(base + i).toISOString() });
  }
  return { items: await deps.targets.history() };
};

export const targetHistory = async (deps: { targets: TargetStore }, caller: Caller): Promise<{ items: NationalTarget[] }> => {
  requireGroup(caller, 'ministry-reviewer', 'ministry-admin');
  return { items: await deps.targets.history() };
};
