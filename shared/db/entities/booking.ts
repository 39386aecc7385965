/**
 * The applications area's BOOKING item (an approved seat, keys in shared/db/keys.ts) as the
 * areas that read it see it: the volunteer, the shift and its times. Read by the reminders and
 * cancellation notices (notification-repository.ts) and by attendance and hours (hours-repository.ts).
 */
import type { Item } from './entity.js';

export interface BookedSeat {
  readonly volunteerId: string;
  readonly shiftId: string;
  readonly opportunityId: string;
  readonly orgId: string;
  readonly start: string;
  readonly end: string;
}

export const bookedSeat = (item: Item): BookedSeat => ({
  volunteerId: String(item.volunteerId),
  shiftId: String(item.shiftId),
  opportunityId: String(item.opportunityId),
  orgId: String(item.orgId),
  start: String(item.start),
  end: String(item.end),
});
