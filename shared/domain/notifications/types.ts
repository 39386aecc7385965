/**
 * The message types the platform sends, as a plain list: the `NotificationType` schema
 * (schema.ts) is built from it, and the notifier checks a request against it without building
 * any schema (request.ts; issue 17).
 */
export const NOTIFICATION_TYPES = [
  'application-submitted',
  'application-approved',
  'application-rejected',
  'application-waitlisted',
  'application-promoted',
  'application-withdrawn',
  'application-expired',
  'pending-decisions',
  'organization-review-requested',
  'organization-review-reminder',
  'organization-approved',
  'organization-rejected',
  'opportunity-cancelled',
  'shift-cancelled',
  'shift-reminder-24h',
  'shift-reminder-2h',
  'invitation',
  /** A free-form message of another area (subject and text), through the same outbox and layout. */
  'direct-message',
  /** Training (issue 13): a completion expires before an approved seat that needs it (30 and 7 days before). */
  'training-expiring',
  /** Training (issue 13): checked in to a shift whose required training is missing or expired. */
  'training-lapsed',
  /** Training (issue 13): the managers are warned that a checked-in volunteer lacks required training. */
  'training-lapsed-manager',
  /** Evaluations (issue 13): the day after a shift, to each attendee, and the digest to the managers. */
  'evaluation-invitation',
  'evaluation-digest',
  /** Attendance and hours (issue 19). */
  'checked-in',
  'hours-approved',
  'hours-cut',
  'hours-rejected',
  'hours-pending',
  'no-show',
  /** Recognition (issue 14): a badge earned (email and SMS), an award won, honours open for the ministry. */
  'badge-earned',
  'award-won',
  'honours-open',
  'no-show-disputed',
  'no-show-dispute-decided',
  /** Opportunities (issue 11): a manager changed the place or the time of a shift the volunteer holds. */
  'opportunity-changed',
  /** Personal data (issue 18): the code confirming an erasure, the link of a prepared export. */
  'erasure-code',
  'export-ready',
  /** The monthly impact run (issue 16): an organisation's impact, the ministry's national report (rendered by the impact area, CSV attached). */
  'impact-report',
  /** Organisations (issue 11): a volunteer manager's certification expires in 30 days. */
  'manager-certification-expiring',
] as const;
