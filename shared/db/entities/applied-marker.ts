/** One application per volunteer and shift: put with the application, released when it is withdrawn or expires. */
import * as z from '../../zod.js';
import { defineEntity } from './entity.js';
import { volunteerPartition } from './partitions.js';

/** The key builders of `appliedMarker` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const appliedMarkerKeys = { item: (sub: string, shiftId: string) => ({ PK: volunteerPartition(sub), SK: `APPLIED#${shiftId}` }) };

export const appliedMarker = /* @__PURE__ */ defineEntity({
  name: 'AppliedMarker',
  schema: /* @__PURE__ */ z.object({ applicationId: /* @__PURE__ */ z.string(), at: /* @__PURE__ */ z.string() }),
  keys: appliedMarkerKeys,
  accessPatterns: [
    { pattern: 'which application holds a volunteer–shift pair', key: 'PK = VOL#<sub> AND SK = APPLIED#<shiftId>', index: 'table', operation: 'GetItem' },
  ],
});
