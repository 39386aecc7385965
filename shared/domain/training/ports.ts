/**
 * The ports of training. The repository (shared/db/training-repository.ts) keeps every
 * invariant in conditions: one head per module, versions written only from the head as read,
 * the attempt limit on one attempts item per volunteer and module (version-conditioned), and
 * each completion with its `TrainingCompleted` event in one transaction (the outbox).
 */
import type { Clock } from '../../clock.js';
import type { DomainEvent } from '../events.js';
import type { CompletionRecord, TrainingModuleRecord, TrainingVersionRecord } from './schema.js';

/** The attempts of one volunteer on one module inside the rolling window, and the item's sequence. */
export interface AttemptLog {
  readonly times: readonly string[];
  /** 0 when no attempt was ever recorded; the write is conditioned on it. */
  readonly seq: number;
}

export interface AttemptWrite {
  readonly volunteerId: string;
  readonly trainingId: string;
  readonly seen: number;
  /** The attempt times to keep (the recent ones plus this attempt's). */
  readonly times: readonly string[];
  readonly attempt: { readonly id: string; readonly at: string; readonly version: number; readonly score: number; readonly passed: boolean; readonly answers: readonly number[] };
  readonly completion?: CompletionRecord;
  readonly event?: DomainEvent;
}

export interface TrainingRepository {
  /** The head and version 1. @throws TrainingIdTakenError */
  create(head: TrainingModuleRecord, version: TrainingVersionRecord): Promise<void>;
  get(id: string): Promise<TrainingModuleRecord | undefined>;
  version(id: string, version: number): Promise<TrainingVersionRecord | undefined>;
  /**
   * Writes `version` (a new one, or the draft replaced in place) and the head `next`, conditioned
   * on the head still being `seen`. @throws TrainingChangedError
   */
  saveVersion(seen: TrainingModuleRecord, next: TrainingModuleRecord, version: TrainingVersionRecord): Promise<void>;
  attempts(volunteerId: string, trainingId: string): Promise<AttemptLog>;
  /** @returns false when the attempts item moved since it was read (re-read and decide again). */
  recordAttempt(write: AttemptWrite): Promise<boolean>;
  /** A manager's confirmation of a practical module, with its event. */
  recordCompletion(completion: CompletionRecord, event: DomainEvent): Promise<void>;
  /** The volunteer's completions: of the given modules, or all of them. */
  completions(volunteerId: string, trainingIds?: readonly string[]): Promise<CompletionRecord[]>;
}

export interface TrainingDeps {
  readonly repo: TrainingRepository;
  readonly clock: Clock;
  readonly ids: () => string;
}

/**
 * What other areas ask of training (applications at apply and screening, attendance at
 * check-in): the volunteer's completions of some modules. `missingTrainings` (gate.ts) turns
 * it into the modules missing at a given time.
 */
export interface TrainingCompletions {
  completions(volunteerId: string, trainingIds: readonly string[]): Promise<readonly Pick<CompletionRecord, 'trainingId' | 'validUntil'>[]>;
}
