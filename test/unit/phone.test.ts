/**
 * The phone schema reads a number with the metadata of its own calling code only
 * (shared/domain/reference/phone.ts, issue 17). It must say what libphonenumber-js says with its
 * whole `min` metadata (its default import, used here only): the same validity, the same
 * normalised number and the same errors, for every country's example number, variants of them
 * and random E.164 strings.
 */
import fullMetadata from 'libphonenumber-js/metadata.min.json' with { type: 'json' };
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import { getCountries, getExampleNumber, isValidPhoneNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { PhoneNumber, callingCodeMetadataOf, isValidPhone, normalisedPhone } from '../../shared/domain/reference/phone.js';
import * as z from '../../shared/zod.js';

const E164 = /^\+[1-9]\d{6,14}$/;

/** The schema as it was, with libphonenumber-js's whole metadata. */
const FullMetadataPhoneNumber = z.string().check(
  z.trim(),
  z.maxLength(20),
  z.regex(E164, { message: 'must be an E.164 number, e.g. +966501234567', abort: true }),
  z.refine((value) => isValidPhoneNumber(value), 'is not a valid phone number for its country'),
  z.overwrite((value) => parsePhoneNumberFromString(value)?.number ?? value),
);

/** A fixed-seed generator (mulberry32), so that a failure names the same numbers every run. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const next = random(17);
const digits = (count: number) => Array.from({ length: count }, () => Math.floor(next() * 10)).join('');

const exampleNumbers = getCountries()
  .map((country: CountryCode) => getExampleNumber(country, examples)?.number)
  .filter((number): number is NonNullable<typeof number> => number !== undefined);

/** Each example with a digit removed, added or changed. */
const variants = exampleNumbers.flatMap((number) => [
  number.slice(0, -1),
  `${number.slice(0, 2)}${number.slice(3)}`,
  ...['0', '1', '5', '9'].map((digit) => `${number}${digit}`),
  ...Array.from({ length: number.length - 1 }, (_, index) => index + 1).flatMap((position) =>
    [1, 5].map((shift) => `${number.slice(0, position)}${(Number(number[position]) + shift) % 10}${number.slice(position + 1)}`),
  ),
]);

const callingCodes = [...Object.keys(fullMetadata.country_calling_codes), ...Object.keys(fullMetadata.nonGeographic)];
/** Random national numbers after every calling code (non-geographic ones too), and random E.164 strings. */
const randomNumbers = [
  ...callingCodes.flatMap((code) => Array.from({ length: 8 }, () => `+${code}${digits(5 + Math.floor(next() * 9))}`)),
  ...Array.from({ length: 2000 }, () => `+${1 + Math.floor(next() * 9)}${digits(6 + Math.floor(next() * 9))}`),
];

const numbers = [...new Set([...exampleNumbers, ...variants, ...randomNumbers])].filter((number) => E164.test(number));

describe('phone numbers with the metadata of their calling code', () => {
  it('has an example number for most countries and thousands of numbers to compare', () => {
    expect(exampleNumbers.length).toBeGreaterThan(240);
    expect(numbers.length).toBeGreaterThan(8000);
    expect(numbers.filter((number) => isValidPhoneNumber(number)).length).toBeGreaterThan(1000);
  });

  it('finds the same numbers valid as libphonenumber-js with its whole metadata', () => {
    const differ = numbers.filter((number) => isValidPhone(number) !== isValidPhoneNumber(number));
    expect(differ).toEqual([]);
  });

  it('normalises numbers as libphonenumber-js with its whole metadata', () => {
    const differ = numbers.filter((number) => normalisedPhone(number) !== (parsePhoneNumberFromString(number)?.number ?? number));
    expect(differ).toEqual([]);
  });

  it('builds for each calling code the parts of the whole metadata that belong to it', () => {
    const plans = fullMetadata.countries as Record<string, unknown>;
    const nonGeographic = fullMetadata.nonGeographic as Record<string, unknown>;
    const expected = (code: string) => {
      const countries = (fullMetadata.country_calling_codes as Record<string, string[]>)[code];
      return {
        version: fullMetadata.version,
        country_calling_codes: countries ? { [code]: countries } : {},
        countries: Object.fromEntries((countries ?? []).map((country) => [country, plans[country]])),
        nonGeographic: code in nonGeographic ? { [code]: nonGeographic[code] } : {},
      };
    };
    const differ = callingCodes.filter((code) => JSON.stringify(callingCodeMetadataOf(`+${code}12345678`)) !== JSON.stringify(expected(code)));
    expect(callingCodes.length).toBeGreaterThan(200);
    expect(differ).toEqual([]);
  });

  it('has no metadata for a calling code the metadata lacks', () => {
    expect(callingCodeMetadataOf('+999123456789')).toBeUndefined();
    expect(isValidPhone('+999123456789')).toBe(false);
  });

  it('gives the schema the same results and error messages as with the whole metadata', () => {
    const inputs = [...numbers.slice(0, 3000), ' +966501234567 ', '0501234567', '+966 50 123 4567', '+0966501234567', '+9665012345678901', 'phone', '', '+999123456789', '+96650123456'];
    const differ = inputs.filter((input) => JSON.stringify(PhoneNumber.safeParse(input)) !== JSON.stringify(FullMetadataPhoneNumber.safeParse(input)));
    expect(differ).toEqual([]);
    expect(PhoneNumber.safeParse('+96650123456').error?.issues.map((issue) => issue.message)).toEqual(['is not a valid phone number for its country']);
  });
});
