/**
 * An organisation is one partition `ORG#<id>`: its profile, its status history, its volunteer
 * department and its managers. The task token of the onboarding workflow lives on the profile
 * item (`taskToken`, internal: never in a record), never outside the table.
 */
import * as z from 'zod';
import { OrganizationStatus, StatusChange, type OrganizationRecord } from '../../domain/organizations/schema.js';
import { defineEntity, storedRecord } from './entity.js';
import { organizationPartition } from './partitions.js';

export const organization = defineEntity({
  name: 'Organization',
  schema: storedRecord<OrganizationRecord>({
    id: z.string(),
    status: OrganizationStatus,
    nameAr: z.string(),
    nameEn: z.string(),
  }),
  internal: ['taskToken'],
  keys: {
    item: (orgId: string) => ({ PK: organizationPartition(orgId), SK: 'PROFILE' }),
    partition: organizationPartition,
  },
  accessPatterns: [
    {
      pattern: 'register an organisation once per licence number',
      key: 'Put PK = ORG#<id>, SK = PROFILE + Put PK = LICENSE#<licence>, SK = LICENSE + Put HISTORY item, profile and marker attribute_not_exists(PK)',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    { pattern: 'get an organisation', key: 'PK = ORG#<id> AND SK = PROFILE', index: 'table', operation: 'GetItem' },
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

/** Uniqueness marker: one organisation per licence number (released on reject/expiry). */
export const licenseMarker = defineEntity({
  name: 'LicenseMarker',
  schema: z.object({ orgId: z.string(), createdAt: z.string() }),
  keys: { item: (licenseNumber: string) => ({ PK: `LICENSE#${licenseNumber}`, SK: 'LICENSE' }) },
  accessPatterns: [{ pattern: 'who holds a licence number', key: 'PK = LICENSE#<licence> AND SK = LICENSE', index: 'table', operation: 'GetItem' }],
});

/** One item per status change; `at` first, then a ULID, so the history lists in time order. */
export const organizationStatusChange = defineEntity({
  name: 'OrganizationStatusChange',
  schema: StatusChange.extend({ orgId: z.string() }),
  keys: {
    item: (orgId: string, at: string, changeId: string) => ({ PK: organizationPartition(orgId), SK: `HISTORY#${at}#${changeId}` }),
    prefix: 'HISTORY#',
  },
  accessPatterns: [
    { pattern: "an organisation's status history, oldest first", key: 'PK = ORG#<id> AND begins_with(SK, HISTORY#)', index: 'table', operation: 'Query' },
  ],
});
