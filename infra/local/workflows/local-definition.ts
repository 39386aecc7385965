/**
 * The copy of a workflow definition the local runner gives aws-local-stepfunctions: timeouts
 * and retry intervals scaled by `timeScale` (so a 7-day timeout can take 0.6 s in a test),
 * HeartbeatSeconds folded into the timeout (no heartbeats are sent locally), every task given
 * an explicit timeout (the library's default is 60 s, the cloud has none), Wait states turned
 * into runner-owned tasks (scaled, unref'd, resumable after a restart).
 */
import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { allStates, type AslObject } from '../../../shared/workflows/definition.js';
import { MAX_TIMER_SECONDS } from './timers.js';

export const WAIT_RESOURCE = 'arn:aws:states:::local:wait';

export const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
export const isObject = (value: unknown): value is AslObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const scaled = (seconds: number, timeScale: number): number => Math.min(Math.max(seconds * timeScale, 0.001), MAX_TIMER_SECONDS);

/** Local timeout of a task state, in seconds (already scaled), or undefined for none. */
export const taskTimeout = (state: AslObject, timeScale: number): number | undefined => {
  const limits = [state.TimeoutSeconds, state.HeartbeatSeconds].filter((v): v is number => typeof v === 'number');
  return limits.length ? scaled(Math.min(...limits), timeScale) : undefined;
};

export const localDefinition = (asl: AslObject, timeScale: number): StateMachineDefinition => {
  const copy = clone(asl);
  if (typeof copy.TimeoutSeconds === 'number') copy.TimeoutSeconds = scaled(copy.TimeoutSeconds, timeScale);
  for (const { state } of allStates(copy)) {
    if (Array.isArray(state.Retry)) {
      for (const retrier of state.Retry.filter(isObject)) {
        retrier.IntervalSeconds = ((retrier.IntervalSeconds as number | undefined) ?? 1) * timeScale;
        if (typeof retrier.MaxDelaySeconds === 'number') retrier.MaxDelaySeconds *= timeScale;
      }
    }
    if (state.Type === 'Task') {
      state.TimeoutSeconds = taskTimeout(state, timeScale) ?? MAX_TIMER_SECONDS;
      delete state.HeartbeatSeconds;
    } else if (state.Type === 'Wait') {
      const { Seconds, SecondsPath, Timestamp, TimestampPath } = state;
      for (const key of ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath']) delete state[key];
      Object.assign(state, {
        Type: 'Task',
        Resource: WAIT_RESOURCE,
        Parameters: {
          'input.$': '$',
          ...(Seconds !== undefined && { seconds: Seconds }),
          ...(SecondsPath !== undefined && { 'seconds.$': SecondsPath }),
          ...(Timestamp !== undefined && { timestamp: Timestamp }),
          ...(TimestampPath !== undefined && { 'timestamp.$': TimestampPath }),
        },
        TimeoutSeconds: MAX_TIMER_SECONDS,
      });
    }
  }
  return copy as unknown as StateMachineDefinition;
};

/**
 * The local definition of an execution resumed after a restart: it starts at the state the
 * execution was in, that state keeps what is left of its timeout (a deadline that passed while
 * the platform was down fires at once), and so does the execution's own TimeoutSeconds.
 */
export const resumedDefinition = (
  local: StateMachineDefinition,
  startAt: string,
  remaining: { readonly stateSeconds?: number; readonly executionSeconds?: number },
): StateMachineDefinition => {
  const copy = clone(local) as unknown as AslObject & { States: Record<string, AslObject> };
  copy.StartAt = startAt;
  // The library treats a zero timeout as "none" (60 s): the smallest it honours is 1 ms.
  if (remaining.stateSeconds !== undefined) copy.States[startAt]!.TimeoutSeconds = Math.min(Math.max(remaining.stateSeconds, 0.001), MAX_TIMER_SECONDS);
  if (remaining.executionSeconds !== undefined) copy.TimeoutSeconds = Math.min(Math.max(remaining.executionSeconds, 0.001), MAX_TIMER_SECONDS);
  return copy as unknown as StateMachineDefinition;
};
