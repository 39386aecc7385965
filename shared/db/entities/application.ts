/**
 * An application is one partition `APP#<id>`: the application item (status, `version`, the
 * task token of its review workflow, never returned) and one HISTORY item per transition
 * (SK = HISTORY#<version>, so a retried transition cannot write a second one).
 * - GSI1 `VOL#<sub>#APPS` lists a volunteer's applications (newest first);
 * - GSI2 `ORG#<orgId>#APP#<status>` is the review queue, re-keyed on every transition,
 *   sorted by the time of the last transition (oldest first).
 * Beside it: the applied marker (applied-marker.ts), bookings (booking.ts) and the waitlist
 * (waitlist.ts). The shift item (shift.ts) carries `seatsTaken` and `waiting`, written only in
 * transactions.
 */
import * as z from '../../zod.js';
import { ApplicationStatus, StatusChange, type ApplicationRecord } from '../../domain/applications/schema.js';
import { defineEntity, storedRecord } from './entity.js';
import { organizationPartition, volunteerPartition } from './partitions.js';

const volunteerApplications = (sub: string) => `${volunteerPartition(sub)}#APPS`;
const reviewPartition = (orgId: string, status: string) => `${organizationPartition(orgId)}#APP#${status}`;

/** The key builders of `application` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const applicationKeys = {
  item: (id: string) => ({ PK: `APP#${id}`, SK: 'APPLICATION' }),
  byVolunteer: (sub: string, createdAt: string, id: string) => ({ GSI1PK: volunteerApplications(sub), GSI1SK: `${createdAt}#${id}` }),
  volunteerPartition: volunteerApplications,
  reviewQueue: (orgId: string, status: string, at: string, id: string) => ({ GSI2PK: reviewPartition(orgId, status), GSI2SK: `${at}#${id}` }),
  reviewPartition,
};

export const application = /* @__PURE__ */ defineEntity({
  name: 'Application',
  schema: /* @__PURE__ */ storedRecord<ApplicationRecord>({
    id: /* @__PURE__ */ z.string(),
    volunteerId: /* @__PURE__ */ z.string(),
    opportunityId: /* @__PURE__ */ z.string(),
    orgId: /* @__PURE__ */ z.string(),
    shiftId: /* @__PURE__ */ z.string(),
    shiftStart: /* @__PURE__ */ z.string(),
    shiftEnd: /* @__PURE__ */ z.string(),
    status: ApplicationStatus,
    version: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int()),
    createdAt: /* @__PURE__ */ z.string(),
    updatedAt: /* @__PURE__ */ z.string(),
  }),
  keys: applicationKeys,
  accessPatterns: [
    {
      pattern: 'apply: the application, the volunteer–shift marker and history item 1 at once (already applied → 409)',
      key: 'Put PK = APP#<id>, SK = APPLICATION + Put PK = VOL#<sub>, SK = APPLIED#<shiftId> + Put HISTORY#0001, all attribute_not_exists(PK)',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    { pattern: 'get an application', key: 'PK = APP#<id> AND SK = APPLICATION', index: 'table', operation: 'GetItem' },
    { pattern: "a volunteer's applications, newest first", key: 'GSI1PK = VOL#<sub>#APPS', index: 'GSI1', operation: 'Query' },
    {
      pattern: "an organisation's review queue per status, oldest transition first",
      key: 'GSI2PK = ORG#<orgId>#APP#<status>',
      index: 'GSI2',
      operation: 'Query',
    },
    {
      pattern: 'status transition (pending, rejected, expired, withdrawn): application + history',
      key: 'Update APP#<id> if status = <from> AND version = <seen> + Put HISTORY#<version+1> (+ Delete APPLIED# when it ends)',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    {
      pattern: 'record a manager decision once (second decision refused)',
      key: 'Update APP#<id> if status = pending AND attribute_exists(taskToken) AND attribute_not_exists(decision)',
      index: 'table',
      operation: 'UpdateItem',
    },
  ],
});

/** The key builders of `applicationHistory` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const applicationHistoryKeys = {
  item: (id: string, version: number) => ({ PK: `APP#${id}`, SK: `HISTORY#${String(version).padStart(4, '0')}` }),
  prefix: 'HISTORY#',
};

export const applicationHistory = /* @__PURE__ */ defineEntity({
  name: 'ApplicationHistory',
  schema: /* @__PURE__ */ z.extend(StatusChange, { applicationId: /* @__PURE__ */ z.string() }),
  keys: applicationHistoryKeys,
  accessPatterns: [{ pattern: "an application's history, oldest first", key: 'PK = APP#<id> AND begins_with(SK, HISTORY#)', index: 'table', operation: 'Query' }],
});
