/**
 * Phone numbers, in their own module (issue 17): libphonenumber-js and its metadata belong only
 * in the bundles whose schemas validate a phone, not in every bundle that needs a place
 * (contact.ts) or reads a stored profile.
 *
 * Validation is libphonenumber-js's with its `min` metadata, as its default import does, but the
 * metadata comes from phone-metadata.generated.ts (infra/phone-metadata.ts): one JSON string per
 * country calling code instead of one ~80 KB object literal built at every cold start. A number
 * is read with the metadata of its own calling code only: E.164 calling codes are prefix-free,
 * so the one of its 1–3 leading digits found in the table is the code libphonenumber-js would
 * take from the full metadata, and a number whose code is not in the table is invalid there
 * too. test/unit/phone.test.ts compares both over every country.
 */
import { isValidPhoneNumber, parsePhoneNumberFromString, type MetadataJson } from 'libphonenumber-js/core';
import * as z from '../../zod.js';
import { callingCodeMetadata, escapedBackslash, metadataVersion } from './phone-metadata.generated.js';

const E164 = /^\+[1-9]\d{6,14}$/;

type Entry = [MetadataJson['countries'], MetadataJson['nonGeographic'][string] | null];

const parsed = /* @__PURE__ */ new Map<string, MetadataJson>();

/** libphonenumber-js metadata restricted to the calling code of `number` (E.164), or undefined when it has none. */
export const callingCodeMetadataOf = (number: string): MetadataJson | undefined => {
  if (!E164.test(number)) return undefined;
  for (let end = 2; end <= 4; end += 1) {
    const code = number.slice(1, end);
    const cached = parsed.get(code);
    if (cached) return cached;
    const entry = Object.hasOwn(callingCodeMetadata, code) ? callingCodeMetadata[code] : undefined;
    if (entry === undefined) continue;
    const [plans, nonGeographic] = JSON.parse(entry.replaceAll(escapedBackslash, '\\\\')) as Entry;
    // The plans' keys are the code's countries in the order of country_calling_codes (its first is its main country).
    const countries = Object.keys(plans) as Array<keyof MetadataJson['countries']>;
    const metadata: MetadataJson = {
      version: metadataVersion,
      country_calling_codes: countries.length > 0 ? { [code]: countries } : {},
      countries: plans,
      nonGeographic: nonGeographic ? { [code]: nonGeographic } : {},
    };
    parsed.set(code, metadata);
    return metadata;
  }
  return undefined;
};

/** Whether libphonenumber-js (`min` metadata) finds `number` (E.164) valid for its country. */
export const isValidPhone = (number: string): boolean => {
  const metadata = callingCodeMetadataOf(number);
  return metadata !== undefined && isValidPhoneNumber(number, metadata);
};

/** `number` (E.164) as libphonenumber-js writes it in E.164, or as given when it does not parse. */
export const normalisedPhone = (number: string): string => {
  const metadata = callingCodeMetadataOf(number);
  return (metadata && parsePhoneNumberFromString(number, metadata)?.number) ?? number;
};

/** E.164, validated for its country by libphonenumber-js and stored normalised. */
export const PhoneNumber = /* @__PURE__ */ z.described(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.maxLength(20), /* @__PURE__ */ z.regex(E164, { message: 'must be an E.164 number, e.g. +966501234567', abort: true }), /* @__PURE__ */ z.refine(isValidPhone, 'is not a valid phone number for its country'), /* @__PURE__ */ z.overwrite(normalisedPhone)), 'E.164 phone number, e.g. +966501234567');

/**
 * A phone number read back from the table: written through `PhoneNumber` (validated and
 * normalised then), so reading checks its form only and needs no numbering-plan metadata.
 */
export const StoredPhoneNumber = /* @__PURE__ */ z.described(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(E164, 'must be an E.164 number')), 'E.164 phone number, e.g. +966501234567');
