/** Every event consumer of the platform (see definition.ts). Areas add theirs here. */
import {
  ApplicationEventDetail,
  ApplicationPendingDecisionDetail,
  ApplicationPromotedDetail,
  ApplicationRejectedDetail,
  ApplicationWaitlistedDetail,
  ApplicationWithdrawnDetail,
} from '../../shared/domain/applications/schema.js';
import {
  HoursApprovedDetail,
  HoursPendingDetail,
  HoursRejectedDetail,
  HoursReversedDetail,
  NoShowDisputeDecidedDetail,
  NoShowDisputedDetail,
  VolunteerCheckedInDetail,
  VolunteerNoShowDetail,
} from '../../shared/domain/hours/schema.js';
import { VolunteerProfileUpdatedDetail } from '../../shared/domain/matching/schema.js';
import { OpportunityClosedDetail, OpportunityPublishedDetail, OpportunityUpdatedDetail } from '../../shared/domain/opportunities/schema.js';
import { OrganizationApprovedDetail, OrganizationCertifiedManagerChangedDetail } from '../../shared/domain/organizations/schema.js';
import { TrainingCompletedDetail, TrainingMissingAtCheckInDetail } from '../../shared/domain/training/schema.js';
import { NotificationQueuedDetail } from '../../shared/domain/notifications/schema.js';
import { PersonalDataExportRequestedDetail } from '../../shared/domain/personal-data/schema.js';
import { VolunteerRegisteredDetail } from '../../shared/domain/volunteers/schema.js';
import { defineConsumer, type ConsumerDefinition } from './definition.js';

export const assignVolunteerGroup = /* @__PURE__ */ defineConsumer({
  id: 'AssignVolunteerGroup',
  events: ['VolunteerRegistered'],
  contracts: { VolunteerRegistered: VolunteerRegisteredDetail },
  entry: 'functions/consumers/assign-volunteer-group.ts',
  needs: ['cognito'],
});

export const notifyOpportunityClosed = /* @__PURE__ */ defineConsumer({
  id: 'NotifyOpportunityClosed',
  events: ['OpportunityClosed'],
  contracts: { OpportunityClosed: OpportunityClosedDetail },
  entry: 'functions/consumers/notify-opportunity-closed.ts',
  needs: ['table:read', 'table:write', 'notify', 'events'],
  timeout: 300,
});

/** HoursApproved / HoursReversed → the volunteer's national register (ledger + running totals); a reversal revokes the certificates built on those hours. */
export const registerHours = /* @__PURE__ */ defineConsumer({
  id: 'RegisterHours',
  events: ['HoursApproved', 'HoursReversed'],
  contracts: { HoursApproved: HoursApprovedDetail, HoursReversed: HoursReversedDetail },
  entry: 'functions/consumers/register-hours.ts',
  needs: ['table:read', 'table:write'],
});

/** Application events → the volunteer is told (email, SMS for decisions); a decision left waiting nudges the managers. */
export const notifyApplications = /* @__PURE__ */ defineConsumer({
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
  contracts: { ApplicationSubmitted: ApplicationEventDetail, ApplicationApproved: ApplicationEventDetail, ApplicationRejected: ApplicationRejectedDetail, ApplicationWaitlisted: ApplicationWaitlistedDetail, ApplicationPromoted: ApplicationPromotedDetail, ApplicationWithdrawn: ApplicationWithdrawnDetail, ApplicationExpired: ApplicationEventDetail, ApplicationPendingDecision: ApplicationPendingDecisionDetail },
  entry: 'functions/consumers/notify-applications.ts',
  needs: ['table:read', 'table:write', 'notify', 'events'],
});

/** A volunteer registered or changed their profile → their matching index items and a change marker. */
export const matchingIndexVolunteers = /* @__PURE__ */ defineConsumer({
  id: 'MatchingIndexVolunteers',
  events: ['VolunteerRegistered', 'VolunteerProfileUpdated'],
  contracts: { VolunteerRegistered: VolunteerRegisteredDetail, VolunteerProfileUpdated: VolunteerProfileUpdatedDetail },
  entry: 'functions/consumers/matching-volunteers.ts',
  needs: ['table:read', 'table:write'],
});

