/** What every HonourNomination step receives. */
import * as z from '../../../shared/zod.js';
import { HonourId } from '../../../shared/domain/recognition/schema.js';

export const StepInput = /* @__PURE__ */ z.object({ honourId: HonourId });
