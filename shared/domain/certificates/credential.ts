/**
 * The documents, pure: the certificate as a W3C VC 2.0 (secured as a JWT by the signer, per
 * VC-JOSE-COSE: the JWS payload is the credential itself, header `typ: vc+jwt`, `cty: vc`),
 * the Bitstring Status List credential, and the certificate code.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CertificateRecord } from './schema.js';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const VC_JWT_HEADER = { typ: 'vc+jwt', cty: 'vc' } as const;
/** Entries per status list: the specification's minimum for group privacy (16 KiB). */
export const STATUS_LIST_SIZE = 131_072;

export const PLATFORM_NAMES = { nameAr: 'منصة تطوع الوطنية', nameEn: 'Tatawwu — the national volunteering platform' } as const;

const languageMap = (names: { nameAr: string; nameEn: string }) => [
  { '@value': names.nameAr, '@language': 'ar', '@direction': 'rtl' },
  { '@value': names.nameEn, '@language': 'en', '@direction': 'ltr' },
];

export const statusListUrl = (baseUrl: string, listId: string) => `${baseUrl}/v1/status-lists/${listId}`;
export const verifyUrl = (baseUrl: string, code: string) => `${baseUrl}/verify/${code}`;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 random bytes (128 bits) → 26 characters of Crockford base32. */
export const certificateCode = (bytes: Uint8Array): string => {
  if (bytes.length !== 16) throw new Error(`a certificate code takes 16 random bytes, got ${bytes.length}`);
  let value = BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
  let code = '';
  for (let i = 0; i < 26; i++) {
    code = CROCKFORD[Number(value & 31n)]! + code;
    value >>= 5n;
  }
  return code;
};

type CredentialFacts = Pick<CertificateRecord, 'id' | 'kind' | 'holder' | 'issuer' | 'organizations' | 'projects' | 'minutes' | 'from' | 'to' | 'issuedAt' | 'statusList' | 'verifyUrl'>;

/** The unsecured credential (the JWS payload). */
export const volunteerHoursCredential = (baseUrl: string, facts: CredentialFacts) => ({
  '@context': [VC_CONTEXT],
  id: `urn:uuid:${facts.id}`,
  type: ['VerifiableCredential', 'VolunteerHoursCredential'],
  issuer: { id: baseUrl, name: languageMap(PLATFORM_NAMES) },
  validFrom: facts.issuedAt,
  name: languageMap({ nameAr: 'شهادة عمل تطوعي', nameEn: 'Certificate of volunteering' }),
  credentialSubject: {
    type: 'Volunteer',
    name: languageMap(facts.holder),
    volunteerHours: {
      type: 'VolunteerHours',
      scope: facts.kind,
      ...(facts.kind === 'organization' && { onBehalfOf: { name: languageMap(facts.issuer) } }),
      minutes: facts.minutes,
      hours: Math.floor(facts.minutes / 60),
      periodStart: facts.from,
      periodEnd: facts.to,
      organizations: facts.organizations.map((org) => ({ name: languageMap(org), minutes: org.minutes })),
      ...(facts.projects &&
        facts.projects.length > 0 && {
          projects: facts.projects.map((p) => ({ name: languageMap(p), minutes: p.minutes, deliverables: p.deliverables.map((d) => ({ name: languageMap(d) })) })),
        }),
    },
  },
  evidence: [{ type: ['Evidence'], id: facts.verifyUrl, name: 'verification page' }],
  credentialStatus: {
    id: `${statusListUrl(baseUrl, facts.statusList.listId)}#${facts.statusList.index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(facts.statusList.index),
    statusListCredential: statusListUrl(baseUrl, facts.statusList.listId),
  },
});

/** The bitstring (index 0 = the leftmost bit of the first byte), GZIP, multibase base64url ("u"). */
export const encodeStatusList = (size: number, set: Iterable<number>): string => {
  const bits = Buffer.alloc(size / 8);
  for (const index of set) bits[index >> 3] = bits[index >> 3]! | (0x80 >> (index & 7));
  return `u${gzipSync(bits).toString('base64url')}`;
};

/** Reads bit `index` of an encoded list (what a verifier does). */
export const isSet = (encodedList: string, index: number): boolean => {
  const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  return ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
};

export const statusListCredential = (baseUrl: string, listId: string, size: number, revoked: Iterable<number>, validFrom: string) => ({
  '@context': [VC_CONTEXT],
  id: statusListUrl(baseUrl, listId),
  type: ['VerifiableCredential', 'BitstringStatusListCredential'],
  issuer: { id: baseUrl, name: languageMap(PLATFORM_NAMES) },
  validFrom,
  credentialSubject: {
    id: `${statusListUrl(baseUrl, listId)}#list`,
    type: 'BitstringStatusList',
    statusPurpose: 'revocation',
    encodedList: encodeStatusList(size, revoked),
  },
});
