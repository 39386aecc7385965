/**
 * A company is one partition `COMPANY#<id>`: its profile, status history and admins (and, in
 * their own modules, its employees and programmes). The onboarding workflow's task token lives
 * on the profile item (`taskToken`, internal: never in a record).
 */
import * as z from '../../zod.js';
import { CompanyAdmin, CompanyRecord, CompanyStatusChange } from '../../domain/companies/schema.js';
import { defineEntity } from './entity.js';
import { companyPartition } from './partitions.js';

/** The key builders of `company` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const companyKeys = { item: (companyId: string) => ({ PK: companyPartition(companyId), SK: 'PROFILE' }), partition: companyPartition };

export const company = /* @__PURE__ */ defineEntity({
  name: 'Company',
  schema: CompanyRecord,
  internal: ['taskToken'],
  keys: companyKeys,
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

/** The key builders of `crMarker` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const crMarkerKeys = { item: (crNumber: string) => ({ PK: `CR#${crNumber}`, SK: 'CR' }) };

/**
 * One company per commercial registration number: a pending registration holds it until
 * `heldUntil` (the onboarding window; TTL removes a lapsed hold), approval makes the hold
 * permanent, rejection and expiry delete it.
 */
export const crMarker = /* @__PURE__ */ defineEntity({
  name: 'CrMarker',
  schema: /* @__PURE__ */ z.object({ companyId: /* @__PURE__ */ z.string(), createdAt: /* @__PURE__ */ z.string(), heldUntil: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) }),
  keys: crMarkerKeys,
  accessPatterns: [{ pattern: 'who holds a commercial registration number', key: 'PK = CR#<number> AND SK = CR', index: 'table', operation: 'GetItem' }],
});

/** The key builders of `companyStatusChange` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const companyStatusChangeKeys = {
  item: (companyId: string, at: string, changeId: string) => ({ PK: companyPartition(companyId), SK: `HISTORY#${at}#${changeId}` }),
  prefix: 'HISTORY#',
};

export const companyStatusChange = /* @__PURE__ */ defineEntity({
  name: 'CompanyStatusChange',
  schema: /* @__PURE__ */ z.extend(CompanyStatusChange, { companyId: /* @__PURE__ */ z.string() }),
  keys: companyStatusChangeKeys,
  accessPatterns: [{ pattern: "a company's status history, oldest first", key: 'PK = COMPANY#<id> AND begins_with(SK, HISTORY#)', index: 'table', operation: 'Query' }],
});

/** The key builders of `companyAdmin` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const companyAdminKeys = {
  item: (companyId: string, sub: string) => ({ PK: companyPartition(companyId), SK: `ADMIN#${sub}` }),
  prefix: 'ADMIN#',
  /** GSI1: every company admin of the platform, by company (the monthly contribution emails). */
  everyAdmin: (companyId: string, sub: string) => ({ GSI1PK: 'COMPANYADMINS', GSI1SK: `${companyId}#${sub}` }),
  all: 'COMPANYADMINS',
};

export const companyAdmin = /* @__PURE__ */ defineEntity({
  name: 'CompanyAdmin',
  schema: CompanyAdmin,
  keys: companyAdminKeys,
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

/** The key builders of `companyAdminAssignment` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const companyAdminAssignmentKeys = { item: (sub: string) => ({ PK: `USER#${sub}`, SK: 'COMPANY_ADMIN' }) };

/** A user administers at most one company (`custom:companyId` holds one id). */
export const companyAdminAssignment = /* @__PURE__ */ defineEntity({
  name: 'CompanyAdminAssignment',
  schema: /* @__PURE__ */ z.object({ companyId: /* @__PURE__ */ z.string(), sub: /* @__PURE__ */ z.string() }),
  keys: companyAdminAssignmentKeys,
  accessPatterns: [{ pattern: 'which company a user administers', key: 'PK = USER#<sub> AND SK = COMPANY_ADMIN', index: 'table', operation: 'GetItem' }],
});
