/**
 * An organisation is one partition `ORG#<id>`: its profile, its status history, its volunteer
 * department and its managers. The task token of the onboarding workflow lives on the profile
 * item (`taskToken`, internal: never in a record), never outside the table.
 */
import * as z from '../../zod.js';
import { OrganizationStatus, StatusChange, type OrganizationRecord } from '../../domain/organizations/schema.js';
import { defineEntity, storedRecord } from './entity.js';
import { organizationPartition } from './partitions.js';

/** The key builders of `organization` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const organizationKeys = {
  item: (orgId: string) => ({ PK: organizationPartition(orgId), SK: 'PROFILE' }),
  partition: organizationPartition,
  /** The lists by status (GSI2) and by status and city (GSI3), oldest registration first; moved on every status change. */
  listed: (status: string, city: string, createdAt: string, orgId: string) => ({
    GSI2PK: `ORGS#${status}`,
    GSI2SK: `${createdAt}#${orgId}`,
    GSI3PK: `ORGS#${status}#${city}`,
    GSI3SK: `${createdAt}#${orgId}`,
  }),
  byStatus: (status: string) => `ORGS#${status}`,
  byStatusAndCity: (status: string, city: string) => `ORGS#${status}#${city}`,
};

export const organization = /* @__PURE__ */ defineEntity({
  name: 'Organization',
  schema: /* @__PURE__ */ storedRecord<OrganizationRecord>({
    id: /* @__PURE__ */ z.string(),
    status: OrganizationStatus,
    nameAr: /* @__PURE__ */ z.string(),
    nameEn: /* @__PURE__ */ z.string(),
  }),
  internal: ['taskToken'],
  keys: organizationKeys,
  accessPatterns: [
    {
      pattern: 'register an organisation once per licence number',
      key: 'Put PK = ORG#<id>, SK = PROFILE + Put PK = LICENSE#<licence>, SK = LICENSE + Put HISTORY item, profile and marker attribute_not_exists(PK)',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    { pattern: 'get an organisation', key: 'PK = ORG#<id> AND SK = PROFILE', index: 'table', operation: 'GetItem' },
    { pattern: 'organisations in one status, oldest registration first (the pending review queue; active for everyone)', key: 'GSI2PK = ORGS#<status>', index: 'GSI2', operation: 'Query' },
    { pattern: 'organisations in one status and city, oldest registration first', key: 'GSI3PK = ORGS#<status>#<city>', index: 'GSI3', operation: 'Query' },
    {
      pattern: 'record a reviewer decision once (second decision refused)',
      key: 'Update PK = ORG#<id>, SK = PROFILE if status = pending AND attribute_exists(taskToken) AND attribute_not_exists(decision)',
      index: 'table',
      operation: 'UpdateItem',
    },
    {
      pattern: 'approve: status pending → active, department established, history appended',
      key: 'Update PROFILE if status = pending + Put DEPARTMENT attribute_not_exists(PK) + Put HISTORY',
      index: 'table',
      operation: 'TransactWriteItems',
    },
  ],
});

/** The key builders of `licenseMarker` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const licenseMarkerKeys = { item: (licenseNumber: string) => ({ PK: `LICENSE#${licenseNumber}`, SK: 'LICENSE' }) };

/**
 * Uniqueness marker: one organisation per licence number. While the registration is pending
 * the hold ends at `heldUntil` (and the item's TTL); approval removes both (the licence stays
 * with the organisation), rejection and expiry delete the marker.
 */
export const licenseMarker = /* @__PURE__ */ defineEntity({
  name: 'LicenseMarker',
  schema: /* @__PURE__ */ z.object({ orgId: /* @__PURE__ */ z.string(), createdAt: /* @__PURE__ */ z.string(), heldUntil: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) }),
  keys: licenseMarkerKeys,
  accessPatterns: [
    { pattern: 'who holds a licence number', key: 'PK = LICENSE#<licence> AND SK = LICENSE', index: 'table', operation: 'GetItem' },
    {
      pattern: 'hold a licence number for a pending registration (a lapsed hold is taken over)',
      key: 'Put PK = LICENSE#<licence>, SK = LICENSE if attribute_not_exists(PK) OR heldUntil < <now>',
      index: 'table',
      operation: 'TransactWriteItems',
    },
  ],
});

/** The key builders of `organizationStatusChange` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const organizationStatusChangeKeys = {
  item: (orgId: string, at: string, changeId: string) => ({ PK: organizationPartition(orgId), SK: `HISTORY#${at}#${changeId}` }),
  prefix: 'HISTORY#',
};

/** One item per status change; `at` first, then a ULID, so the history lists in time order. */
export const organizationStatusChange = /* @__PURE__ */ defineEntity({
  name: 'OrganizationStatusChange',
  schema: /* @__PURE__ */ z.extend(StatusChange, { orgId: /* @__PURE__ */ z.string() }),
  keys: organizationStatusChangeKeys,
  accessPatterns: [
    { pattern: "an organisation's status history, oldest first", key: 'PK = ORG#<id> AND begins_with(SK, HISTORY#)', index: 'table', operation: 'Query' },
  ],
});
