/**
 * A personal-data copy prepared asynchronously (issue 18), in the volunteer's partition
 * (`VOL#<sub>` / `EXPORT#<exportId>`): requested, then ready (the ZIP stored, the hash of the
 * one-time token emailed), then downloaded (the token removed by a conditional update, so it
 * works once). The TTL drops it 24 h after the request, like the stored file's lifecycle.
 */
import { ExportJob } from '../../domain/personal-data/schema.js';
import { defineEntity } from './entity.js';
import { volunteerPartition } from './partitions.js';


/** The key builders of `exportDownload` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const exportDownloadKeys = { item: (sub: string, exportId: string) => ({ PK: volunteerPartition(sub), SK: `EXPORT#${exportId}` }) };

export const exportDownload = /* @__PURE__ */ defineEntity({
  name: 'PersonalDataExportJob',
  schema: ExportJob,
  keys: exportDownloadKeys,
  internal: ['tokenHash'],
  accessPatterns: [
    { pattern: "a volunteer's prepared export (requested with its event; ready; downloaded once)", key: 'PK = VOL#<sub> AND SK = EXPORT#<exportId>', index: 'table', operation: 'Put + outbox / GetItem / UpdateItem if tokenHash = <hash>' },
  ],
});
