/**
 * The languages the platform writes to people in, on their own: the message schemas need this
 * and nothing of the professions and skills tables beside which it used to live (issue 17).
 */
import * as z from '../../zod.js';

/** The languages the platform speaks to its users (messages, emails, SMS). */
export const Locale = /* @__PURE__ */ z.enum(['ar', 'en']);
export type Locale = z.infer<typeof Locale>;
