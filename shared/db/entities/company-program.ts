/**
 * Programmes of a company (`COMPANY#<id>` / `PROGRAM#<programId>`), employees' participations
 * (`PARTICIPATION#<programId>#<id>`), one time-off counter per employee and programme
 * (`VTO#<programId>#<sub>`: `available` minutes only decrease under the condition that enough
 * remain) and, in the volunteer's partition, which participation their hours on an opportunity
 * belong to (`VOL#<sub>` / `VTO#<opportunityId>`: one per opportunity).
 */
import * as z from '../../zod.js';
import { Participation, Program } from '../../domain/companies/schema.js';
import { defineEntity } from './entity.js';
import { companyPartition, volunteerPartition } from './partitions.js';

/** The key builders of `companyProgram` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const companyProgramKeys = { item: (companyId: string, programId: string) => ({ PK: companyPartition(companyId), SK: `PROGRAM#${programId}` }), prefix: 'PROGRAM#', partition: companyPartition };

export const companyProgram = /* @__PURE__ */ defineEntity({
  name: 'CompanyProgram',
  schema: Program,
  keys: companyProgramKeys,
  accessPatterns: [
    { pattern: 'get a programme', key: 'PK = COMPANY#<id> AND SK = PROGRAM#<programId>', index: 'table', operation: 'GetItem' },
    { pattern: "a company's programmes", key: 'PK = COMPANY#<id> AND begins_with(SK, PROGRAM#)', index: 'table', operation: 'Query' },
  ],
});

/** The key builders of `vtoParticipation` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const vtoParticipationKeys = {
  item: (companyId: string, programId: string, participationId: string) => ({ PK: companyPartition(companyId), SK: `PARTICIPATION#${programId}#${participationId}` }),
};

export const vtoParticipation = /* @__PURE__ */ defineEntity({
  name: 'VtoParticipation',
  schema: Participation,
  keys: vtoParticipationKeys,
  accessPatterns: [
    {
      pattern: 'participate: the participation, its hours pointer and (reserved) the quota taken',
      key: 'Put PARTICIPATION# + Put VOL#<sub>/VTO#<opportunityId> if absent + Update VTO#<programId>#<sub> if available >= minutes',
      index: 'table',
      operation: 'TransactWriteItems',
    },
  ],
});

/** The key builders of `vtoQuota` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const vtoQuotaKeys = { item: (companyId: string, programId: string, sub: string) => ({ PK: companyPartition(companyId), SK: `VTO#${programId}#${sub}` }) };

export const vtoQuota = /* @__PURE__ */ defineEntity({
  name: 'VtoQuota',
  schema: /* @__PURE__ */ z.object({ quota: /* @__PURE__ */ z.int(), available: /* @__PURE__ */ z.int(), reserved: /* @__PURE__ */ z.int(), used: /* @__PURE__ */ z.int() }),
  keys: vtoQuotaKeys,
  accessPatterns: [{ pattern: "an employee's time off under a programme", key: 'PK = COMPANY#<id> AND SK = VTO#<programId>#<sub>', index: 'table', operation: 'GetItem' }],
});

/** The key builders of `vtoHoursPointer` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const vtoHoursPointerKeys = { item: (sub: string, opportunityId: string) => ({ PK: volunteerPartition(sub), SK: `VTO#${opportunityId}` }) };

export const vtoHoursPointer = /* @__PURE__ */ defineEntity({
  name: 'VtoHoursPointer',
  schema: /* @__PURE__ */ z.object({ companyId: /* @__PURE__ */ z.string(), programId: /* @__PURE__ */ z.string(), participationId: /* @__PURE__ */ z.string() }),
  keys: vtoHoursPointerKeys,
  accessPatterns: [{ pattern: 'the participation of a volunteer\'s hours on an opportunity', key: 'PK = VOL#<sub> AND SK = VTO#<opportunityId>', index: 'table', operation: 'GetItem' }],
});
