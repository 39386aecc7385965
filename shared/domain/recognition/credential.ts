/**
 * A badge as an Open Badges 3.0 `OpenBadgeCredential`: a W3C VC 2.0 whose subject is an
 * `AchievementSubject` holding the `Achievement` (the badge definition, versioned). Secured as
 * a JWT by the platform's signer, like certificates (VC-JOSE-COSE). The holder is named, never
 * identified by national ID, email or phone.
 */
import { statusListUrl } from '../certificates/credential.js';
import type { BadgeDefinition } from './badges.js';
import type { StatusEntry } from './ports.js';

export const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const VC2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

const names = (ar: string, en: string) => [
  { '@value': ar, '@language': 'ar', '@direction': 'rtl' },
  { '@value': en, '@language': 'en', '@direction': 'ltr' },
];

export const openBadgeCredential = (input: {
  baseUrl: string;
  credentialId: string;
  badge: BadgeDefinition;
  holder: { nameAr: string; nameEn: string };
  earnedAt: string;
  /** Its revocation bit, in the platform's Bitstring Status Lists (GET /v1/status-lists/{id}). */
  status: StatusEntry;
}) => ({
  '@context': [VC2_CONTEXT, OB3_CONTEXT],
  id: `urn:uuid:${input.credentialId}`,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: input.baseUrl, type: ['Profile'], name: names('منصة تطوع الوطنية', 'Tatawwu — the national volunteering platform') },
  validFrom: input.earnedAt,
  name: input.badge.nameEn,
  credentialSubject: {
    type: ['AchievementSubject'],
    name: names(input.holder.nameAr, input.holder.nameEn),
    achievement: {
      id: `${input.baseUrl}/badges/${input.badge.id}/v${input.badge.version}`,
      type: ['Achievement'],
      name: names(input.badge.nameAr, input.badge.nameEn),
      description: names(input.badge.criteriaAr, input.badge.criteriaEn),
      criteria: { narrative: `${input.badge.criteriaEn} / ${input.badge.criteriaAr}` },
      image: { id: `${input.baseUrl}/badges/${input.badge.icon}.png`, type: 'Image' },
    },
  },
  credentialStatus: {
    id: `${statusListUrl(input.baseUrl, input.status.listId)}#${input.status.index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(input.status.index),
    statusListCredential: statusListUrl(input.baseUrl, input.status.listId),
  },
});
