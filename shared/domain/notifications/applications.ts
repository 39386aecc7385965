/**
 * What an application event tells whom: the volunteer hears about their application (by email,
 * and SMS for decisions); a decision still waiting after its first timeout nudges the
 * organisation's managers. Pure: the consumer reads the shift's words and the managers.
 */
import { appPaths } from './links.js';
import { screeningReason } from './screening-reasons.js';
import type { ShiftContext } from './reminders.js';
import type { NotificationRequest, NotificationType, Params } from './schema.js';

export type ApplicationEventType =
  | 'ApplicationSubmitted'
  | 'ApplicationApproved'
  | 'ApplicationRejected'
  | 'ApplicationWaitlisted'
  | 'ApplicationPromoted'
  | 'ApplicationWithdrawn'
  | 'ApplicationExpired'
  | 'ApplicationPendingDecision';

/** The part of an application event's detail notifications read (the contract is events/catalog.ts). */
export interface ApplicationNoticeDetail {
  readonly applicationId: string;
  readonly volunteerId: string;
  readonly shiftStart: string;
  readonly reason?: string | undefined;
  /** ApplicationWithdrawn: the application held an approved seat. */
  readonly seatFreed?: boolean | undefined;
  /** ApplicationRejected by screening: the failed rules. */
  readonly failures?: readonly { readonly rule: string; readonly message: string }[] | undefined;
  readonly orgId?: string;
}

/** A manager to tell, in their language. */
export interface ManagerContact {
  readonly email: string;
  readonly locale: 'ar' | 'en';
}

const toVolunteer: Readonly<Partial<Record<ApplicationEventType, { type: NotificationType; sms: boolean }>>> = {
  ApplicationSubmitted: { type: 'application-submitted', sms: false },
  ApplicationApproved: { type: 'application-approved', sms: true },
  ApplicationRejected: { type: 'application-rejected', sms: true },
  ApplicationWaitlisted: { type: 'application-waitlisted', sms: true },
  ApplicationPromoted: { type: 'application-promoted', sms: true },
  ApplicationWithdrawn: { type: 'application-withdrawn', sms: false },
  ApplicationExpired: { type: 'application-expired', sms: true },
};

/** The notifications of one application event; `managers` are the emails to nudge (a reminder of a pending decision). */
export const applicationNotices = (
  type: ApplicationEventType,
  detail: ApplicationNoticeDetail,
  context: ShiftContext,
  managers: readonly ManagerContact[],
): NotificationRequest[] => {
  // A screening refusal is explained in the volunteer's language (and says the check was
  // automatic) instead of showing the technical reason.
  const screened = type === 'ApplicationRejected' && detail.failures && detail.failures.length > 0;
  const params: Params = {
    ...context.params,
    ...(screened ? screeningReason(detail.failures!) : detail.reason && { reason: detail.reason }),
  };
  const link = appPaths.application(detail.applicationId);
  const message = toVolunteer[type];
  if (type === 'ApplicationWithdrawn') {
    // Only a withdrawn seat frees a place and carries the calendar cancellation of its entry.
    return [
      {
        type: message!.type,
        to: { kind: 'volunteer', volunteerId: detail.volunteerId },
        about: detail.applicationId,
        channels: ['email'],
        params: { ...params, ...(detail.seatFreed && { seatFreed: 'yes' }) },
        link,
        ...(detail.seatFreed && { calendar: { ...context.calendar, status: 'CANCELLED' as const, sequence: 1 } }),
        staleAfter: detail.shiftStart,
      },
    ];
  }
  if (message) {
    return [
      {
        type: message.type,
        to: { kind: 'volunteer', volunteerId: detail.volunteerId },
        about: detail.applicationId,
        channels: message.sms ? ['email', 'sms'] : ['email'],
        params,
        link,
        calendar: context.calendar,
        // After the shift has started, news about the application only confuses.
        staleAfter: detail.shiftStart,
      },
    ];
  }
  return managers.map(({ email, locale }) => ({
    type: 'pending-decisions',
    to: { kind: 'address', email, locale },
    about: detail.applicationId,
    window: 'decision-timeout',
    params: { orgNameAr: params.orgNameAr ?? '', orgNameEn: params.orgNameEn ?? '', count: '1' },
    ...(detail.orgId && { link: appPaths.reviewQueue(detail.orgId) }),
  }));
};
