import * as z from 'zod';

/** Trimmed text within bounds, without control characters (they break logs, exports and certificates). */
export const boundedText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');
