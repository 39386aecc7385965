/**
 * The `manager-certifications` schedule (daily, 08:00 Riyadh): reminds each volunteer manager 30
 * days before their certification expires (once per certification) and takes certifications that
 * expired in the last week out of their organisation's certified set, raising
 * OrganizationCertifiedManagerChanged when an organisation loses its last certified manager.
 * See shared/domain/organizations/service.ts (runCertificationExpiry).
 */
import { ulid } from 'ulid';
import { managerContacts } from '../../shared/db/notification-reads.js';
import { organizationRepository } from '../../shared/db/organization-repository.js';
import { appPaths } from '../../shared/domain/notifications/links.js';
import { runCertificationExpiry } from '../../shared/domain/organizations/service.js';
import { notifier } from '../../shared/messaging/notifier.js';
import { job } from '../../shared/middleware/job.js';
import { managerCertificationsSchedule } from './index.js';

const baseUrl = () => (process.env.PUBLIC_BASE_URL ?? 'https://tatawwu.sa').replace(/\/+$/, '');

export const handler = job(managerCertificationsSchedule).handler(async ({ now }) => {
  const notify = notifier({ now: () => now });
  return runCertificationExpiry(
    {
      repo: organizationRepository(),
      clock: { now: () => now },
      ids: () => ulid(),
      remind: async (manager, org) => {
        // The manager's own language: their volunteer profile's locale (managerContacts), else Arabic.
        const locales = new Map((await managerContacts(manager.orgId)).map((c) => [c.email, c.locale]));
        const results = await notify.notify({
          type: 'manager-certification-expiring',
          to: { kind: 'address', email: manager.email, locale: locales.get(manager.email) ?? 'ar' },
          about: `${manager.orgId}:${manager.sub}`,
          window: manager.certificationExpiresAt ?? '',
          params: {
            orgNameAr: org.nameAr,
            orgNameEn: org.nameEn,
            certificationNumber: manager.certificationNumber ?? '',
            expiresOn: manager.certificationExpiresAt ?? '',
            managersUrl: `${baseUrl()}/v1/organizations/${org.id}/managers`,
          },
          link: appPaths.managers(org.id),
        });
        return results.some((r) => r.outcome === 'queued' || r.outcome === 'sent' || r.outcome === 'deferred');
      },
    },
    now,
  );
});
