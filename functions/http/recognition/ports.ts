/** The composition root of recognition: the ports its jobs, workflow steps and the honour decision hand to the service. */
import { randomUUID } from 'node:crypto';
import { systemClock } from '../../../shared/clock.js';
import { statusListRepository } from '../../../shared/db/certificate-repository.js';
import { recognitionBadges } from '../../../shared/db/recognition-badges.js';
import { recognitionHonours } from '../../../shared/db/recognition-honours.js';
import { recognitionMonthly } from '../../../shared/db/recognition-monthly.js';
import { recognitionProfiles } from '../../../shared/db/recognition-profiles.js';
import type {
  AwardRecord,
  BadgeCredentials,
  HonourDecisionPorts,
  HonourWorkflow,
  OrganizationRegions,
  RecognitionCounters,
  RecognitionMessages,
  RecognitionPorts,
} from '../../../shared/domain/recognition/ports.js';
import { honourExecutionName } from '../../../shared/domain/recognition/honours.js';
import type { DailyAwardPorts, MonthlyAwardPorts } from '../../../shared/domain/recognition/service.js';
import { organizationReads } from '../../../shared/db/organization-reads.js';
import { appPaths } from '../../../shared/domain/notifications/links.js';
import { cityById } from '../../../shared/domain/reference/cities.js';
import { workflowClient } from '../../../shared/workflows/client.js';
import { WorkflowTaskClosedError } from '../../../shared/workflows/errors.js';
import { HONOUR_NOMINATION } from '../../workflows/honour-nomination/definition.js';
import { VC_JWT_HEADER } from '../../../shared/domain/certificates/credential.js';
import { openBadgeCredential } from '../../../shared/domain/recognition/credential.js';
import { emailSettings } from '../../../shared/messaging/email.js';
import { notifier } from '../../../shared/messaging/notifier.js';
import { recognitionCounters } from './counters.js';

const awardTitle = (award: AwardRecord) => {
  const where = { org: { ar: 'في جهتك', en: 'of your organisation' }, region: { ar: 'في منطقتك', en: 'of your region' }, national: { ar: 'على مستوى المملكة', en: 'of the Kingdom' } }[award.scope];
  return { awardAr: `متطوع الشهر ${where.ar} (${award.month})`, awardEn: `volunteer of the month ${where.en} (${award.month})` };
};

/** Bilingual by the recipient's locale (the notifier's contact); SMS only where the volunteer opted in. */
const messages = (): RecognitionMessages => {
  const notify = notifier();
  return {
    async badgeEarned(volunteerId, badge) {
      await notify.notify({
        type: 'badge-earned',
        to: { kind: 'volunteer', volunteerId },
        about: `badge-${badge.id}`,
        channels: ['email', 'sms'],
        params: { badgeAr: badge.nameAr, badgeEn: badge.nameEn, criteriaAr: badge.criteriaAr, criteriaEn: badge.criteriaEn },
        link: appPaths.badge(badge.id),
      });
    },
    async awardWon(volunteerId, award) {
      await notify.notify({
        type: 'award-won',
        to: { kind: 'volunteer', volunteerId },
        about: `award-${award.month}-${award.scope}-${award.scopeId}`,
        channels: ['email'],
        params: { ...awardTitle(award), hours: String(Math.round(award.minutes / 60)) },
        link: appPaths.awards(award.month),
      });
    },
    async honoursOpened(month, count, decideBy) {
      await Promise.all(
        emailSettings.reviewers.map((email) =>
          notify.notify({
            type: 'honours-open',
            to: { kind: 'address', email, locale: 'ar', bilingual: true },
            about: `honours-${month}`,
            channels: ['email'],
            params: { month, count: String(count), decideBy },
            link: appPaths.honours(month),
          }),
        ),
      );
    },
  };
};

/**
 * Badges signed by the platform's signer (the region's KMS key in the cloud, the local key
 * locally), as Open Badges 3.0 credentials; where no signer is configured (SIGNING_KEY_ARN /
 * SIGNING_KEY_DIR unset) a badge carries no credential (null, as the API documents).
 */
const badgeCredentials = (): BadgeCredentials => ({
  async issue({ nameAr, nameEn, badge, earnedAt }) {
    if (!process.env.SIGNING_KEY_ARN && !process.env.SIGNING_KEY_DIR) return null;
    const { signer } = await import('../../../shared/signing/index.js');
    const baseUrl = (process.env.PUBLIC_BASE_URL ?? 'https://tatawwu.sa').replace(/\/+$/, '');
    // The same status lists as certificates: revoking the badge sets this bit (GET /v1/status-lists/{id}).
    const statusList = await statusListRepository().allocate();
    const credential = openBadgeCredential({ baseUrl, credentialId: randomUUID(), badge, holder: { nameAr, nameEn }, earnedAt, status: statusList });
    return { jwt: await (await signer()).sign(credential, VC_JWT_HEADER), statusList };
  },
});

/** HonourNomination through the workflow client (Step Functions; the local runner locally). */
const honourWorkflow = (): HonourWorkflow => ({
  async start(honourId) {
    await workflowClient().start(HONOUR_NOMINATION, { honourId }, { executionName: honourExecutionName(honourId) });
  },
  async resume(taskToken, choice) {
    try {
      await workflowClient().sendTaskSuccess(taskToken, choice);
    } catch (error) {
      // The wait timed out meanwhile: the award step reads the honour and finds the ministry's choice.
      if (!(error instanceof WorkflowTaskClosedError)) throw error;
    }
  },
});

const organizationRegions = (): OrganizationRegions => {
  const organizations = organizationReads();
  return {
    async region(orgId) {
      const org = await organizations.get(orgId);
      return org ? cityById(org.city)?.region : undefined;
    },
  };
};

/** The honour decision: the honours' store (recognition-honours.ts, not the recognition repository), the clock and the workflow it resumes; no notifier, templates or signer (issue 17). */
export const honourDecisionPorts = (): HonourDecisionPorts => ({ repo: recognitionHonours(), clock: systemClock, honourWorkflow: honourWorkflow() });

/** The Award step: the counters' ports and the messages that tell the winner; no workflow client or signer (issue 17). */
export const awardPorts = (): RecognitionCounters & Pick<RecognitionPorts, 'messages'> => ({ ...recognitionCounters(), messages: messages() });

/** The daily badges (the `awards` schedule): the badges' store (recognition-badges.ts), the signer, no honour workflow and no regions (issue 17). */
export const dailyAwardPorts = (): DailyAwardPorts => ({
  repo: recognitionBadges(),
  clock: systemClock,
  volunteers: recognitionProfiles(),
  credentials: badgeCredentials(),
  messages: messages(),
});

/** The volunteer of the month and the honours (the `monthly-awards` schedule): their stores (recognition-monthly.ts, recognition-honours.ts), no badge signer (issue 17). */
export const monthlyAwardPorts = (): MonthlyAwardPorts => ({
  repo: { ...recognitionMonthly(), ...recognitionHonours() },
  clock: systemClock,
  volunteers: recognitionProfiles(),
  honourWorkflow: honourWorkflow(),
  organizations: organizationRegions(),
  messages: messages(),
});
