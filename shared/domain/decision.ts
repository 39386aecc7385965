/**
 * A human decision (ministry reviewer on an organisation, manager on an application): the
 * request body and what is recorded, the same shape for both workflows.
 */
import * as z from '../zod.js';
import { boundedText } from './reference/text.js';

/** `{ decision: approve | reject, reason? }`, the reason required (3–1000 characters) for a rejection. */
export const decisionRequest = (rejectReason: string) =>
  z.discriminatedUnion('decision', [
    z.strictObject({ decision: z.literal('approve'), reason: z.optional(boundedText(1, 1000)) }),
    z.strictObject({ decision: z.literal('reject'), reason: z.described(boundedText(3, 1000), rejectReason) }),
  ]);

/** The decision as recorded (who, when), kept on the record the workflow acts on. */
export const RecordedDecision = /* @__PURE__ */ z.object({
  decision: /* @__PURE__ */ z.enum(['approve', 'reject']),
  reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  by: /* @__PURE__ */ z.string(),
  at: /* @__PURE__ */ z.string(),
});
export type RecordedDecision = z.infer<typeof RecordedDecision>;

/**
 * The reason a workflow's Validate step gave, from the rejection a Catch passed on: Lambda error
 * causes arrive as the JSON of `{ errorType, errorMessage }`; plain text is kept.
 */
export const validationMessage = (cause: string | undefined): string | undefined => {
  if (!cause) return undefined;
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    return typeof parsed.errorMessage === 'string' ? parsed.errorMessage : cause;
  } catch {
    return cause;
  }
};
