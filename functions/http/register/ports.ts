/** The ports the register and certificate handlers hand to the services. */
import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { certificateRepository, rateLimiter, statusListRepository } from '../../../shared/db/certificate-repository.js';
import { organizationRepository } from '../../../shared/db/organization-repository.js';
import { projectNames } from '../../../shared/db/project-reads.js';
import { registerRepository } from '../../../shared/db/register-repository.js';
import { volunteerRepository } from '../../../shared/db/volunteer-repository.js';
import type { CertificatePorts, VolunteerNames } from '../../../shared/domain/certificates/ports.js';
import type { OrganizationNames } from '../../../shared/domain/register/ports.js';
import type { HttpEvent } from '../../../shared/middleware/http.js';
import { signer } from '../../../shared/signing/index.js';

export const organizationNames = (): OrganizationNames => {
  const organizations = organizationRepository();
  return {
    async names(orgIds) {
      const found = await Promise.all([...new Set(orgIds)].map(async (id) => [id, await organizations.get(id)] as const));
      return new Map(found.flatMap(([id, org]) => (org ? [[id, { nameAr: org.nameAr, nameEn: org.nameEn }] as const] : [])));
    },
  };
};

const volunteerNames = (): VolunteerNames => {
  const volunteers = volunteerRepository();
  return {
    async names(volunteerId) {
      const profile = await volunteers.get(volunteerId);
      return profile && { nameAr: profile.nameAr, nameEn: profile.nameEn };
    },
  };
};

export const registerPorts = () => ({
  register: registerRepository(),
  organizations: organizationNames(),
  projects: projectNames(),
  clock: systemClock,
});

/**
 * The platform's public origin: `PUBLIC_BASE_URL` when set (the custom domain in the cloud, the
 * gateway's URL locally), else the HTTPS origin the request came to.
 */
export const publicBaseUrl = (event: HttpEvent): string =>
  (process.env.PUBLIC_BASE_URL ?? `https://${event.requestContext.domainName}`).replace(/\/+$/, '');

/** The address a public request came from (API Gateway's view of the client). */
export const clientAddress = (event: HttpEvent): string => event.requestContext.http.sourceIp;

/** Listing, verifying and revoking: no signer, so the KMS client stays out of those bundles (issue 17). */
export const certificateReadPorts = () => ({
  certificates: certificateRepository(),
  rateLimiter: rateLimiter(),
  clock: systemClock,
  ids: () => ulid(),
});

/** A status list credential: the lists, the signer and the clock (no certificate, register or name reads). */
export const statusListPorts = (event: HttpEvent): Pick<CertificatePorts, 'statusLists' | 'signer' | 'clock' | 'baseUrl'> => ({
  statusLists: statusListRepository(),
  signer,
  clock: systemClock,
  baseUrl: publicBaseUrl(event),
});

export const certificatePorts = (event: HttpEvent): CertificatePorts & { rateLimiter: ReturnType<typeof rateLimiter> } => ({
  certificates: certificateRepository(),
  register: registerRepository(),
  volunteers: volunteerNames(),
  organizations: organizationNames(),
  projects: projectNames(),
  statusLists: statusListRepository(),
  rateLimiter: rateLimiter(),
  signer,
  clock: systemClock,
  ids: () => ulid(),
  randomBytes: () => randomBytes(16),
  baseUrl: publicBaseUrl(event),
});
