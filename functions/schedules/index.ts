/** Every scheduled job of the platform (see definition.ts). Areas add theirs here. */
import { defineSchedule, type ScheduleDefinition } from './definition.js';
import { PLATFORM_TIME_ZONE } from '../../shared/domain/time.js';

export const remindersSchedule = /* @__PURE__ */ defineSchedule({
  name: 'reminders',
  id: 'Reminders',
  description: 'shift reminders 24 h and 2 h before, quiet-hours SMS that are due, nudges about pending applications',
  expression: 'rate(15 minutes)',
  timezone: PLATFORM_TIME_ZONE,
  entry: 'functions/schedules/reminders.ts',
  needs: ['table:read', 'table:write', 'notify', 'events'],
  timeout: 600,
  memorySize: 1024,
});

/**
 * `awards` (daily, 09:00 Riyadh): badges for the volunteers whose standing changed, and — on
 * the first run of a month — the volunteer of the month of each organisation for the month
 * that ended, then the region and national honours (HonourNomination workflows: the ministry
 * chooses, else the rule after 10 days). Conditional writes make every rerun a no-op.
 */
export const awardsSchedule = /* @__PURE__ */ defineSchedule({
  name: 'awards',
  id: 'Awards',
  description: 'daily milestones (badges) from change markers',
  expression: 'cron(0 9 * * ? *)',
  timezone: PLATFORM_TIME_ZONE,
  entry: 'functions/schedules/awards.ts',
  needs: ['table:read', 'table:write', 'notify', 'events', 'signing'],
  timeout: 900,
  memorySize: 1024,
});

/** Daily like the badges, for the month that ended: the first run of a month awards it, the others find it done. */
export const monthlyAwardsSchedule = /* @__PURE__ */ defineSchedule({
  name: 'monthly-awards',
  id: 'MonthlyAwards',
  description: 'volunteer of the month per organisation for the month that ended, then the region and national honours (HonourNomination)',
  expression: 'cron(5 9 * * ? *)',
  timezone: PLATFORM_TIME_ZONE,
  entry: 'functions/schedules/monthly-awards.ts',
  needs: ['table:read', 'table:write', 'notify', 'events', 'workflow:HonourNomination'],
  timeout: 900,
  memorySize: 1024,
});

export const trainingExpirySchedule = /* @__PURE__ */ defineSchedule({
  name: 'training-expiry',
  id: 'TrainingExpiry',
  description: 'daily: reminds volunteers 30 and 7 days before a training completion expires when an upcoming approved seat needs it (once per completion and step)',
  expression: 'cron(0 9 * * ? *)',
  timezone: PLATFORM_TIME_ZONE,
  entry: 'functions/schedules/training-expiry.ts',
  needs: ['table:read', 'table:write', 'notify', 'events'],
  timeout: 900,
  memorySize: 512,
});

/** `manager-certifications` (daily, 08:00 Riyadh, issue 11): expiry reminders 30 days before; lapsed certifications leave the organisation's certified set. */
export const managerCertificationsSchedule = /* @__PURE__ */ defineSchedule({
  name: 'manager-certifications',
  id: 'ManagerCertifications',
  description: "daily: reminds volunteer managers 30 days before their certification expires; expired certifications leave their organisation's certified set (OrganizationCertifiedManagerChanged)",
  expression: 'cron(0 8 * * ? *)',
  timezone: PLATFORM_TIME_ZONE,
  entry: 'functions/schedules/manager-certifications.ts',
  needs: ['table:read', 'table:write', 'notify', 'events'],
  timeout: 300,
});

export const matchingSchedule = /* @__PURE__ */ defineSchedule({
  name: 'matching',
  id: 'Matching',
  description: 'matches new or changed opportunities and volunteers (change markers), invites the top volunteers of new opportunities',
  expression: 'cron(0 * * * ? *)',
  timezone: PLATFORM_TIME_ZONE,
  entry: 'functions/schedules/matching.ts',
  needs: ['table:read', 'table:write', 'notify', 'events'],
  timeout: 900,
  memorySize: 1024,
});

