/**
 * Evaluations after a shift, in the shift's evaluation partition (`SHIFTEVAL#<shiftId>`): the
 * volunteers' experience ratings (`EXP#<volunteerId>`) and the managers' ratings of attendees
 * (`VOL#<volunteerId>`), one item each (attribute_not_exists: once each). GSI1 lists an
 * organisation's experience ratings and a volunteer's ratings (recounts, audits).
 *
 * The aggregates are running sums in the owner's partition, changed in the same transaction as
 * the evaluation (ADD count/sums on create, ADD the difference on an edit).
 */
import { ExperienceAggregate, ExperienceRecord, VolunteerAggregate, VolunteerEvaluationRecord } from '../../domain/evaluations/schema.js';
import { defineEntity } from './entity.js';
import { organizationPartition, volunteerPartition } from './partitions.js';

const partition = (shiftId: string) => `SHIFTEVAL#${shiftId}`;

/** The key builders of `experienceEvaluation` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const experienceEvaluationKeys = {
  item: (shiftId: string, volunteerId: string) => ({ PK: partition(shiftId), SK: `EXP#${volunteerId}` }),
  byOrganization: (orgId: string, createdAt: string, shiftId: string, volunteerId: string) => ({
    GSI1PK: `ORGEVAL#${orgId}`,
    GSI1SK: `${createdAt}#${shiftId}#${volunteerId}`,
  }),
  organizationPartition: (orgId: string) => `ORGEVAL#${orgId}`,
  shiftPartition: partition,
  prefix: 'EXP#',
};

export const experienceEvaluation = /* @__PURE__ */ defineEntity({
  name: 'ExperienceEvaluation',
  schema: ExperienceRecord,
  keys: experienceEvaluationKeys,
  accessPatterns: [
    { pattern: "a volunteer's experience rating of a shift", key: 'PK = SHIFTEVAL#<shiftId> AND SK = EXP#<sub>', index: 'table', operation: 'GetItem' },
    { pattern: "a shift's experience ratings", key: 'PK = SHIFTEVAL#<shiftId> AND begins_with(SK, EXP#)', index: 'table', operation: 'Query' },
    { pattern: "an organisation's experience ratings (recount)", key: 'GSI1PK = ORGEVAL#<orgId>', index: 'GSI1', operation: 'Query' },
    {
      pattern: 'rate once: the rating and the organisation aggregate',
      key: 'Put EXP#<sub> attribute_not_exists(PK) + Update ORG#<orgId>/RATING#EXPERIENCE ADD count 1, sum r (edit: Put if version = v + ADD sum Δ)',
      index: 'table',
      operation: 'TransactWriteItems',
    },
  ],
});

/** The key builders of `volunteerEvaluation` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const volunteerEvaluationKeys = {
  item: (shiftId: string, volunteerId: string) => ({ PK: partition(shiftId), SK: `VOL#${volunteerId}` }),
  byVolunteer: (volunteerId: string, createdAt: string, shiftId: string) => ({ GSI1PK: `VOLEVAL#${volunteerId}`, GSI1SK: `${createdAt}#${shiftId}` }),
  volunteerPartition: (volunteerId: string) => `VOLEVAL#${volunteerId}`,
  shiftPartition: partition,
  prefix: 'VOL#',
};

export const volunteerEvaluation = /* @__PURE__ */ defineEntity({
  name: 'VolunteerEvaluation',
  schema: VolunteerEvaluationRecord,
  keys: volunteerEvaluationKeys,
  accessPatterns: [
    { pattern: "the managers' rating of an attendee on a shift", key: 'PK = SHIFTEVAL#<shiftId> AND SK = VOL#<sub>', index: 'table', operation: 'GetItem' },
    { pattern: "a shift's ratings of attendees", key: 'PK = SHIFTEVAL#<shiftId> AND begins_with(SK, VOL#)', index: 'table', operation: 'Query' },
    { pattern: "a volunteer's ratings (recount)", key: 'GSI1PK = VOLEVAL#<sub>', index: 'GSI1', operation: 'Query' },
  ],
});

/** The key builders of `experienceAggregate` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const experienceAggregateKeys = { item: (orgId: string) => ({ PK: organizationPartition(orgId), SK: 'RATING#EXPERIENCE' }) };

export const experienceAggregate = /* @__PURE__ */ defineEntity({
  name: 'ExperienceAggregate',
  schema: ExperienceAggregate,
  keys: experienceAggregateKeys,
  accessPatterns: [{ pattern: "an organisation's experience rating (count, sum)", key: 'PK = ORG#<orgId> AND SK = RATING#EXPERIENCE', index: 'table', operation: 'GetItem' }],
});

/** The key builders of `volunteerAggregate` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const volunteerAggregateKeys = { item: (volunteerId: string) => ({ PK: volunteerPartition(volunteerId), SK: 'RATINGS' }) };

export const volunteerAggregate = /* @__PURE__ */ defineEntity({
  name: 'VolunteerRatingAggregate',
  schema: VolunteerAggregate,
  keys: volunteerAggregateKeys,
  accessPatterns: [{ pattern: "a volunteer's ratings (count, sums)", key: 'PK = VOL#<sub> AND SK = RATINGS', index: 'table', operation: 'GetItem' }],
});
