/**
 * MatchingRun: re-matches the whole country. A Standard state machine whose one Map state is
 * a Step Functions DISTRIBUTED Map over the volunteer shards (the execution input lists them,
 * 0–255), batched four shards per child (ItemBatcher), each batch an EXPRESS child execution
 * that invokes the shard handler (match-shard.ts). Up to 5 % of the children may fail without
 * failing the run (ToleratedFailurePercentage): a failed shard keeps its previous matches and
 * is redone by the next run or by the hourly job as its volunteers change.
 *
 * The workflow engine (shared/workflows/definition.ts) refuses Distributed Map, and its local
 * runner (aws-local-stepfunctions) cannot run one, so this definition is deployed by its own
 * construct (infra/constructs/matching-run.ts: states:StartExecution on itself for the child
 * executions, Describe/StopExecution on them) and is not in functions/workflows/index.ts.
 * Locally, `runShardsInProcess` (start-run.ts) runs the SAME shard handler over the SAME
 * batches in-process; the rest of the definition is still checked by the engine's validator.
 *
 * ## Expected cost and duration for 300,000 volunteers (me-central-1 list prices may differ a little)
 * - Shards: 256 × ~1,170 volunteers; batches: 64 child executions of 4 shards.
 * - Standard transitions: ~6 for the parent + 1 per child (map run) ≈ 70 × $0.000025 ≈ $0.002.
 * - Express children: 64 requests × $0.000001 + duration: 64 × ~(4 × shard time) at 64 MB
 *   ≈ 64 × 40 s × $0.00001667 / GB-s × 0.0625 GB ≈ $0.003.
 * - Lambda: 1,024 MB arm64; per shard ≈ load the open catalogue once per warm container
 *   (10,000 items, ~3 s) + match 1,170 volunteers in memory (~0.1–0.3 s measured by the
 *   benchmark at ~100–250 µs per volunteer) + diffed writes (first run ~20 items per volunteer
 *   through BatchWriteItem: ~1,000 calls, ~10 s; a rerun with unchanged results writes almost
 *   nothing). ≈ 10 s per shard first run → 256 × 10 s × 1 GB = 2,560 GB-s × $0.0000133 ≈ $0.034.
 * - DynamoDB (on demand): the first run writes ~300,000 × (20 ranks + 20 candidate mirrors)
 *   = 12 M write units ≈ $15 (≈ $1.25 per million); later runs only the changed items, usually
 *   a few percent. Reads: 64 × 10,000 catalogue items (~2.5 M read units eventually consistent
 *   ≈ $0.3) + the shards (~300,000 items ≈ 0.1 M units).
 * - Duration: with MaxConcurrency 64 every batch runs at once: ≈ 4 shards × 10 s + start-up
 *   ≈ 1 minute wall time (DynamoDB on-demand write throughput is the real limit: 12 M writes
 *   over a minute needs a table pre-warmed for ~200,000 WCU/s; at the default 40,000 the first
 *   run takes ~5 minutes).
 */
import { LAMBDA_INVOKE, LAMBDA_SERVICE_RETRY, fn, workflowProblems, type WorkflowDefinition } from '../../../shared/workflows/definition.js';

export const MATCHING_RUN = 'MatchingRun';
export const SHARDS_PER_BATCH = 4;
export const MAX_CONCURRENCY = 64;
export const TOLERATED_FAILURE_PERCENTAGE = 5;

export const matchingRun: WorkflowDefinition = {
  name: MATCHING_RUN,
  tasks: {
    MatchShard: { entry: 'functions/workflows/matching-run/match-shard.ts', needs: ['table:read', 'table:write'], timeout: 900, memorySize: 1024 },
  },
  asl: {
    Comment: 'Re-match every volunteer shard against the open opportunities (Distributed Map, Express children).',
    StartAt: 'MatchShards',
    States: {
      MatchShards: {
        Type: 'Map',
        ItemsPath: '$.shards',
        ItemSelector: { 'shard.$': '$$.Map.Item.Value' },
        ItemBatcher: { MaxItemsPerBatch: SHARDS_PER_BATCH, BatchInput: { 'runId.$': '$.runId', 'now.$': '$.now' } },
        MaxConcurrency: MAX_CONCURRENCY,
        ToleratedFailurePercentage: TOLERATED_FAILURE_PERCENTAGE,
        Label: 'MatchShards',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
          StartAt: 'MatchShardBatch',
          States: {
            MatchShardBatch: {
              Type: 'Task',
              Resource: LAMBDA_INVOKE,
              Parameters: { FunctionName: /* @__PURE__ */ fn('MatchShard'), 'Payload.$': '$' },
              OutputPath: '$.Payload',
              Retry: [LAMBDA_SERVICE_RETRY, { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 5, MaxAttempts: 2, BackoffRate: 2 }],
              End: true,
            },
          },
        },
        ResultPath: '$.batches',
        Next: 'Summarise',
      },
      Summarise: {
        Type: 'Pass',
        Parameters: { 'runId.$': '$.runId', 'now.$': '$.now', 'batches.$': 'States.ArrayLength($.batches)' },
        End: true,
      },
    },
  },
};

/** Everything the engine checks, except the Distributed Map it does not support yet (see above). */
const problems = /* @__PURE__ */ workflowProblems(matchingRun).filter((p) => !p.includes('Distributed Map is not supported'));
if (problems.length > 0) throw new Error(`workflow MatchingRun is invalid:\n  - ${problems.join('\n  - ')}`);

/** Execution input: the run's id, its instant and every shard. */
export interface MatchingRunInput {
  readonly runId: string;
  readonly now: string;
  readonly shards: readonly number[];
}