export const matchingRunSchedule = /* @__PURE__ */ defineSchedule({
  name: 'matching-run',
  id: 'MatchingRun',
  description: 'weekly national re-match: starts the MatchingRun Distributed Map over every volunteer shard (in-process locally)',
  expression: 'cron(0 2 ? * FRI *)',
  timezone: PLATFORM_TIME_ZONE,
  entry: 'functions/workflows/matching-run/start-run.ts',
  needs: ['table:read', 'table:write', 'workflow:MatchingRun'],
  timeout: 900,
  memorySize: 1024,
});

/**
 * `attendance-close` (hourly, Asia/Riyadh): closes check-ins still open 2 h after their shift
 * ended (credited to the end, flagged auto-closed), and turns approved seats with neither a
 * check-in nor a roster entry 24 h after the end into no-shows (the volunteer is told, with a
 * way to dispute). Every change is conditional, so a rerun changes nothing.
 */
export const attendanceCloseSchedule = /* @__PURE__ */ defineSchedule({
  name: 'attendance-close',
  id: 'AttendanceClose',
  description: 'closes forgotten check-outs 2 h after the shift end (auto-closed) and records no-shows 24 h after the end',
  expression: 'cron(5 * * * ? *)',
  timezone: PLATFORM_TIME_ZONE,
  entry: 'functions/schedules/attendance-close.ts',
  needs: ['table:read', 'table:write', 'workflow:HoursVerification'],
  timeout: 900,
  memorySize: 1024,
});

export const evaluationsSchedule = /* @__PURE__ */ defineSchedule({
  name: 'evaluations',
  id: 'Evaluations',
  description: 'daily: the day after a shift, invites each attendee to rate the experience and sends the managers a digest to rate the attendees (once per shift and recipient)',
  expression: 'cron(0 10 * * ? *)',
  timezone: PLATFORM_TIME_ZONE,
  entry: 'functions/schedules/evaluations.ts',
  needs: ['table:read', 'table:write', 'notify', 'events'],
  timeout: 900,
  memorySize: 512,
});

/** The monthly impact run (issue 16): last month's snapshot, organisation and ministry reports. */
export const impactSchedule = /* @__PURE__ */ defineSchedule({
  name: 'impact',
  id: 'Impact',
  description: "freezes last month's impact snapshot and emails each organisation its monthly impact and the ministry the national report (once each)",
  expression: 'cron(0 8 1 * ? *)',
  timezone: PLATFORM_TIME_ZONE,
  entry: 'functions/schedules/impact.ts',
  needs: ['table:read', 'table:write', 'notify'],
  timeout: 900,
  memorySize: 1024,
});

/** Daily reconciliation of the impact aggregates against the ledger (metric ImpactAggregateDrift). */
export const impactReconcileSchedule = /* @__PURE__ */ defineSchedule({
  name: 'impact-reconcile',
  id: 'ImpactReconcile',
  description: 'recounts a random sample of organisation-months from the ledger and reports drift of the impact aggregates (metric ImpactAggregateDrift)',
  expression: 'cron(30 3 * * ? *)',
  timezone: PLATFORM_TIME_ZONE,
  entry: 'functions/schedules/impact-reconcile.ts',
  needs: ['table:read'],
  timeout: 300,
  memorySize: 512,
});

/** `team-seats` (every 15 minutes, issue 15): team seats no employee claimed go back to their shift 48 h before it starts. */
export const teamSeatsSchedule = /* @__PURE__ */ defineSchedule({
  name: 'team-seats',
  id: 'TeamSeats',
  description: 'gives the team seats no employee claimed back to their shift 48 h before it starts (release index by time, no Scan)',
  expression: 'rate(15 minutes)',
  timezone: PLATFORM_TIME_ZONE,
  entry: 'functions/schedules/team-seats.ts',
  needs: ['table:read', 'table:write'],
  timeout: 300,
});

export const schedules: readonly ScheduleDefinition[] = [
  remindersSchedule,
  attendanceCloseSchedule,
  matchingSchedule,
  matchingRunSchedule,
  awardsSchedule,
  monthlyAwardsSchedule,
  trainingExpirySchedule,
  managerCertificationsSchedule,
  evaluationsSchedule,
  impactSchedule,
  impactReconcileSchedule,
  teamSeatsSchedule,
];
