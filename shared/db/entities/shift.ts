/**
 * A shift of an opportunity (`OPP#<id>` / `SHIFT#<shiftId>`). It carries `capacity` and a
 * `seatsTaken` counter (0 at creation): reserving a seat (applications) is one
 * TransactWriteItems with `UpdateItem SET seatsTaken = seatsTaken + :one` conditioned on
 * `seatsTaken < #capacity` (`capacity` is a DynamoDB reserved word: use a name placeholder)
 * beside the application's Put; freeing one is the reverse with `seatsTaken > :zero`.
 * `waiting` counts the shift's waitlist entries. GSI1 finds a shift by its id alone.
 */
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from '../../zod.js';
import type { ShiftRecord } from '../../domain/opportunities/schema.js';
import { defineEntity, storedRecord } from './entity.js';
import { opportunityPartition } from './partitions.js';

/** The key builders of `shift` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const shiftKeys = {
  item: (opportunityId: string, shiftId: string) => ({ PK: opportunityPartition(opportunityId), SK: `SHIFT#${shiftId}` }),
  prefix: 'SHIFT#',
  index: (shiftId: string) => ({ GSI1PK: `SHIFT#${shiftId}`, GSI1SK: 'SHIFT' }),
};

/** The entity's name, for writers that build its item from the keys alone (opportunity-create.ts). */
export const SHIFT = 'Shift';

export const shift = /* @__PURE__ */ defineEntity({
  name: SHIFT,
  schema: /* @__PURE__ */ storedRecord<ShiftRecord>({
    id: /* @__PURE__ */ z.string(),
    opportunityId: /* @__PURE__ */ z.string(),
    orgId: /* @__PURE__ */ z.string(),
    start: /* @__PURE__ */ z.string(),
    end: /* @__PURE__ */ z.string(),
    capacity: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int()),
    seatsTaken: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int()),
  }),
  keys: shiftKeys,
  accessPatterns: [
    { pattern: 'find a shift by its id', key: 'GSI1PK = SHIFT#<shiftId> AND GSI1SK = SHIFT', index: 'GSI1', operation: 'Query' },
    {
      pattern: 'reserve a seat on a shift (applications)',
      key: 'Update PK = OPP#<id>, SK = SHIFT#<shiftId> SET seatsTaken = seatsTaken + 1 if seatsTaken < #capacity (+ the application Put)',
      index: 'table',
      operation: 'TransactWriteItems',
    },
  ],
});

/** The Query of the "find a shift by its id" access pattern (GSI1; at most one item). */
export const shiftByIdQuery = (tableName: string, shiftId: string): QueryCommandInput => {
  const { GSI1PK, GSI1SK } = shift.keys.index(shiftId);
  return {
    TableName: tableName,
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK = :sk',
    ExpressionAttributeValues: { ':pk': GSI1PK, ':sk': GSI1SK },
  };
};
