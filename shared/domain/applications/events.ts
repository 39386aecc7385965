/**
 * The domain events of applications (contracts in events/catalog.ts). An event's id is derived
 * from the application, its version and the event type, so a step retried after a crash
 * publishes the very same event again (nothing is lost) and a consumer deduplicates on its id.
 */
import type { EventDetail } from '../../../events/catalog.js';
import { domainEvent, type TypedEvent } from '../events.js';
import type { ApplicationEventDetail, ApplicationRecord, StatusChange } from './schema.js';

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

/** What an event of this type carries besides the detail common to application events (its catalogue contract). */
export type ApplicationEventExtra<T extends ApplicationEventType> = Omit<EventDetail<T>, keyof ApplicationEventDetail>;

/**
 * Builds an application event through the typed `domainEvent`: the extra fields are typed by
 * the event type's contract, and the event's id derives from the transition (see above).
 */
export const applicationEvent = <T extends ApplicationEventType>(
  type: T,
  application: ApplicationRecord,
  facts: TransitionFacts,
  ...[extra]: Record<string, never> extends ApplicationEventExtra<T> ? [extra?: ApplicationEventExtra<T>] : [extra: ApplicationEventExtra<T>]
): TypedEvent<T> => {
  const more: Partial<Record<string, unknown>> = extra ?? {};
  return domainEvent(type, { ...eventDetail(application, facts), ...more } as EventDetail<T>, {
    id: `${application.id}-v${application.version}-${type}${more.reminder ? '-reminder' : ''}`,
    time: new Date(facts.at),
  });
};

/** The facts of a recorded transition (a retried step republishes its event from them). */
export const factsOf = (change: StatusChange): TransitionFacts => ({
  at: change.at,
  by: change.by,
  ...(change.reason !== undefined && { reason: change.reason }),
});
