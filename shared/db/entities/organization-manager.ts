/** A manager of an organisation (`ORG#<id>` / `MANAGER#<sub>`) and the one-organisation-per-user assignment. */
import * as z from '../../zod.js';
import { Manager } from '../../domain/organizations/schema.js';
import { defineEntity } from './entity.js';
import { organizationPartition } from './partitions.js';

/** The key builders of `organizationManager` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const organizationManagerKeys = {
  item: (orgId: string, sub: string) => ({ PK: organizationPartition(orgId), SK: `MANAGER#${sub}` }),
  prefix: 'MANAGER#',
  /** Sparse GSI2 of a manager with a certification expiry: the certifications expiring on a day. */
  expiry: (expiresOn: string, orgId: string, sub: string) => ({ GSI2PK: `MGRCERTEXP#${expiresOn}`, GSI2SK: `${orgId}#${sub}` }),
  expiringOn: (day: string) => `MGRCERTEXP#${day}`,
};

export const organizationManager = /* @__PURE__ */ defineEntity({
  name: 'OrganizationManager',
  schema: Manager,
  keys: organizationManagerKeys,
  accessPatterns: [
    {
      pattern: 'add a manager (a user manages one organisation)',
      key: 'Put PK = ORG#<id>, SK = MANAGER#<sub> + Put PK = USER#<sub>, SK = MANAGES, both attribute_not_exists(PK)',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    { pattern: "list an organisation's managers", key: 'PK = ORG#<id> AND begins_with(SK, MANAGER#)', index: 'table', operation: 'Query' },
    { pattern: 'manager certifications expiring on a Riyadh day (reminders, lapses)', key: 'GSI2PK = MGRCERTEXP#<yyyy-mm-dd>', index: 'GSI2', operation: 'Query' },
    {
      pattern: "an organisation's certified managers (a string set on its profile) gain or lose one",
      key: 'Update PK = ORG#<id>, SK = PROFILE ADD|DELETE certifiedManagers if size(certifiedManagers) = <seen>',
      index: 'table',
      operation: 'TransactWriteItems',
    },
  ],
});

/** The key builders of `managerAssignment` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const managerAssignmentKeys = { item: (sub: string) => ({ PK: `USER#${sub}`, SK: 'MANAGES' }) };

/** A user manages at most one organisation (`custom:orgId` holds one id): marker per user. */
export const managerAssignment = /* @__PURE__ */ defineEntity({
  name: 'ManagerAssignment',
  schema: /* @__PURE__ */ z.object({ orgId: /* @__PURE__ */ z.string(), sub: /* @__PURE__ */ z.string() }),
  keys: managerAssignmentKeys,
  accessPatterns: [
    { pattern: 'the organisation a user manages (the local token issuer, standing in for Cognito custom:orgId)', key: 'PK = USER#<sub> AND SK = MANAGES', index: 'table', operation: 'GetItem' },
  ],
});
