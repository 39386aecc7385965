/**
 * Team events (issue 15): seats a company reserved on a shift for its employees
 * (`COMPANY#<id>` / `TEAMEVENT#<teamEventId>`). A claim is the employee's own application (its
 * `company.teamEventId` names the event): no claim item, nothing personal in the company partition.
 *
 * Sparse GSI1 on a reserved team event: by release time (48 h before the shift), in UTC-day
 * partitions. The `team-seats` job reads the partitions of the last days up to now; a released
 * event drops its GSI1 keys, so the job never reads it again. No Scan.
 */
import { TeamEvent } from '../../domain/companies/schema.js';
import { defineEntity } from './entity.js';
import { companyPartition } from './partitions.js';

const TEAMEVENT = 'TEAMEVENT#';

/** The key builders of `teamEvent` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const teamEventKeys = {
  item: (companyId: string, teamEventId: string) => ({ PK: companyPartition(companyId), SK: `${TEAMEVENT}${teamEventId}` }),
  partition: companyPartition,
  prefix: TEAMEVENT,
  releaseIndex: (releaseAt: string, companyId: string, teamEventId: string) => ({ GSI1PK: `TEAMRELEASE#${releaseAt.slice(0, 10)}`, GSI1SK: `${releaseAt}#${companyId}#${teamEventId}` }),
  /** GSI1 partition of the team events whose seats are due back on a UTC day. */
  releasePartition: (day: string) => `TEAMRELEASE#${day}`,
};

export const teamEvent = /* @__PURE__ */ defineEntity({
  name: 'TeamEvent',
  schema: TeamEvent,
  keys: teamEventKeys,
  accessPatterns: [
    {
      pattern: 'reserve N seats for a team: the shift counter and the team event, all or none',
      key: 'Update OPP#<opp>/SHIFT#<id> seatsTaken + N if #capacity = <read> AND seatsTaken <= capacity - N + Put COMPANY#<id>/TEAMEVENT#<eid>',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    { pattern: "a company's team events", key: 'PK = COMPANY#<id> AND begins_with(SK, TEAMEVENT#)', index: 'table', operation: 'Query' },
    {
      pattern: 'team events whose unclaimed seats are due back (team-seats job)',
      key: 'GSI1PK = TEAMRELEASE#<yyyy-mm-dd> AND GSI1SK <= <now>#~',
      index: 'GSI1',
      operation: 'Query',
    },
    {
      pattern: "claim a team seat: claimed + 1 if below seats, the employee's approved application, its marker, history, booking",
      key: 'Update TEAMEVENT# claimed + 1 if status = reserved AND claimed < seats + the application seat items',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    {
      pattern: 'release the unclaimed seats: the team event and the shift counter',
      key: 'Update TEAMEVENT# status released if claimed = <read> REMOVE GSI1 + Update SHIFT# seatsTaken - unclaimed',
      index: 'table',
      operation: 'TransactWriteItems',
    },
  ],
});
