/**
 * The domain events of applications (contracts in events/catalog.ts). An event's id is derived
 * from the application, its version and the event type, so a step retried after a crash
 * publishes the very same event again (nothing is lost) and a consumer deduplicates on its id.
 */
import type { DomainEvent } from '../events.js';
import type { ApplicationEventDetail, ApplicationRecord, RuleFailure, StatusChange } from './schema.js';

export type ApplicationEventType =
  | 'ApplicationSubmitted'
  | 'ApplicationPendingDecision'
  | 'ApplicationApproved'
  | 'ApplicationRejected'
  | 'ApplicationWaitlisted'
  | 'ApplicationPromoted'
  | 'ApplicationWithdrawn'
  | 'ApplicationExpired'
  | 'ApplicationCancelled';

export interface TransitionFacts {
  readonly at: string;
  readonly by: string;
  readonly reason?: string;
}

export const eventDetail = (application: ApplicationRecord, facts: TransitionFacts): ApplicationEventDetail => ({
  applicationId: application.id,
  volunteerId: application.volunteerId,
  opportunityId: application.opportunityId,
  shiftId: application.shiftId,
  orgId: application.orgId,
  status: application.status,
  version: application.version,
  shiftStart: application.shiftStart,
  shiftEnd: application.shiftEnd,
  at: facts.at,
  by: facts.by,
  ...(facts.reason !== undefined && { reason: facts.reason }),
});

export const applicationEvent = (
  type: ApplicationEventType,
  application: ApplicationRecord,
  facts: TransitionFacts,
  extra: { reminder?: boolean; waitlistSeq?: number; failures?: readonly RuleFailure[]; promotedFrom?: 'waitlisted'; seatFreed?: boolean } = {},
): DomainEvent<Record<string, unknown>> => ({
  id: `${application.id}-v${application.version}-${type}${extra.reminder ? '-reminder' : ''}`,
  type,
  time: facts.at,
  detail: { ...eventDetail(application, facts), ...extra },
});

/** The facts of a recorded transition (a retried step republishes its event from them). */
export const factsOf = (change: StatusChange): TransitionFacts => ({
  at: change.at,
  by: change.by,
  ...(change.reason !== undefined && { reason: change.reason }),
});
