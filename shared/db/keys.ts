/**
 * The access-pattern table of the single table: every entity module (shared/db/entities/) with
 * its key layout and access patterns, gathered in one list (pattern → key condition → index).
 * Keys themselves are declared only in the entity modules; test/unit/entities.test.ts checks
 * that every entity module is listed here and that no key prefix appears anywhere else. No
 * Scan, anywhere. (Nothing deployed imports this file: it is the table's documentation and
 * the tests' view of it.)
 */
import type { AccessPattern, Entity } from './entities/entity.js';
import * as application from './entities/application.js';
import * as appliedMarker from './entities/applied-marker.js';
import * as attendance from './entities/attendance.js';
import * as auditEntry from './entities/audit-entry.js';
import * as booking from './entities/booking.js';
import * as calendarFeed from './entities/calendar-feed.js';
import * as certificate from './entities/certificate.js';
import * as charterAcceptance from './entities/charter-acceptance.js';
import * as company from './entities/company.js';
import * as companyContribution from './entities/company-contribution.js';
import * as companyEmployee from './entities/company-employee.js';
import * as companyProgram from './entities/company-program.js';
import * as companyTeamEvent from './entities/company-team-event.js';
import * as consentChange from './entities/consent-change.js';
import * as consumedEvent from './entities/consumed-event.js';
import * as erasure from './entities/erasure.js';
import * as evaluation from './entities/evaluation.js';
import * as exportDownload from './entities/export-download.js';
import * as hoursLedger from './entities/hours-ledger.js';
import * as hoursRecord from './entities/hours-record.js';
import * as impactAggregate from './entities/impact-aggregate.js';
import * as jobCursor from './entities/job-cursor.js';
import * as localSms from './entities/local-sms.js';
import * as match from './entities/match.js';
import * as matchCandidate from './entities/match-candidate.js';
import * as matchChange from './entities/match-change.js';
import * as matchOpenOpportunity from './entities/match-open-opportunity.js';
import * as matchVolunteer from './entities/match-volunteer.js';
import * as notification from './entities/notification.js';
import * as opportunity from './entities/opportunity.js';
import * as opportunitySearchEntry from './entities/opportunity-search-entry.js';
import * as organization from './entities/organization.js';
import * as organizationManager from './entities/organization-manager.js';
import * as outboxEvent from './entities/outbox-event.js';
import * as projectDeliverable from './entities/project-deliverable.js';
import * as rateCounter from './entities/rate-counter.js';
import * as recognition from './entities/recognition.js';
import * as registerEntry from './entities/register-entry.js';
import * as registerTotal from './entities/register-total.js';
import * as shift from './entities/shift.js';
import * as statusList from './entities/status-list.js';
import * as suppression from './entities/suppression.js';
import * as trainingAttempt from './entities/training-attempt.js';
import * as trainingCompletion from './entities/training-completion.js';
import * as trainingModule from './entities/training-module.js';
import * as valuationRate from './entities/valuation-rate.js';
import * as volunteer from './entities/volunteer.js';
import * as volunteerDepartment from './entities/volunteer-department.js';
import * as waitlist from './entities/waitlist.js';

export type { AccessPattern };

/** Every entity module; adding one is adding a line here. */
const modules: readonly Record<string, unknown>[] = [
  application,
  appliedMarker,
  attendance,
  auditEntry,
  booking,
  calendarFeed,
  certificate,
  charterAcceptance,
  company,
  companyContribution,
  companyEmployee,
  companyProgram,
  companyTeamEvent,
  consentChange,
  consumedEvent,
  erasure,
  evaluation,
  exportDownload,
  hoursLedger,
  hoursRecord,
  impactAggregate,
  jobCursor,
  localSms,
  match,
  matchCandidate,
  matchChange,
  matchOpenOpportunity,
  matchVolunteer,
  notification,
  opportunity,
  opportunitySearchEntry,
  organization,
  organizationManager,
  outboxEvent,
  projectDeliverable,
  rateCounter,
  recognition,
  registerEntry,
  registerTotal,
  shift,
  statusList,
  suppression,
  trainingAttempt,
  trainingCompletion,
  trainingModule,
  valuationRate,
  volunteer,
  volunteerDepartment,
  waitlist,
];

const isEntity = (value: unknown): value is Entity<never, Record<string, unknown>> =>
  typeof value === 'object' && value !== null && 'fromItem' in value && 'accessPatterns' in value && 'name' in value;

/** Every entity of the table. */
export const entities: readonly Entity<never, Record<string, unknown>>[] = /* @__PURE__ */ modules.flatMap((module) => Object.values(module).filter(isEntity));

export const accessPatterns: readonly AccessPattern[] = /* @__PURE__ */ entities.flatMap((entity) => entity.accessPatterns);
