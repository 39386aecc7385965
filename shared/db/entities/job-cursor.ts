/** How far a scheduled job has covered a window (the reminders job: so a run never reads a shift twice). */
import * as z from '../../zod.js';
import { defineEntity } from './entity.js';

/** The key builders of `jobCursor` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const jobCursorKeys = { item: (job: string, window: string) => ({ PK: `JOB#${job}`, SK: `CURSOR#${window}` }) };

export const jobCursor = /* @__PURE__ */ defineEntity({
  name: 'ReminderCursor',
  schema: /* @__PURE__ */ z.object({ coveredUntil: /* @__PURE__ */ z.string() }),
  keys: jobCursorKeys,
  accessPatterns: [{ pattern: 'reminder window cursor', key: 'PK = JOB#reminders AND SK = CURSOR#<window>', index: 'table', operation: 'GetItem / PutItem' }],
});
