/** Every message template, by type: one per NotificationType, checked by the compiler. */
import type { NotificationType } from '../../domain/notifications/schema.js';
import type { Template } from '../render.js';
import {
  applicationApproved,
  applicationExpired,
  applicationPromoted,
  applicationRejected,
  applicationSubmitted,
  applicationWaitlisted,
  applicationWithdrawn,
  pendingDecisions,
} from './applications.js';
import { directMessage } from './direct.js';
import { checkedIn, hoursApproved, hoursCut, hoursPending, hoursRejected, noShow, noShowDisputeDecided, noShowDisputed } from './hours.js';
import { invitation } from './matching.js';
import { awardWon, badgeEarned, honoursOpen } from './recognition.js';
import { erasureCode, exportReady } from './personal-data.js';
import { impactReport } from './impact.js';
import { organizationApproved, organizationRejected, organizationReviewReminder, organizationReviewRequested } from './organizations.js';
import { evaluationDigest, evaluationInvitation, trainingExpiring, trainingLapsed, trainingLapsedManager } from './training.js';
import { opportunityCancelled, shiftCancelled, shiftReminder24h, shiftReminder2h } from './shifts.js';
import { opportunityChanged } from './opportunity-changes.js';
import { managerCertificationExpiring } from './manager-certifications.js';

export const templates: Readonly<Record<NotificationType, Template>> = {
  'application-submitted': applicationSubmitted,
  'application-approved': applicationApproved,
  'application-rejected': applicationRejected,
  'application-waitlisted': applicationWaitlisted,
  'application-promoted': applicationPromoted,
  'application-withdrawn': applicationWithdrawn,
  'application-expired': applicationExpired,
  'pending-decisions': pendingDecisions,
  'organization-review-requested': organizationReviewRequested,
  'organization-review-reminder': organizationReviewReminder,
  'organization-approved': organizationApproved,
  'organization-rejected': organizationRejected,
  'opportunity-cancelled': opportunityCancelled,
  'shift-cancelled': shiftCancelled,
  'shift-reminder-24h': shiftReminder24h,
  'shift-reminder-2h': shiftReminder2h,
  invitation,
  'direct-message': directMessage,
  'training-expiring': trainingExpiring,
  'training-lapsed': trainingLapsed,
  'training-lapsed-manager': trainingLapsedManager,
  'evaluation-invitation': evaluationInvitation,
  'evaluation-digest': evaluationDigest,
  'checked-in': checkedIn,
  'hours-approved': hoursApproved,
  'hours-cut': hoursCut,
  'hours-rejected': hoursRejected,
  'hours-pending': hoursPending,
  'no-show': noShow,
  'badge-earned': badgeEarned,
  'award-won': awardWon,
  'honours-open': honoursOpen,
  'no-show-disputed': noShowDisputed,
  'no-show-dispute-decided': noShowDisputeDecided,
  'opportunity-changed': opportunityChanged,
  'erasure-code': erasureCode,
  'export-ready': exportReady,
  'impact-report': impactReport,
  'manager-certification-expiring': managerCertificationExpiring,
};
