/**
 * OrganizationApproved → the registrant becomes the organisation's first volunteer manager
 * (the manager item, then Cognito `org-manager` + `custom:orgId`; locally the table record the
 * local issuer reads). Idempotent: a redelivery finds the manager and repeats only the grant.
 */
import { organizationRepository } from '../../shared/db/organization-repository.js';
import * as organizations from '../../shared/domain/organizations/service.js';
import { userDirectory } from '../../shared/identity/user-directory.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { logger } from '../../shared/powertools/logger.js';
import { assignFirstManager } from './index.js';

export const handler = consumer(assignFirstManager).handler(async ({ detail }) => {
  const outcome = await organizations.assignFirstManager({ repo: organizationRepository(), directory: userDirectory() }, detail);
  logger.info('first manager', { orgId: detail.orgId, outcome });
});