/** An opportunity was published or closed → the open-opportunity catalogue and its candidates. */
export const matchingIndexOpportunities = /* @__PURE__ */ defineConsumer({
  id: 'MatchingIndexOpportunities',
  events: ['OpportunityPublished', 'OpportunityClosed'],
  contracts: { OpportunityPublished: OpportunityPublishedDetail, OpportunityClosed: OpportunityClosedDetail },
  entry: 'functions/consumers/matching-opportunities.ts',
  needs: ['table:read', 'table:write'],
  timeout: 120,
});

/**
 * A volunteer applied, took a seat or gave one up (issue 11) → a change marker: the next
 * `matching` job recomputes their matches without what they hold now (reads already hide it).
 */
export const matchingApplications = /* @__PURE__ */ defineConsumer({
  id: 'MatchingApplications',
  events: ['ApplicationSubmitted', 'ApplicationApproved', 'ApplicationPromoted', 'ApplicationWithdrawn'],
  contracts: {
    ApplicationSubmitted: ApplicationEventDetail,
    ApplicationApproved: ApplicationEventDetail,
    ApplicationPromoted: ApplicationPromotedDetail,
    ApplicationWithdrawn: ApplicationWithdrawnDetail,
  },
  entry: 'functions/consumers/matching-applications.ts',
  needs: ['table:read', 'table:write'],
});

/** HoursApproved / HoursReversed → recognition: points, leaderboards, the change marker the daily awards run reads. */
export const recognitionHours = /* @__PURE__ */ defineConsumer({
  id: 'RecognitionHours',
  events: ['HoursApproved', 'HoursReversed'],
  contracts: { HoursApproved: HoursApprovedDetail, HoursReversed: HoursReversedDetail },
  entry: 'functions/consumers/recognition-hours.ts',
  needs: ['table:read', 'table:write'],
});

/** TrainingCompleted → recognition: the volunteer's training count (once per module) and the change marker of the daily awards run. */
export const recognitionTraining = /* @__PURE__ */ defineConsumer({
  id: 'RecognitionTraining',
  events: ['TrainingCompleted'],
  contracts: { TrainingCompleted: TrainingCompletedDetail },
  entry: 'functions/consumers/recognition-training.ts',
  needs: ['table:read', 'table:write'],
});

export const notifyHours = /* @__PURE__ */ defineConsumer({
  id: 'NotifyHours',
  events: ['VolunteerCheckedIn', 'HoursApproved', 'HoursRejected', 'VolunteerNoShow', 'HoursPending', 'NoShowDisputed', 'NoShowDisputeDecided'],
  contracts: { VolunteerCheckedIn: VolunteerCheckedInDetail, HoursApproved: HoursApprovedDetail, HoursRejected: HoursRejectedDetail, VolunteerNoShow: VolunteerNoShowDetail, HoursPending: HoursPendingDetail, NoShowDisputed: NoShowDisputedDetail, NoShowDisputeDecided: NoShowDisputeDecidedDetail },
  entry: 'functions/consumers/notify-hours.ts',
  needs: ['table:read', 'table:write', 'notify', 'events'],
  timeout: 60,
});

export const attendanceRecord = /* @__PURE__ */ defineConsumer({
  id: 'AttendanceRecord',
  events: ['ApplicationWithdrawn'],
  contracts: { ApplicationWithdrawn: ApplicationWithdrawnDetail },
  entry: 'functions/consumers/attendance-record.ts',
  needs: ['table:read', 'table:write'],
});

/** Impact aggregates (issue 16): counters per organisation, region, city and nation × month. */
export const impactAggregates = /* @__PURE__ */ defineConsumer({
  id: 'ImpactAggregates',
  // HoursApproved comes in bursts (bulk verification, month ends): ImpactApprovals takes it in batches.
  events: ['HoursReversed', 'VolunteerRegistered', 'OrganizationApproved', 'VolunteerNoShow', 'OpportunityClosed', 'OrganizationCertifiedManagerChanged', 'NoShowDisputeDecided'],
  contracts: { HoursReversed: HoursReversedDetail, VolunteerRegistered: VolunteerRegisteredDetail, OrganizationApproved: OrganizationApprovedDetail, VolunteerNoShow: VolunteerNoShowDetail, OpportunityClosed: OpportunityClosedDetail, OrganizationCertifiedManagerChanged: OrganizationCertifiedManagerChangedDetail, NoShowDisputeDecided: NoShowDisputeDecidedDetail },
  entry: 'functions/consumers/impact-aggregates.ts',
  needs: ['table:read', 'table:write'],
});

