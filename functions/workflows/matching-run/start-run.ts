/**
 * The `matching-run` schedule (weekly): re-matches the whole country.
 * - Cloud: starts the MatchingRun state machine (Distributed Map over the shards), named after
 *   the scheduled time so that a redelivered schedule does not start a second run.
 * - Local: the local workflow runner has no Distributed Map, so the SAME shard handler runs
 *   in-process over the SAME batches the ItemBatcher would make (`runShardsInProcess`).
 */
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { matchingStorePorts } from './ports.js';
import { allShards } from '../../../shared/domain/matching/adapters.js';
import type { MatchingPorts } from '../../../shared/domain/matching/service.js';
import { env } from '../../../shared/env.js';
import { workflowArnEnvName } from '../../../shared/workflows/definition.js';
import { stepFunctions, type StepFunctions } from '../../../shared/workflows/step-functions.js';
import { job } from '../../../shared/middleware/job.js';
import { matchingRunSchedule } from '../../schedules/index.js';
import { MATCHING_RUN, SHARDS_PER_BATCH, type MatchingRunInput } from './definition.js';
import { matchShardBatch, type ShardBatchSummary } from './match-shard.js';

/** The batches of the Map state: `shards` cut in groups of SHARDS_PER_BATCH, with the BatchInput. */
export const batchesOf = (input: MatchingRunInput) =>
  Array.from({ length: Math.ceil(input.shards.length / SHARDS_PER_BATCH) }, (_, b) => ({
    BatchInput: { runId: input.runId, now: input.now },
    Items: input.shards.slice(b * SHARDS_PER_BATCH, (b + 1) * SHARDS_PER_BATCH).map((shard) => ({ shard })),
  }));

export interface LocalRunSummary {
  readonly runId: string;
  readonly batches: number;
  readonly volunteers: number;
  readonly matches: number;
  readonly itemsWritten: number;
}

export const runShardsInProcess = async (ports: Pick<MatchingPorts, 'store'>, input: MatchingRunInput): Promise<LocalRunSummary> => {
  const results: ShardBatchSummary[] = [];
  for (const batch of batchesOf(input)) results.push(await matchShardBatch(ports, batch));
  return {
    runId: input.runId,
    batches: results.length,
    volunteers: results.reduce((s, r) => s + r.volunteers, 0),
    matches: results.reduce((s, r) => s + r.matches, 0),
    itemsWritten: results.reduce((s, r) => s + r.itemsWritten, 0),
  };
};

export const runInput = (scheduledAt: string): MatchingRunInput => ({
  runId: `matching-${scheduledAt.replace(/[^0-9]/g, '').slice(0, 14)}`,
  now: scheduledAt,
  shards: allShards(),
});

/** StartExecution without the SFN client (issue 17: step-functions.ts), untraced as its client was. */
let sfn: StepFunctions | undefined;

export const handler = job(matchingRunSchedule).handler(async (event): Promise<LocalRunSummary | { runId: string; executionArn: string | undefined }> => {
  const input = runInput(event.scheduledAt);
  if (env.mode === 'local') return runShardsInProcess(matchingStorePorts(), input);
  const stateMachineArn = process.env[workflowArnEnvName(MATCHING_RUN)];
  if (!stateMachineArn) throw new Error(`missing environment variable ${workflowArnEnvName(MATCHING_RUN)}`);
  sfn ??= stepFunctions({ region: env.region, credentials: defaultProvider() }, { traced: false });
  try {
    const started = await sfn.startExecution({ stateMachineArn, name: input.runId, input: JSON.stringify(input) });
    return { runId: input.runId, executionArn: started.executionArn };
  } catch (error) {
    if (error instanceof Error && error.name === 'ExecutionAlreadyExists') return { runId: input.runId, executionArn: undefined };
    throw error;
  }
});
