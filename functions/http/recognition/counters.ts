/**
 * The recognition ports of the counting consumers (hours, training): the store and the
 * volunteers' profiles (shown names, ratings), without the notifier, workflow client or signer
 * of ports.ts (issue 17).
 */
import { recognitionProfiles } from '../../../shared/db/recognition-profiles.js';
import { recognitionHoursStore } from '../../../shared/db/recognition-repository.js';
import type { RecognitionCounters, RecognitionHoursCounters } from '../../../shared/domain/recognition/ports.js';
import { recognitionStore } from './store.js';

export const recognitionCounters = (): RecognitionCounters => ({ ...recognitionStore(), volunteers: recognitionProfiles() });

/** Counting approved and reversed hours: the hours part of the repository and the profiles only (issue 17). */
export const recognitionHoursCounters = (): RecognitionHoursCounters => ({ repo: recognitionHoursStore(), volunteers: recognitionProfiles() });
