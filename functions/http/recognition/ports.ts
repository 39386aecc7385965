/** The composition root of recognition: the ports its handlers, consumer and job hand to the service. */
import { randomBytes, randomUUID } from 'node:crypto';
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { recognitionRepository } from '../../../shared/db/recognition-repository.js';
import { volunteerRepository } from '../../../shared/db/volunteer-repository.js';
import type { BadgeCredentials, RecognitionMessages, RecognitionPorts, VolunteerProfiles } from '../../../shared/domain/recognition/ports.js';
import { openBadgeCredential } from '../../../shared/domain/recognition/credential.js';
import { notifier } from '../../../shared/messaging/notifier.js';

const profiles = (): VolunteerProfiles => {
  const volunteers = volunteerRepository();
  return {
    async profile(volunteerId) {
      const record = await volunteers.get(volunteerId);
      if (!record) return undefined;
      return {
        nameAr: record.nameAr,
        nameEn: record.nameEn,
        birthDate: record.birthDate,
        locale: record.preferences.locale,
        ...(record.preferences.showAchievements !== undefined && { showAchievements: record.preferences.showAchievements }),
      };
    },
  };
};

const messages = (): RecognitionMessages => {
  const notify = notifier();
  return {
    async badgeEarned(volunteerId, badge, locale) {
      const ar = locale === 'ar';
      await notify.notify({
        type: 'direct-message',
        to: { kind: 'volunteer', volunteerId },
        about: `badge-${badge.id}`,
        channels: ['email', 'sms'],
        params: {
          subject: ar ? `وسام جديد: ${badge.nameAr}` : `New badge: ${badge.nameEn}`,
          body: ar
            ? `مبارك! حصلت على وسام «${badge.nameAr}» (${badge.criteriaAr}). تجده في أوسمتك في تطبيق تطوع.`
            : `Congratulations! You earned the "${badge.nameEn}" badge (${badge.criteriaEn}). Find it among your badges in the Tatawwu app.`,
        },
      });
    },
    async awardWon(volunteerId, award, locale) {
      const ar = locale === 'ar';
      await notify.notify({
        type: 'direct-message',
        to: { kind: 'volunteer', volunteerId },
        about: `award-${award.month}-${award.scope}-${award.scopeId}`,
        channels: ['email'],
        params: {
          subject: ar ? `متطوع الشهر ${award.month}` : `Volunteer of the month ${award.month}`,
          body: ar
            ? `نهنئك: اختِرت متطوع الشهر ${award.month} (${Math.round(award.minutes / 60)} ساعة معتمدة). شكرًا لعطائك.`
            : `Congratulations: you are volunteer of the month for ${award.month} (${Math.round(award.minutes / 60)} approved hours). Thank you for giving.`,
        },
      });
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
    const credential = openBadgeCredential({ baseUrl, credentialId: randomUUID(), badge, holder: { nameAr, nameEn }, earnedAt });
    return (await signer()).sign(credential, { typ: 'vc+jwt', cty: 'vc' });
  },
});

export const recognitionPorts = (): RecognitionPorts => ({
  repo: recognitionRepository(),
  volunteers: profiles(),
  credentials: badgeCredentials(),
  messages: messages(),
  clock: systemClock,
  ids: () => ulid(),
  // 80 random bits as 5 groups of 4 hex digits: short enough for a partner to type, hopeless to guess.
  codes: () => randomBytes(10).toString('hex').toUpperCase().match(/.{4}/g)!.join('-'),
});
