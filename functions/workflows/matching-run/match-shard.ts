/**
 * MatchingRun's child task: one ItemBatcher batch `{ BatchInput: { runId, now }, Items: [{ shard }] }`.
 * Every volunteer of each shard gets their matches recomputed against the open opportunities
 * and written back (deterministic keys, diffed writes: a retried or rerun batch overwrites the
 * same items with the same values). The in-memory index of open opportunities is built once
 * per run and warm container, and shared by the batches it serves.
 */
import * as z from '../../../shared/zod.js';
import { matchingStorePorts } from './ports.js';
import type { OpportunityIndex } from '../../../shared/domain/matching/matcher.js';
import { loadIndex, matchShard, type MatchingPorts } from '../../../shared/domain/matching/service.js';
import { SHARD_COUNT } from '../../../shared/domain/matching/adapters.js';
import { task } from '../../../shared/middleware/task.js';

export const ShardBatch = /* @__PURE__ */ z.object({
  BatchInput: /* @__PURE__ */ z.object({ runId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)), now: /* @__PURE__ */ z.iso.datetime({ offset: true }) }),
  Items: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ shard: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(SHARD_COUNT - 1)) })).check(/* @__PURE__ */ z.minLength(1)),
});
export type ShardBatch = z.infer<typeof ShardBatch>;

export interface ShardBatchSummary {
  readonly runId: string;
  readonly shards: number[];
  readonly volunteers: number;
  readonly matches: number;
  readonly itemsWritten: number;
  readonly ms: number;
}

let cached: { runId: string; index: Promise<OpportunityIndex> } | undefined;

/** The batch's work, with its ports: what the Lambda and the local run both call. */
export const matchShardBatch = async (ports: Pick<MatchingPorts, 'store'>, batch: ShardBatch): Promise<ShardBatchSummary> => {
  const started = Date.now();
  const { runId, now } = batch.BatchInput;
  if (cached?.runId !== runId) cached = { runId, index: loadIndex(ports, new Date(now)) };
  const index = await cached.index;
  const summary = { runId, shards: [] as number[], volunteers: 0, matches: 0, itemsWritten: 0, ms: 0 };
  for (const { shard } of batch.Items) {
    const result = await matchShard(ports, index, shard);
    summary.shards.push(shard);
    summary.volunteers += result.volunteers;
    summary.matches += result.matches;
    summary.itemsWritten += result.itemsWritten;
  }
  return { ...summary, ms: Date.now() - started };
};

export const handler = task(ShardBatch, async (batch) => matchShardBatch(matchingStorePorts(), batch));