/**
 * HoursApproved (issue 16) → the impact aggregates, in batches of up to 100 through an SQS queue
 * (shared/domain/impact/recorder.ts `recordApprovalBatch`: as many events per transaction as fit
 * in 100 items, their counters merged per item); each approval's ledger
 * entry makes a redelivered batch change nothing.
 */
export const impactApprovals = /* @__PURE__ */ defineConsumer({
  id: 'ImpactApprovals',
  events: ['HoursApproved'],
  contracts: { HoursApproved: HoursApprovedDetail },
  entry: 'functions/consumers/impact-approvals.ts',
  needs: ['table:read', 'table:write'],
  timeout: 120,
  batch: { size: 100, windowSeconds: 5 },
});

/** TrainingMissingAtCheckIn (issue 13) → the volunteer is told, the organisation's managers warned. */
export const notifyTrainingMissing = /* @__PURE__ */ defineConsumer({
  id: 'NotifyTrainingMissing',
  events: ['TrainingMissingAtCheckIn'],
  contracts: { TrainingMissingAtCheckIn: TrainingMissingAtCheckInDetail },
  entry: 'functions/consumers/notify-training-missing.ts',
  needs: ['table:read', 'table:write', 'notify', 'events'],
});

/** OrganizationApproved (issue 11) → its registrant becomes the first volunteer manager (Cognito group + custom:orgId). */
export const assignFirstManager = /* @__PURE__ */ defineConsumer({
  id: 'AssignFirstManager',
  events: ['OrganizationApproved'],
  contracts: { OrganizationApproved: OrganizationApprovedDetail },
  entry: 'functions/consumers/assign-first-manager.ts',
  needs: ['table:read', 'table:write', 'cognito'],
});

/** OpportunityUpdated (issue 11) → volunteers with a seat are told of a change of place or time. */
export const notifyOpportunityUpdated = /* @__PURE__ */ defineConsumer({
  id: 'NotifyOpportunityUpdated',
  events: ['OpportunityUpdated'],
  contracts: { OpportunityUpdated: OpportunityUpdatedDetail },
  entry: 'functions/consumers/notify-opportunity-updated.ts',
  needs: ['table:read', 'table:write', 'notify', 'events'],
  timeout: 120,
});

/** HoursApproved / HoursReversed (issue 15) → companies: the employee's reserved time off is consumed; the company's contribution counters. */
export const companyHours = /* @__PURE__ */ defineConsumer({
  id: 'CompanyHours',
  events: ['HoursApproved', 'HoursReversed'],
  contracts: { HoursApproved: HoursApprovedDetail, HoursReversed: HoursReversedDetail },
  entry: 'functions/consumers/company-hours.ts',
  needs: ['table:read', 'table:write'],
});

/** PersonalDataExportRequested (issue 18) → the copy built, stored in the exports bucket and its one-time link emailed. */
export const prepareExport = /* @__PURE__ */ defineConsumer({
  id: 'PrepareExport',
  events: ['PersonalDataExportRequested'],
  contracts: { PersonalDataExportRequested: PersonalDataExportRequestedDetail },
  entry: 'functions/consumers/prepare-export.ts',
  needs: ['table:read', 'table:write', 'notify', 'exports:write'],
  memorySize: 1024,
  timeout: 300,
});

/**
 * NotificationQueued → the message is rendered and sent (SES, SMS) with retries, dead letters and
 * leases (shared/messaging/sender.ts). The one function that carries the templates and the
 * providers' clients (issue 17); every other function only queues.
 */
export const deliverNotifications = /* @__PURE__ */ defineConsumer({
  id: 'DeliverNotifications',
  events: ['NotificationQueued'],
  contracts: { NotificationQueued: NotificationQueuedDetail },
  entry: 'functions/consumers/deliver-notifications.ts',
  needs: ['table:read', 'table:write', 'email', 'sms'],
  timeout: 120,
  batch: { size: 50, windowSeconds: 1 },
});

export const consumers: readonly ConsumerDefinition[] = [
  deliverNotifications,
  notifyHours,
  attendanceRecord,
  assignVolunteerGroup,
  recognitionHours,
  recognitionTraining,
  registerHours,
  notifyApplications,
  notifyOpportunityClosed,
  impactAggregates,
  impactApprovals,
  matchingIndexVolunteers,
  matchingIndexOpportunities,
  matchingApplications,
  notifyTrainingMissing,
  assignFirstManager,
  notifyOpportunityUpdated,
  companyHours,
  prepareExport,
];
