/**
 * Closing an opportunity ends its applications for shifts that have not started: approved
 * seats are freed (booking removed, a cancelled seat kept for the calendar feed), waitlisted
 * and pending or submitted applications end too, all as `cancelled` with their history and an
 * ApplicationCancelled event in the same transaction. Run by the OpportunityClosed consumer
 * (at least once): every change is conditioned on the status it leaves, so a second run
 * finds nothing left to do. Pure over its ports.
 */
import { ApplicationChangedError } from './errors.js';
import { applicationEvent } from './events.js';
import type { ApplicationDeps } from './ports.js';
import type { ApplicationRecord, ApplicationStatus } from './schema.js';

export const CLOSED_REASON = 'the organisation closed the opportunity';

/** Waitlist entries read per round (each round cancels what it read, then reads the head again). */
const WAITLIST_PAGE = 25;
/** Review-queue items read per page. */
const QUEUE_PAGE = 100;

export interface CancellationSummary {
  readonly cancelled: number;
}

export const cancelClosedOpportunity = async (
  deps: Pick<ApplicationDeps, 'repo' | 'opportunities'>,
  input: { readonly opportunityId: string; readonly closedAt: string },
): Promise<CancellationSummary> => {
  const found = await deps.opportunities.get(input.opportunityId);
  if (!found) return { cancelled: 0 };
  const facts = { at: input.closedAt, by: 'system', reason: CLOSED_REASON };
  const change = { to: 'cancelled' as const, ...facts };
  const events = (cancelled: ApplicationRecord) => [applicationEvent('ApplicationCancelled', cancelled, facts)];
  let cancelled = 0;

  /** Cancels one application if it is still in `from`; a concurrent change (withdrawn meanwhile) is left as it is. */
  const cancel = async (id: string, from: readonly ApplicationStatus[]) => {
    const application = await deps.repo.get(id);
    if (!application || !from.includes(application.status) || application.opportunityId !== input.opportunityId) return false;
    try {
      if (application.status === 'approved') await deps.repo.cancelApproved(application, change, events);
      else if (application.status === 'waitlisted') await deps.repo.leaveWaitlist(application, change, { releaseMarker: true, events });
      else await deps.repo.transition(application, change, { releaseMarker: true, events });
      cancelled += 1;
      return true;
    } catch (error) {
      if (error instanceof ApplicationChangedError) return false;
      throw error;
    }
  };

  for (const shift of found.shifts) {
    if (shift.start <= input.closedAt) continue;
    // The waitlist first: an approved seat freed while someone waits would be handed on.
    for (let round = 0; round < 1000; round++) {
      const head = await deps.repo.waitlistHead(shift.id, WAITLIST_PAGE);
      if (head.length === 0) break;
      const done = await Promise.all(head.map((entry) => cancel(entry.applicationId, ['waitlisted'])));
      if (!done.some(Boolean)) break;
    }
    for (const id of await deps.repo.approvedOfShift(shift.start, shift.id)) await cancel(id, ['approved']);
  }
  // Applications still screened or waiting for the managers end too (any shift: none can be approved now).
  for (const status of ['submitted', 'pending'] as const) {
    let cursor: string | undefined;
    do {
      const page = await deps.repo.listByOrganization(found.opportunity.orgId, status, QUEUE_PAGE, cursor);
      for (const application of page.items) if (application.opportunityId === input.opportunityId) await cancel(application.id, [status]);
      cursor = page.nextCursor;
    } while (cursor);
  }
  return { cancelled };
};
