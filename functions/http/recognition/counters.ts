/**
 * The recognition ports of the counting consumers (hours, training): the store and the
 * volunteers' profiles (shown names, ratings), without the notifier, workflow client or signer
 * of ports.ts (issue 17).
 */
import { recognitionProfiles } from '../../../shared/db/recognition-profiles.js';
import type { RecognitionCounters } from '../../../shared/domain/recognition/ports.js';
import { recognitionStore } from './store.js';

export const recognitionCounters = (): RecognitionCounters => ({ ...recognitionStore(), volunteers: recognitionProfiles() });
