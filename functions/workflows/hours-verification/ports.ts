/** What every HoursVerification step receives (other fields such as `$.decision` pass through). */
import * as z from '../../../shared/zod.js';

export const StepInput = /* @__PURE__ */ z.object({ hoursId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)), round: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1)) });
