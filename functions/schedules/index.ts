/** Every scheduled job of the platform (see definition.ts). Areas add theirs here. */
import { defineSchedule, type ScheduleDefinition } from './definition.js';
import { PLATFORM_TIME_ZONE } from '../../shared/domain/time.js';

export const remindersSchedule = defineSchedule({
  name: 'reminders',
  id: 'Reminders',
  description: 'shift reminders 24 h and 2 h before, quiet-hours SMS that are due, nudges about pending applications',
  expression: 'rate(15 minutes)',
  timezone: PLATFORM_TIME_ZONE,
  entry: 'functions/schedules/reminders.ts',
  needs: ['table:read', 'table:write', 'email', 'sms', 'events'],
  timeout: 600,
  memorySize: 1024,
});

export const schedules: readonly ScheduleDefinition[] = [
  remindersSchedule,
  {
    name: 'matching',
    id: 'Matching',
    description: 'matches new or changed opportunities and volunteers (change markers), invites the top volunteers of new opportunities',
    expression: 'cron(0 * * * ? *)',
    timezone: PLATFORM_TIME_ZONE,
    entry: 'functions/schedules/matching.ts',
    needs: ['table:read', 'table:write', 'email', 'sms', 'events'],
    timeout: 900,
    memorySize: 1024,
  },
  {
    name: 'matching-run',
    id: 'MatchingRun',
    description: 'weekly national re-match: starts the MatchingRun Distributed Map over every volunteer shard (in-process locally)',
    expression: 'cron(0 2 ? * FRI *)',
    timezone: PLATFORM_TIME_ZONE,
    entry: 'functions/workflows/matching-run/start-run.ts',
    needs: ['table:read', 'table:write', 'workflow:MatchingRun'],
    timeout: 900,
    memorySize: 1024,
  },
];
