/**
 * Contact and place fields shared by volunteers, organisations and opportunities, defined once.
 */
import * as z from '../../zod.js';

/** In phone.ts, so that a bundle that needs only a place does not carry libphonenumber-js. */
export { PhoneNumber, StoredPhoneNumber } from './phone.js';

/** A bounding box around Saudi Arabia (a coarse check that a point is in the country). */
export const SAUDI_BOUNDS = { minLat: 16, maxLat: 32.2, minLon: 34.5, maxLon: 55.7 } as const;

export const GeoPoint = /* @__PURE__ */ (() =>
  z.described(z.strictObject({
    lat: /* @__PURE__ */ z.number().check(z.gte(SAUDI_BOUNDS.minLat), z.lte(SAUDI_BOUNDS.maxLat)),
    lon: /* @__PURE__ */ z.number().check(z.gte(SAUDI_BOUNDS.minLon), z.lte(SAUDI_BOUNDS.maxLon)),
  }), 'a point inside Saudi Arabia (WGS84 degrees)'))();
