/** How far a scheduled job has covered a window (the reminders job: so a run never reads a shift twice). */
import * as z from '../../zod.js';
import { defineEntity } from './entity.js';

export const jobCursor = /* @__PURE__ */ defineEntity({
  name: 'ReminderCursor',
  schema: /* @__PURE__ */ z.object({ coveredUntil: /* @__PURE__ */ z.string() }),
  keys: { item: (job: string, window: string) => ({ PK: `JOB#${job}`, SK: `CURSOR#${window}` }) },
  accessPatterns: [{ pattern: 'reminder window cursor', key: 'PK = JOB#reminders AND SK = CURSOR#<window>', index: 'table', operation: 'GetItem / PutItem' }],
});
