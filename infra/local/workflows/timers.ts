/**
 * Timers of the local workflow runner. Waiting never blocks: a waiting execution is a pending
 * promise and its timers are unref'd (including the library's own task timer), so a process
 * with a week-long wait still exits when its work is done. Node timers stop at 24.8 days, so a
 * longer delay is slept in steps.
 */

/** setTimeout's ceiling (2^31-1 ms): a longer delay would fire at once. */
export const MAX_TIMER_SECONDS = 2_147_483;

type SetTimeout = typeof setTimeout;
const unrefing =
  (create: SetTimeout): SetTimeout =>
  ((...args: Parameters<SetTimeout>) => {
    const timer = create(...args);
    (timer as { unref?: () => void } | undefined)?.unref?.();
    return timer;
  }) as SetTimeout;

/**
 * aws-local-stepfunctions arms a plain setTimeout for every Task (its TimeoutSeconds) and for
 * the execution's TimeoutSeconds, and gives no way to unref it: a week-long wait would keep
 * the process alive for a week. Both timers are created synchronously, the first inside
 * `run()`, the others right after the task override returns (same tick), so the runner unrefs
 * the timers created inside `run()` and the next timer created after each override call.
 */
export const unrefTimersCreatedBy = <T>(fn: () => T): T => {
  const original = globalThis.setTimeout;
  globalThis.setTimeout = unrefing(original);
  try {
    return fn();
  } finally {
    globalThis.setTimeout = original;
  }
};

export const unrefNextTimer = (): void => {
  const previous = globalThis.setTimeout;
  const oneShot = ((...args: Parameters<SetTimeout>) => {
    globalThis.setTimeout = previous;
    return unrefing(previous)(...args);
  }) as SetTimeout;
  globalThis.setTimeout = oneShot;
  // Should the library stop creating that timer, put setTimeout back before anything else runs.
  queueMicrotask(() => {
    if (globalThis.setTimeout === oneShot) globalThis.setTimeout = previous;
  });
};

export class RunnerStoppedError extends Error {
  override readonly name = 'LocalRunner.Stopped';
}

/** Unref'd, abortable, longer than setTimeout's ceiling if need be. */
export const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolvePromise, reject) => {
    if (signal.aborted) return reject(new RunnerStoppedError('execution aborted'));
    let timer: NodeJS.Timeout;
    const step = (remaining: number) => {
      timer = setTimeout(() => (remaining > MAX_TIMER_SECONDS * 1000 ? step(remaining - MAX_TIMER_SECONDS * 1000) : done()), Math.min(remaining, MAX_TIMER_SECONDS * 1000));
      timer.unref();
    };
    const onAbort = () => {
      clearTimeout(timer);
      reject(new RunnerStoppedError('execution aborted'));
    };
    const done = () => {
      signal.removeEventListener('abort', onAbort);
      resolvePromise();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    step(Math.max(0, ms));
  });
