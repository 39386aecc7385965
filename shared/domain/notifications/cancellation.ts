/**
 * Closing an opportunity cancels its shifts that have not started: every volunteer with an
 * approved seat on one is told (email with the calendar cancellation, SMS). There is no other
 * cancellation of a shift in the platform. Pure over its ports; the outbox dedupe key (type,
 * volunteer, shift) makes a redelivered event a no-op.
 */
import type { DueBooking, ShiftContext } from './reminders.js';
import type { NotificationRequest } from './schema.js';
import { appPaths } from './links.js';

/** A cancellation this close to the start may find the volunteer already on the way: it is worth an SMS at night. */
export const URGENT_CANCELLATION_MS = 12 * 3_600_000;

export interface CancellationPorts {
  /** The shifts of the opportunity (id and start). */
  shiftsOf(opportunityId: string): Promise<readonly { readonly id: string; readonly start: string }[]>;
  bookingsOfShift(shiftId: string, start: string): AsyncIterable<readonly DueBooking[]>;
  shiftContext(booking: DueBooking): Promise<ShiftContext | undefined>;
  notify(request: NotificationRequest): Promise<readonly { outcome: string }[]>;
}

/** The message for one approved seat of a cancelled shift. */
export const cancellationNotice = (booking: DueBooking, context: ShiftContext, closedAt: Date): NotificationRequest => {
  const urgent = Date.parse(booking.start) - closedAt.getTime() < URGENT_CANCELLATION_MS;
  return {
    type: 'opportunity-cancelled',
    to: { kind: 'volunteer', volunteerId: booking.volunteerId },
    about: booking.shiftId,
    channels: ['email', 'sms'],
    params: context.params,
    link: appPaths.opportunity(booking.opportunityId),
    calendar: { ...context.calendar, status: 'CANCELLED', sequence: 1 },
    staleAfter: booking.start,
    ...(urgent && { timeCritical: 'the cancelled shift starts within 12 hours: the volunteer may set out before 07:00' }),
  };
};

/** Tells every volunteer of a shift starting after `closedAt`; answers how many were told (sent or deferred). */
export const notifyOpportunityClosed = async (ports: CancellationPorts, opportunityId: string, closedAt: Date): Promise<{ told: number }> => {
  let told = 0;
  for (const shift of await ports.shiftsOf(opportunityId)) {
    if (Date.parse(shift.start) <= closedAt.getTime()) continue;
    for await (const page of ports.bookingsOfShift(shift.id, shift.start)) {
      for (const booking of page) {
        const context = await ports.shiftContext(booking);
        if (!context) continue;
        const results = await ports.notify(cancellationNotice(booking, context, closedAt));
        told += results.some((r) => r.outcome === 'queued' || r.outcome === 'sent' || r.outcome === 'deferred') ? 1 : 0;
      }
    }
  }
  return { told };
};

/**
 * A published opportunity was edited (OpportunityUpdated): every volunteer with a seat on a
 * shift still to come is told when its place changed, and the seats of moved shifts when one
 * moved (shifts with seats never move, so that is a safeguard). One message per seat and edit
 * (`window` = the edit's time), so a redelivered event sends nothing twice.
 */
export const notifyOpportunityUpdated = async (
  ports: CancellationPorts,
  detail: { opportunityId: string; placeChanged: boolean; movedShifts: readonly { shiftId: string }[]; updatedAt: string },
): Promise<{ told: number }> => {
  const moved = new Set(detail.movedShifts.map((m) => m.shiftId));
  let told = 0;
  for (const shift of await ports.shiftsOf(detail.opportunityId)) {
    if (shift.start <= detail.updatedAt || (!detail.placeChanged && !moved.has(shift.id))) continue;
    for await (const page of ports.bookingsOfShift(shift.id, shift.start)) {
      for (const booking of page) {
        const context = await ports.shiftContext(booking);
        if (!context) continue;
        const results = await ports.notify({
          type: 'opportunity-changed',
          to: { kind: 'volunteer', volunteerId: booking.volunteerId },
          about: booking.shiftId,
          window: detail.updatedAt,
          channels: ['email', 'sms'],
          params: context.params,
          staleAfter: booking.start,
        });
        told += results.some((r) => r.outcome === 'queued' || r.outcome === 'sent' || r.outcome === 'deferred') ? 1 : 0;
      }
    }
  }
  return { told };
};
