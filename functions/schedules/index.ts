/** Every scheduled job of the platform (see definition.ts). Areas add theirs here. */
import type { ScheduleDefinition } from './definition.js';

export const schedules: readonly ScheduleDefinition[] = [
  {
    name: 'reminders',
    id: 'Reminders',
    description: 'shift reminders 24 h and 2 h before, quiet-hours SMS that are due, nudges about pending applications',
    expression: 'rate(15 minutes)',
    timezone: 'Asia/Riyadh',
    entry: 'functions/schedules/reminders.ts',
    needs: ['table:read', 'table:write', 'email', 'sms', 'events'],
    timeout: 600,
    memorySize: 1024,
  },
];
