/** Every event consumer of the platform (see definition.ts). Areas add theirs here. */
import type { ConsumerDefinition } from './definition.js';

export const consumers: readonly ConsumerDefinition[] = [];
