/** What every HoursVerification step receives (other fields such as `$.decision` pass through). */
import * as z from 'zod';

export const StepInput = /* @__PURE__ */ z.object({ hoursId: /* @__PURE__ */ z.string().min(1), round: /* @__PURE__ */ z.int().min(1) });
