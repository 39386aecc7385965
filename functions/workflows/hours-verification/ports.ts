/** What every HoursVerification step receives (other fields such as `$.decision` pass through). */
import * as z from 'zod';

export const StepInput = z.object({ hoursId: z.string().min(1), round: z.int().min(1) });
