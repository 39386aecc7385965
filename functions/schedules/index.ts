/** Every scheduled job of the platform (see definition.ts). Areas add theirs here. */
import type { ScheduleDefinition } from './definition.js';

export const schedules: readonly ScheduleDefinition[] = [];
