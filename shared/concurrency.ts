/** Runs `run` over `items`, at most `concurrency` at a time (pure: no I/O of its own). */
export const inParallel = async <T>(items: readonly T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
};
