/**
 * Employees of companies: the company's record of each employee (`COMPANY#<id>` /
 * `EMPLOYEE#<sub>`, kept after they leave), its employee counters, the volunteer's one current
 * membership (`VOL#<sub>` / `COMPANY`: at most one company at a time) and the one-time join
 * codes (`JOINCODE#<hash>`, expiring through the table's TTL and checked on use).
 */
import * as z from '../../zod.js';
import { Employee, JoinVia, Membership } from '../../domain/companies/schema.js';
import { defineEntity } from './entity.js';
import { companyPartition, volunteerPartition } from './partitions.js';

/** The key builders of `companyEmployee` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const companyEmployeeKeys = {
  item: (companyId: string, sub: string) => ({ PK: companyPartition(companyId), SK: `EMPLOYEE#${sub}` }),
  prefix: 'EMPLOYEE#',
  /** GSI2: every company a volunteer ever joined (their copy and their erasure, issue 18). */
  volunteerIndex: (sub: string, companyId: string) => ({ GSI2PK: `EMPLOYEEOF#${sub}`, GSI2SK: companyPartition(companyId) }),
  volunteerPartition: (sub: string) => `EMPLOYEEOF#${sub}`,
};

export const companyEmployee = /* @__PURE__ */ defineEntity({
  name: 'CompanyEmployee',
  schema: Employee,
  keys: companyEmployeeKeys,
  accessPatterns: [
    { pattern: 'the employee records of one volunteer, in every company (personal-data copy and erasure)', key: 'GSI2PK = EMPLOYEEOF#<sub>', index: 'GSI2', operation: 'Query' },
    {
      pattern: 'join with a code: consume it, take the one membership, open a stint, count',
      key: 'Delete JOINCODE#<hash> if it exists + Put VOL#<sub>/COMPANY if absent + Put or Update COMPANY#<id>/EMPLOYEE#<sub> + Update COMPANY#<id>/EMPLOYEES',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    { pattern: "a company's employees, a page at a time", key: 'PK = COMPANY#<id> AND begins_with(SK, EMPLOYEE#)', index: 'table', operation: 'Query' },
  ],
});

/** The key builders of `companyEmployeeCounts` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const companyEmployeeCountsKeys = { item: (companyId: string) => ({ PK: companyPartition(companyId), SK: 'EMPLOYEES' }) };

export const companyEmployeeCounts = /* @__PURE__ */ defineEntity({
  name: 'CompanyEmployeeCounts',
  schema: /* @__PURE__ */ z.object({ current: /* @__PURE__ */ z._default(/* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int()), 0), joined: /* @__PURE__ */ z._default(/* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int()), 0) }),
  keys: companyEmployeeCountsKeys,
  accessPatterns: [{ pattern: "a company's employee counters (current members, ever joined)", key: 'PK = COMPANY#<id> AND SK = EMPLOYEES', index: 'table', operation: 'GetItem' }],
});

/** The key builders of `companyMembership` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const companyMembershipKeys = { item: (sub: string) => ({ PK: volunteerPartition(sub), SK: 'COMPANY' }) };

export const companyMembership = /* @__PURE__ */ defineEntity({
  name: 'CompanyMembership',
  schema: Membership,
  keys: companyMembershipKeys,
  accessPatterns: [{ pattern: "the company a volunteer belongs to now", key: 'PK = VOL#<sub> AND SK = COMPANY', index: 'table', operation: 'GetItem' }],
});

/** The key builders of `joinCode` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const joinCodeKeys = {
  item: (codeHash: string) => ({ PK: `JOINCODE#${codeHash}`, SK: 'CODE' }),
  /** GSI2: the codes sent to one address (personal-data copy and erasure, issue 18). */
  addressIndex: (email: string, codeHash: string) => ({ GSI2PK: `JOINCODETO#${email.toLowerCase()}`, GSI2SK: codeHash }),
  addressPartition: (email: string) => `JOINCODETO#${email.toLowerCase()}`,
};

export const joinCode = /* @__PURE__ */ defineEntity({
  name: 'JoinCode',
  schema: /* @__PURE__ */ z.object({ codeHash: /* @__PURE__ */ z.string(), companyId: /* @__PURE__ */ z.string(), email: /* @__PURE__ */ z.string(), via: JoinVia, validUntil: /* @__PURE__ */ z.string(), requestedBy: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) }),
  keys: joinCodeKeys,
  accessPatterns: [
    { pattern: 'a join code by its hash', key: 'PK = JOINCODE#<hash> AND SK = CODE', index: 'table', operation: 'GetItem' },
    { pattern: 'the join codes sent to one address (personal-data copy and erasure)', key: 'GSI2PK = JOINCODETO#<email>', index: 'GSI2', operation: 'Query' },
  ],
});

/** The key builders of `joinAttempts` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const joinAttemptsKeys = { item: (companyId: string, sub: string, hour: number) => ({ PK: companyPartition(companyId), SK: `JOINTRY#${sub}#${hour}` }) };

/**
 * Wrong join codes a volunteer gave for a company in one fixed hour (`JOINTRY#<sub>#<hour>`,
 * expiring through the TTL): at 5 the volunteer is refused (429) until the hour ends and the
 * domain code they asked for is deleted (brute force of the one-time codes).
 */
export const joinAttempts = /* @__PURE__ */ defineEntity({
  name: 'JoinAttempts',
  schema: /* @__PURE__ */ z.object({ failures: /* @__PURE__ */ z.int() }),
  keys: joinAttemptsKeys,
  accessPatterns: [
    { pattern: "a volunteer's wrong join codes for a company this hour", key: 'GetItem / Update ADD failures 1: PK = COMPANY#<id>, SK = JOINTRY#<sub>#<hour>', index: 'table', operation: 'UpdateItem' },
  ],
});

/** The key builders of `requestedCode` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const requestedCodeKeys = { item: (companyId: string, sub: string) => ({ PK: companyPartition(companyId), SK: `DOMAINCODE#${sub}` }) };

/** The latest domain code a volunteer asked for at a company (`DOMAINCODE#<sub>`): what a lockout deletes. */
export const requestedCode = /* @__PURE__ */ defineEntity({
  name: 'RequestedJoinCode',
  schema: /* @__PURE__ */ z.object({ codeHash: /* @__PURE__ */ z.string() }),
  keys: requestedCodeKeys,
  accessPatterns: [{ pattern: 'the domain code a volunteer asked for at a company', key: 'PK = COMPANY#<id> AND SK = DOMAINCODE#<sub>', index: 'table', operation: 'GetItem' }],
});
