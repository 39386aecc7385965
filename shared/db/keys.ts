/**
 * The access-pattern table of the single table: every entity module (shared/db/entities/) with
 * its key layout and access patterns, gathered in one list (pattern → key condition → index).
 * Keys themselves are declared only in the entity modules; test/unit/entities.test.ts checks
 * that every entity is listed here and that no key prefix appears anywhere else. No Scan,
 * anywhere.
 */
import type { AccessPattern } from './entities/entity.js';
import { application, applicationHistory } from './entities/application.js';
import { appliedMarker } from './entities/applied-marker.js';
import { booking, bookingsVersion } from './entities/booking.js';
import { charterAcceptance } from './entities/charter-acceptance.js';
import { consentChange } from './entities/consent-change.js';
import { consumedEvent } from './entities/consumed-event.js';
import { jobCursor } from './entities/job-cursor.js';
import { localSms } from './entities/local-sms.js';
import { matchCandidate } from './entities/match-candidate.js';
import { matchChange } from './entities/match-change.js';
import { matchOpenOpportunity } from './entities/match-open-opportunity.js';
import { matchShardMember, matchVolunteerPosting } from './entities/match-volunteer.js';
import { invitation, invitationWeek, match } from './entities/match.js';
import { notification } from './entities/notification.js';
import { opportunity } from './entities/opportunity.js';
import { opportunitySearchEntry } from './entities/opportunity-search-entry.js';
import { licenseMarker, organization, organizationStatusChange } from './entities/organization.js';
import { managerAssignment, organizationManager } from './entities/organization-manager.js';
import { outboxEvent } from './entities/outbox-event.js';
import { registerEntry } from './entities/register-entry.js';
import { registerTotal } from './entities/register-total.js';
import { shift } from './entities/shift.js';
import { suppression } from './entities/suppression.js';
import { trainingAttempt, trainingAttemptLog } from './entities/training-attempt.js';
import { trainingCompletion } from './entities/training-completion.js';
import { trainingModule, trainingVersion } from './entities/training-module.js';
import { volunteerDepartment } from './entities/volunteer-department.js';
import { nationalIdClaim, volunteer } from './entities/volunteer.js';
import { waitlistEntry, waitlistSequence } from './entities/waitlist.js';

export type { AccessPattern };

/** Every entity of the table, by area. */
export const entities = [
  // volunteers
  volunteer, nationalIdClaim, charterAcceptance, consentChange,
  // organisations
  organization, licenseMarker, organizationStatusChange, volunteerDepartment, organizationManager, managerAssignment,
  // opportunities
  opportunity, shift, opportunitySearchEntry,
  // applications
  application, applicationHistory, appliedMarker, booking, bookingsVersion, waitlistEntry, waitlistSequence,
  // notifications
  notification, suppression, localSms, jobCursor,
  // matching
  matchShardMember, matchVolunteerPosting, matchOpenOpportunity, matchChange, match, invitation, invitationWeek, matchCandidate,
  // training
  trainingModule, trainingVersion, trainingCompletion, trainingAttemptLog, trainingAttempt,
  // national register
  registerEntry, registerTotal,
  // events
  outboxEvent, consumedEvent,
] as const;

export const accessPatterns: readonly AccessPattern[] = entities.flatMap((entity) => entity.accessPatterns);
