/**
 * Contact and place fields shared by volunteers, organisations and opportunities, defined once.
 */
import * as z from 'zod';

/** In phone.ts, so that a bundle that needs only a place does not carry libphonenumber-js. */
export { PhoneNumber, StoredPhoneNumber } from './phone.js';

/** A bounding box around Saudi Arabia (a coarse check that a point is in the country). */
export const SAUDI_BOUNDS = { minLat: 16, maxLat: 32.2, minLon: 34.5, maxLon: 55.7 } as const;

export const GeoPoint = /* @__PURE__ */ z
  .object({
    lat: /* @__PURE__ */ z.number().min(SAUDI_BOUNDS.minLat).max(SAUDI_BOUNDS.maxLat),
    lon: /* @__PURE__ */ z.number().min(SAUDI_BOUNDS.minLon).max(SAUDI_BOUNDS.maxLon),
  })
  .strict()
  .describe('a point inside Saudi Arabia (WGS84 degrees)');
