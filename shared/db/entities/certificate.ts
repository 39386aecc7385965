/**
 * Certificates (issue 12). The certificate lives in its volunteer's register partition
 * (`REG#<vol>`, `CERT#<id>`), so a volunteer's certificates are one strongly consistent Query
 * (the list, and the revocation of those built on reversed hours). Two pointers find it from
 * the outside: by id (`CERTID#<id>`, revocation) and by code (`CERTCODE#<code>`, the public
 * verification). `SCOPE#<scope>` names the scope's current certificate (reused while the
 * scope's hours do not change).
 */
import * as z from '../../zod.js';
import { CertificateRecord } from '../../domain/certificates/schema.js';
import { defineEntity } from './entity.js';
import { registerPartition } from './register-entry.js';

/** The key builders of `certificate` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const certificateKeys = {
  item: (volunteerId: string, id: string) => ({ PK: registerPartition(volunteerId), SK: `CERT#${id}` }),
  prefix: 'CERT#',
};

export const certificate = /* @__PURE__ */ defineEntity({
  name: 'Certificate',
  schema: CertificateRecord,
  keys: certificateKeys,
  accessPatterns: [
    {
      pattern: 'issue a certificate: the certificate, its id and code pointers, the scope pointer and the event at once',
      key: 'Put PK = REG#<vol>, SK = CERT#<id> + Put CERTID#<id> + Put CERTCODE#<code> (attribute_not_exists) + Put REG#<vol>/SCOPE#<scope> if certificateId = <seen> or new + outbox Put',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    { pattern: "a volunteer's certificates", key: 'PK = REG#<vol> AND begins_with(SK, CERT#)', index: 'table', operation: 'Query' },
    {
      pattern: 'revoke: status valid → revoked, the status list bit, the event',
      key: 'Update REG#<vol>/CERT#<id> if status = valid + Update STATUSLIST#<list> ADD revoked <index> + outbox Put',
      index: 'table',
      operation: 'TransactWriteItems',
    },
  ],
});

const Pointer = /* @__PURE__ */ z.object({ volunteerId: /* @__PURE__ */ z.string(), certificateId: /* @__PURE__ */ z.string() });

/** The key builders of `certificateById` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const certificateByIdKeys = { item: (id: string) => ({ PK: `CERTID#${id}`, SK: 'CERTID' }) };

export const certificateById = /* @__PURE__ */ defineEntity({
  name: 'CertificateIdPointer',
  schema: Pointer,
  keys: certificateByIdKeys,
  accessPatterns: [{ pattern: 'find a certificate by id', key: 'PK = CERTID#<id> AND SK = CERTID, then the certificate', index: 'table', operation: 'GetItem' }],
});

/** The key builders of `certificateByCode` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const certificateByCodeKeys = { item: (code: string) => ({ PK: `CERTCODE#${code}`, SK: 'CERTCODE' }) };

export const certificateByCode = /* @__PURE__ */ defineEntity({
  name: 'CertificateCodePointer',
  schema: Pointer,
  keys: certificateByCodeKeys,
  accessPatterns: [
    { pattern: 'verify a certificate by its public code', key: 'PK = CERTCODE#<code> AND SK = CERTCODE, then the certificate', index: 'table', operation: 'GetItem' },
  ],
});

/** The key builders of `certificateScope` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const certificateScopeKeys = { item: (volunteerId: string, scopeKey: string) => ({ PK: registerPartition(volunteerId), SK: `SCOPE#${scopeKey}` }) };

export const certificateScope = /* @__PURE__ */ defineEntity({
  name: 'CertificateScope',
  schema: /* @__PURE__ */ z.object({ certificateId: /* @__PURE__ */ z.string(), scopeKey: /* @__PURE__ */ z.string() }),
  keys: certificateScopeKeys,
  accessPatterns: [{ pattern: "a scope's current certificate", key: 'PK = REG#<vol> AND SK = SCOPE#<orgId|national>|<from>|<to>', index: 'table', operation: 'GetItem' }],
});
