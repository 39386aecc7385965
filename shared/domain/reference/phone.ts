/**
 * Phone numbers, in their own module (issue 17): libphonenumber-js and its metadata (~125 KB)
 * belong only in the bundles whose schemas validate a phone, not in every bundle that needs a
 * place (contact.ts) or reads a stored profile.
 */
import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js';
import * as z from 'zod';

const E164 = /^\+[1-9]\d{6,14}$/;

/** E.164, validated for its country by libphonenumber-js and stored normalised. */
export const PhoneNumber = /* @__PURE__ */ z
  .string()
  .trim()
  .max(20)
  .regex(E164, { message: 'must be an E.164 number, e.g. +966501234567', abort: true })
  .refine((value) => isValidPhoneNumber(value), 'is not a valid phone number for its country')
  .overwrite((value) => parsePhoneNumberFromString(value)?.number ?? value)
  .describe('E.164 phone number, e.g. +966501234567');

/**
 * A phone number read back from the table: written through `PhoneNumber` (validated and
 * normalised then), so reading checks its form only and needs no numbering-plan metadata.
 */
export const StoredPhoneNumber = /* @__PURE__ */ z
  .string()
  .regex(E164, 'must be an E.164 number')
  .describe('E.164 phone number, e.g. +966501234567');
