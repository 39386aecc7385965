/**
 * The app paths messages link to (made absolute with the stage's app base URL by the
 * notifier). Short on purpose: they end every SMS.
 */
export const appPaths = {
  /** An application: its status, history, withdraw. */
  application: (id: string) => `/a/${id}`,
  /** An opportunity and its shifts. */
  opportunity: (id: string) => `/o/${id}`,
  /** An organisation's page (its managers: the review queue). */
  organization: (orgId: string) => `/org/${orgId}`,
  /** An organisation's review queue of applications. */
  reviewQueue: (orgId: string) => `/org/${orgId}/applications`,
  /** The volunteer's hours. */
  hours: (hoursId: string) => `/h/${hoursId}`,
  /** A certificate's public verification. */
  certificate: (code: string) => `/verify/${code}`,
  /** A badge the volunteer earned (its credential). */
  badge: (badgeId: string) => `/b/${badgeId}`,
  /** The awards of a month (volunteer of the month, region and national honours). */
  awards: (month: string) => `/awards/${month}`,
  /** The ministry's honours of a month (choose the region and national volunteers of the month). */
  honours: (month: string) => `/honours/${month}`,
} as const;
