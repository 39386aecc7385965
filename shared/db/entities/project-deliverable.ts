/**
 * A project's deliverable confirmed as done by a manager (issue 19): `OPP#<id>` /
 * `DELIVERABLE#<deliverableId>`, beside the opportunity whose `project.deliverables` define it.
 * Written once (attribute_not_exists); a project's confirmations are one Query of its partition.
 */
import { DeliverableRecord } from '../../domain/hours/schema.js';
import { defineEntity } from './entity.js';
import { opportunityPartition } from './partitions.js';

/** The key builders of `projectDeliverable` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const projectDeliverableKeys = {
  item: (opportunityId: string, deliverableId: string) => ({ PK: opportunityPartition(opportunityId), SK: `DELIVERABLE#${deliverableId}` }),
  prefix: 'DELIVERABLE#',
  partition: opportunityPartition,
};

export const projectDeliverable = /* @__PURE__ */ defineEntity({
  name: 'ProjectDeliverable',
  schema: DeliverableRecord,
  keys: projectDeliverableKeys,
  accessPatterns: [
    { pattern: 'confirm a deliverable once', key: 'Put PK = OPP#<id>, SK = DELIVERABLE#<deliverableId> attribute_not_exists(PK) (+ outbox event)', index: 'table', operation: 'TransactWriteItems' },
    { pattern: "a project's confirmed deliverables", key: 'PK = OPP#<id> AND begins_with(SK, DELIVERABLE#)', index: 'table', operation: 'Query' },
  ],
});
