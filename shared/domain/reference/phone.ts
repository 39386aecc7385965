/**
 * Phone numbers, in their own module (issue 17): libphonenumber-js and its metadata (~125 KB)
 * belong only in the bundles whose schemas validate a phone, not in every bundle that needs a
 * place (contact.ts) or reads a stored profile.
 */
import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js';
import * as z from '../../zod.js';

const E164 = /^\+[1-9]\d{6,14}$/;

/** E.164, validated for its country by libphonenumber-js and stored normalised. */
export const PhoneNumber = /* @__PURE__ */ z.described(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.maxLength(20), /* @__PURE__ */ z.regex(E164, { message: 'must be an E.164 number, e.g. +966501234567', abort: true }), /* @__PURE__ */ z.refine((value) => isValidPhoneNumber(value), 'is not a valid phone number for its country'), /* @__PURE__ */ z.overwrite((value) => parsePhoneNumberFromString(value)?.number ?? value)), 'E.164 phone number, e.g. +966501234567');

/**
 * A phone number read back from the table: written through `PhoneNumber` (validated and
 * normalised then), so reading checks its form only and needs no numbering-plan metadata.
 */
export const StoredPhoneNumber = /* @__PURE__ */ z.described(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(E164, 'must be an E.164 number')), 'E.164 phone number, e.g. +966501234567');
