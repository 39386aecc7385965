/** What every HonourNomination step receives. */
import * as z from 'zod';
import { HonourId } from '../../../shared/domain/recognition/schema.js';

export const StepInput = z.object({ honourId: HonourId });
