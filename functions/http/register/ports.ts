/** The ports the register and certificate handlers hand to the services. */
import { systemClock } from '../../../shared/clock.js';
import { organizationRepository } from '../../../shared/db/organization-repository.js';
import { registerRepository } from '../../../shared/db/register-repository.js';
import type { OrganizationNames } from '../../../shared/domain/register/ports.js';

export const organizationNames = (): OrganizationNames => {
  const organizations = organizationRepository();
  return {
    async names(orgIds) {
      const found = await Promise.all([...new Set(orgIds)].map(async (id) => [id, await organizations.get(id)] as const));
      return new Map(found.flatMap(([id, org]) => (org ? [[id, { nameAr: org.nameAr, nameEn: org.nameEn }] as const] : [])));
    },
  };
};

export const registerPorts = () => ({
  register: registerRepository(),
  organizations: organizationNames(),
  clock: systemClock,
});
