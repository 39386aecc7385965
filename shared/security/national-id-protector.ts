/**
 * Turns a national ID into what may be stored: an HMAC-SHA256 keyed by the pepper (the
 * uniqueness key; without the pepper it cannot be reversed by trying all 2·10⁹ candidates)
 * and a masked form for display. The number itself is never stored or logged.
 */
import { createHmac } from 'node:crypto';
import type { NationalIdProtector } from '../domain/volunteers/service.js';
import { maskNationalId } from '../domain/volunteers/national-id.js';
import { nationalIdPepper } from './national-id-pepper.js';

export const hashNationalId = (nationalId: string, pepper: string): string =>
  createHmac('sha256', pepper).update(nationalId, 'utf8').digest('base64url');

export const pepperedNationalIds = (pepper: () => Promise<string> = nationalIdPepper): NationalIdProtector => ({
  async protect(nationalId) {
    return { hash: hashNationalId(nationalId, await pepper()), masked: maskNationalId(nationalId) };
  },
});
