/** Every event consumer of the platform (see definition.ts). Areas add theirs here. */
import { defineConsumer, type ConsumerDefinition } from './definition.js';

export const assignVolunteerGroup = defineConsumer({
  id: 'AssignVolunteerGroup',
  events: ['VolunteerRegistered'],
  entry: 'functions/consumers/assign-volunteer-group.ts',
  needs: ['cognito'],
});

export const notifyOpportunityClosed = defineConsumer({
  id: 'NotifyOpportunityClosed',
  events: ['OpportunityClosed'],
  entry: 'functions/consumers/notify-opportunity-closed.ts',
  needs: ['table:read', 'table:write', 'email', 'sms', 'events'],
  timeout: 300,
});

/** HoursApproved / HoursReversed → the volunteer's national register (ledger + running totals); a reversal revokes the certificates built on those hours. */
export const registerHours = defineConsumer({
  id: 'RegisterHours',
  events: ['HoursApproved', 'HoursReversed'],
  entry: 'functions/consumers/register-hours.ts',
  needs: ['table:read', 'table:write'],
});

/** Application events → the volunteer is told (email, SMS for decisions); a decision left waiting nudges the managers. */
export const notifyApplications = defineConsumer({
  id: 'NotifyApplications',
  events: [
    'ApplicationSubmitted',
    'ApplicationApproved',
    'ApplicationRejected',
    'ApplicationWaitlisted',
    'ApplicationPromoted',
    'ApplicationWithdrawn',
    'ApplicationExpired',
    'ApplicationPendingDecision',
  ],
  entry: 'functions/consumers/notify-applications.ts',
  needs: ['table:read', 'table:write', 'email', 'sms', 'events'],
});

/** A volunteer registered or changed their profile → their matching index items and a change marker. */
export const matchingIndexVolunteers = defineConsumer({
  id: 'MatchingIndexVolunteers',
  events: ['VolunteerRegistered', 'VolunteerProfileUpdated'],
  entry: 'functions/consumers/matching-volunteers.ts',
  needs: ['table:read', 'table:write'],
});

/** An opportunity was published or closed → the open-opportunity catalogue and its candidates. */
export const matchingIndexOpportunities = defineConsumer({
  id: 'MatchingIndexOpportunities',
  events: ['OpportunityPublished', 'OpportunityClosed'],
  entry: 'functions/consumers/matching-opportunities.ts',
  needs: ['table:read', 'table:write'],
  timeout: 120,
});

/** HoursApproved / HoursReversed → recognition: points, leaderboards, the change marker the daily awards run reads. */
export const recognitionHours = defineConsumer({
  id: 'RecognitionHours',
  events: ['HoursApproved', 'HoursReversed'],
  entry: 'functions/consumers/recognition-hours.ts',
  needs: ['table:read', 'table:write'],
});

/** TrainingCompleted → recognition: the volunteer's training count (once per module) and the change marker of the daily awards run. */
export const recognitionTraining = defineConsumer({
  id: 'RecognitionTraining',
  events: ['TrainingCompleted'],
  entry: 'functions/consumers/recognition-training.ts',
  needs: ['table:read', 'table:write'],
});

export const notifyHours = defineConsumer({
  id: 'NotifyHours',
  events: ['VolunteerCheckedIn', 'HoursApproved', 'HoursRejected', 'VolunteerNoShow', 'HoursPending', 'NoShowDisputed', 'NoShowDisputeDecided'],
  entry: 'functions/consumers/notify-hours.ts',
  needs: ['table:read', 'table:write', 'email', 'sms', 'events'],
  timeout: 60,
});

export const attendanceRecord = defineConsumer({
  id: 'AttendanceRecord',
  events: ['ApplicationWithdrawn'],
  entry: 'functions/consumers/attendance-record.ts',
  needs: ['table:read', 'table:write'],
});

/** Impact aggregates (issue 16): counters per organisation, region, city and nation × month. */
export const impactAggregates = defineConsumer({
  id: 'ImpactAggregates',
  events: ['HoursApproved', 'HoursReversed', 'VolunteerRegistered', 'OrganizationApproved', 'VolunteerNoShow', 'OpportunityClosed'],
  entry: 'functions/consumers/impact-aggregates.ts',
  needs: ['table:read', 'table:write'],
});

/** TrainingMissingAtCheckIn (issue 13) → the volunteer is told, the organisation's managers warned. */
export const notifyTrainingMissing = defineConsumer({
  id: 'NotifyTrainingMissing',
  events: ['TrainingMissingAtCheckIn'],
  entry: 'functions/consumers/notify-training-missing.ts',
  needs: ['table:read', 'table:write', 'email', 'sms', 'events'],
});

/** OrganizationApproved (issue 11) → its registrant becomes the first volunteer manager (Cognito group + custom:orgId). */
export const assignFirstManager = defineConsumer({
  id: 'AssignFirstManager',
  events: ['OrganizationApproved'],
  entry: 'functions/consumers/assign-first-manager.ts',
  needs: ['table:read', 'table:write', 'cognito'],
});

/** OpportunityUpdated (issue 11) → volunteers with a seat are told of a change of place or time. */
export const notifyOpportunityUpdated = defineConsumer({
  id: 'NotifyOpportunityUpdated',
  events: ['OpportunityUpdated'],
  entry: 'functions/consumers/notify-opportunity-updated.ts',
  needs: ['table:read', 'table:write', 'email', 'sms', 'events'],
  timeout: 120,
});

export const consumers: readonly ConsumerDefinition[] = [
  notifyHours,
  attendanceRecord,
  assignVolunteerGroup,
  recognitionHours,
  recognitionTraining,
  registerHours,
  notifyApplications,
  notifyOpportunityClosed,
  impactAggregates,
  matchingIndexVolunteers,
  matchingIndexOpportunities,
  notifyTrainingMissing,
  assignFirstManager,
  notifyOpportunityUpdated,
];
