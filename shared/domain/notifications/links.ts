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
  /** A shift's attendance as the volunteer sees it: their check-in, hours, a no-show and its dispute. */
  attendance: (shiftId: string) => `/s/${shiftId}/attendance`,
  /** A shift's roster (its managers): who came, disputes to decide. */
  roster: (shiftId: string) => `/s/${shiftId}/roster`,
  /** An organisation's hours waiting for verification (its managers). */
  orgHours: (orgId: string) => `/org/${orgId}/hours`,
  /** An organisation's volunteer managers and their certifications. */
  managers: (orgId: string) => `/org/${orgId}/managers`,
  /** A training module (take it, or renew a completion). */
  training: (trainingId: string) => `/t/${trainingId}`,
  /** The evaluations of a shift (the volunteer rates it, the managers rate the attendees). */
  evaluation: (shiftId: string) => `/e/${shiftId}`,
} as const;
