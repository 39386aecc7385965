/** The ports the register and certificate handlers hand to the services. */
import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { certificateRepository, rateLimiter, statusListRepository } from '../../../shared/db/certificate-repository.js';
import { projectNames } from '../../../shared/db/project-reads.js';
import { registerRepository } from '../../../shared/db/register-repository.js';
import { organizationNameReads, volunteerNameReads } from '../../../shared/db/register-names.js';
import type { CertificatePorts } from '../../../shared/domain/certificates/ports.js';
import type { HttpEvent } from '../../../shared/middleware/http.js';
import { signer } from '../../../shared/signing/index.js';

export const registerPorts = () => ({
  register: registerRepository(),
  organizations: organizationNameReads(),
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
  volunteers: volunteerNameReads(),
  organizations: organizationNameReads(),
  projects: projectNames(),
  statusLists: statusListRepository(),
  rateLimiter: rateLimiter(),
  signer,
  clock: systemClock,
  ids: () => ulid(),
  randomBytes: () => randomBytes(16),
  baseUrl: publicBaseUrl(event),
});
