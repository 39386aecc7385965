/**
 * Contact and place fields shared by volunteers, organisations and opportunities, defined once.
 */
import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js';
import * as z from 'zod';

/** E.164, validated for its country by libphonenumber-js and stored normalised. */
export const PhoneNumber = z
  .string()
  .trim()
  .max(20)
  .regex(/^\+[1-9]\d{6,14}$/, { message: 'must be an E.164 number, e.g. +966501234567', abort: true })
  .refine((value) => isValidPhoneNumber(value), 'is not a valid phone number for its country')
  .overwrite((value) => parsePhoneNumberFromString(value)?.number ?? value)
  .describe('E.164 phone number, e.g. +966501234567');

/** A bounding box around Saudi Arabia (a coarse check that a point is in the country). */
export const SAUDI_BOUNDS = { minLat: 16, maxLat: 32.2, minLon: 34.5, maxLon: 55.7 } as const;

export const GeoPoint = z
  .object({
    lat: z.number().min(SAUDI_BOUNDS.minLat).max(SAUDI_BOUNDS.maxLat),
    lon: z.number().min(SAUDI_BOUNDS.minLon).max(SAUDI_BOUNDS.maxLon),
  })
  .strict()
  .describe('a point inside Saudi Arabia (WGS84 degrees)');
