/**
 * A company is one partition `COMPANY#<id>`: its profile, status history and admins (and, in
 * their own modules, its employees and programmes). The onboarding workflow's task token lives
 * on the profile item (`taskToken`, internal: never in a record).
 */
import * as z from '../../zod.js';
import { CompanyAdmin, CompanyRecord, CompanyStatusChange } from '../../domain/companies/schema.js';
import { defineEntity } from './entity.js';
import { companyPartition } from './partitions.js';

export const company = /* @__PURE__ */ defineEntity({
  name: 'Company',
  schema: CompanyRecord,
  internal: ['taskToken'],
  keys: { item: (companyId: string) => ({ PK: companyPartition(companyId), SK: 'PROFILE' }), partition: companyPartition },
  accessPatterns: [
    {
      pattern: 'register a company once per commercial registration number',
      key: 'Put PK = COMPANY#<id>, SK = PROFILE + Put PK = CR#<number>, SK = CR + Put HISTORY, profile and marker attribute_not_exists(PK)',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    { pattern: 'get a company', key: 'PK = COMPANY#<id> AND SK = PROFILE', index: 'table', operation: 'GetItem' },
    {
      pattern: 'approve: pending → active, first admin, history appended',
      key: 'Update PROFILE if status = pending + Put ADMIN#<sub> + Put USER#<sub>/COMPANY_ADMIN + Put HISTORY',
      index: 'table',
      operation: 'TransactWriteItems',
    },
  ],
});

/**
 * One company per commercial registration number: a pending registration holds it until
 * `heldUntil` (the onboarding window; TTL removes a lapsed hold), approval makes the hold
 * permanent, rejection and expiry delete it.
 */
export const crMarker = /* @__PURE__ */ defineEntity({
  name: 'CrMarker',
  schema: /* @__PURE__ */ z.object({ companyId: /* @__PURE__ */ z.string(), createdAt: /* @__PURE__ */ z.string(), heldUntil: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) }),
  keys: { item: (crNumber: string) => ({ PK: `CR#${crNumber}`, SK: 'CR' }) },
  accessPatterns: [{ pattern: 'who holds a commercial registration number', key: 'PK = CR#<number> AND SK = CR', index: 'table', operation: 'GetItem' }],
});

export const companyStatusChange = /* @__PURE__ */ defineEntity({
  name: 'CompanyStatusChange',
  schema: /* @__PURE__ */ z.extend(CompanyStatusChange, { companyId: /* @__PURE__ */ z.string() }),
  keys: {
    item: (companyId: string, at: string, changeId: string) => ({ PK: companyPartition(companyId), SK: `HISTORY#${at}#${changeId}` }),
    prefix: 'HISTORY#',
  },
  accessPatterns: [{ pattern: "a company's status history, oldest first", key: 'PK = COMPANY#<id> AND begins_with(SK, HISTORY#)', index: 'table', operation: 'Query' }],
});

export const companyAdmin = /* @__PURE__ */ defineEntity({
  name: 'CompanyAdmin',
  schema: CompanyAdmin,
  keys: {
    item: (companyId: string, sub: string) => ({ PK: companyPartition(companyId), SK: `ADMIN#${sub}` }),
    prefix: 'ADMIN#',
    /** GSI1: every company admin of the platform, by company (the monthly contribution emails). */
    everyAdmin: (companyId: string, sub: string) => ({ GSI1PK: 'COMPANYADMINS', GSI1SK: `${companyId}#${sub}` }),
    all: 'COMPANYADMINS',
  },
  accessPatterns: [
    {
      pattern: 'add a company admin (a user administers one company)',
      key: 'Put PK = COMPANY#<id>, SK = ADMIN#<sub> + Put PK = USER#<sub>, SK = COMPANY_ADMIN if absent or the same company',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    { pattern: "list a company's admins", key: 'PK = COMPANY#<id> AND begins_with(SK, ADMIN#)', index: 'table', operation: 'Query' },
    { pattern: 'every company admin, by company (monthly contribution emails)', key: 'GSI1PK = COMPANYADMINS', index: 'GSI1', operation: 'Query' },
  ],
});

/** A user administers at most one company (`custom:companyId` holds one id). */
export const companyAdminAssignment = /* @__PURE__ */ defineEntity({
  name: 'CompanyAdminAssignment',
  schema: /* @__PURE__ */ z.object({ companyId: /* @__PURE__ */ z.string(), sub: /* @__PURE__ */ z.string() }),
  keys: { item: (sub: string) => ({ PK: `USER#${sub}`, SK: 'COMPANY_ADMIN' }) },
  accessPatterns: [{ pattern: 'which company a user administers', key: 'PK = USER#<sub> AND SK = COMPANY_ADMIN', index: 'table', operation: 'GetItem' }],
});
