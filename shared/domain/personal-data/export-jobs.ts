/**
 * The copy of a volunteer's data when it is large (Saudi PDPL, issue 18): answered at once while
 * small; above a size it is prepared asynchronously — the request is recorded with its event
 * (202), the event's consumer builds the ZIP, stores it (an S3 bucket per region in the cloud)
 * and emails the volunteer a one-time link valid 24 h from the request. The download checks that
 * the export is the caller's (another person's link → 404), not expired and not used (410), and
 * consumes the token by a conditional write, so it works exactly once; it answers with a
 * short-lived link to the stored file.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../clock.js';
import { ConflictError, GoneError, NotFoundError } from '../errors.js';
import { domainEvent, type DomainEvent } from '../events.js';
import type { Contact } from './erasure.js';
import type { PersonalDataReader } from './ports.js';
import { RETENTION } from './retention.js';
import type { ExportJob, ExportPreparing, PersonalDataExport } from './schema.js';
import { exportFiles, heldCount, toExport } from './service.js';

/** Above this size (bytes of the JSON copy) a copy is prepared asynchronously (a Lambda answer holds at most 6 MB). */
export const ASYNC_EXPORT_ABOVE_BYTES = 1_000_000;
/** How long the stored file's own link (after the one-time token was used) works. */
export const FILE_LINK_SECONDS = 300;

export interface ExportJobStore {
  /** The job (`preparing`) and its PersonalDataExportRequested event, in one transaction. */
  request(job: ExportJob, event: DomainEvent): Promise<void>;
  get(volunteerId: string, exportId: string): Promise<(ExportJob & { readonly tokenHash?: string }) | undefined>;
  /** The stored files of a volunteer's prepared exports (their erasure). */
  objectKeys(volunteerId: string): Promise<string[]>;
  /** `ready`, with the stored file and the hash of the emailed token (a new one replaces an earlier one); false once downloaded. */
  markReady(volunteerId: string, exportId: string, ready: { objectKey: string; readyAt: string; tokenHash: string }): Promise<boolean>;
  /** Uses the token: removes it if it is still `tokenHash` (conditional write); false when it was already used. */
  consume(volunteerId: string, exportId: string, tokenHash: string, at: string): Promise<boolean>;
}

/** Where prepared files are kept (S3 in the cloud; a directory locally) and the short-lived link to one. */
export interface ExportFileStore {
  put(key: string, body: Uint8Array): Promise<void>;
  link(key: string, seconds: number): Promise<string>;
  /** Deletes a stored file (a missing one is no error). */
  delete(key: string): Promise<void>;
}

export interface ExportJobPorts {
  readonly reader: PersonalDataReader;
  readonly clock: Clock;
  readonly jobs: ExportJobStore;
  /** Where the prepared file is stored (the consumer neither links nor deletes files). */
  readonly files: Pick<ExportFileStore, 'put'>;
  readonly ids: () => string;
  /** A fresh unguessable token (≥ 256 bits, URL-safe). */
  readonly token: () => string;
  readonly contact: (volunteerId: string) => Promise<Contact | undefined>;
  /** Emails the link (to the profile's address: the person asked for it). */
  readonly sendLink: (contact: Contact, input: { exportId: string; link: string; validUntil: string }) => Promise<void>;
  /** The app link of a prepared export (the app calls the download route with the person's token). */
  readonly linkOf: (exportId: string, token: string) => string;
  /** ZIP of the copy's files. */
  readonly zip: (files: { name: string; content: string }[], at: Date) => Uint8Array;
}

const hashOf = (token: string): string => createHash('sha256').update(token).digest('base64url');
const sameHash = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const objectKeyOf = (volunteerId: string, exportId: string): string => `exports/${volunteerId}/${exportId}.zip`;

/**
 * The copy now, or — above `asyncAboveBytes` — a prepared export on its way (202).
 * @throws NothingHeldError when no profile is held.
 */
export const requestCopy = async (
  ports: Pick<ExportJobPorts, 'reader' | 'clock' | 'jobs' | 'ids'>,
  volunteerId: string,
  asyncAboveBytes: number = ASYNC_EXPORT_ABOVE_BYTES,
): Promise<{ readonly copy: PersonalDataExport } | { readonly preparing: ExportPreparing }> => {
  const held = await ports.reader.held(volunteerId);
  const now = ports.clock.now();
  const copy = toExport(volunteerId, held, now);
  if (Buffer.byteLength(JSON.stringify(copy)) <= asyncAboveBytes) return { copy };
  const exportId = ports.ids();
  const requestedAt = now.toISOString();
  const validUntil = new Date(now.getTime() + RETENTION.exportDownloads.seconds * 1000).toISOString();
  const job: ExportJob = { exportId, volunteerId, status: 'preparing', items: heldCount(held), requestedAt, validUntil };
  await ports.jobs.request(job, domainEvent('PersonalDataExportRequested', { exportId, volunteerId, requestedAt }, { id: ports.ids(), time: now }));
  return { preparing: { exportId, status: 'preparing', items: job.items, expiresAt: validUntil } };
};

/** The consumer's work: build, store, email the one-time link. Nothing when the export is gone or used. */
export const prepareCopy = async (ports: ExportJobPorts, input: { readonly volunteerId: string; readonly exportId: string }): Promise<'ready' | 'skipped'> => {
  const job = await ports.jobs.get(input.volunteerId, input.exportId);
  const contact = await ports.contact(input.volunteerId);
  if (!job || job.status === 'downloaded' || !contact) return 'skipped';
  const now = ports.clock.now();
  if (now.toISOString() >= job.validUntil) return 'skipped';
  const copy = toExport(input.volunteerId, await ports.reader.held(input.volunteerId), now);
  const objectKey = objectKeyOf(input.volunteerId, input.exportId);
  await ports.files.put(objectKey, ports.zip(exportFiles(copy), now));
  const token = ports.token();
  if (!(await ports.jobs.markReady(input.volunteerId, input.exportId, { objectKey, readyAt: now.toISOString(), tokenHash: hashOf(token) }))) return 'skipped';
  await ports.sendLink(contact, { exportId: input.exportId, link: ports.linkOf(input.exportId, token), validUntil: job.validUntil });
  return 'ready';
};

/**
 * The one download: a short-lived link to the stored file.
 * @throws NotFoundError not the caller's export, or not its token; GoneError used or expired;
 * ConflictError still being prepared.
 */
export const downloadCopy = async (
  ports: Pick<ExportJobPorts, 'clock' | 'jobs'> & { readonly files: Pick<ExportFileStore, 'link'> },
  volunteerId: string,
  exportId: string,
  token: string,
): Promise<string> => {
  const job = await ports.jobs.get(volunteerId, exportId);
  if (!job) throw new NotFoundError(`export ${exportId} not found`);
  const now = ports.clock.now().toISOString();
  if (job.status === 'downloaded') throw new GoneError(`export ${exportId} was already downloaded: its link works once; ask for a new copy`);
  if (now >= job.validUntil) throw new GoneError(`the link of export ${exportId} expired at ${job.validUntil}; ask for a new copy`);
  if (job.status !== 'ready' || !job.objectKey) throw new ConflictError(`export ${exportId} is still being prepared; its link is emailed when it is ready`);
  if (!job.tokenHash || !sameHash(job.tokenHash, hashOf(token))) throw new NotFoundError(`export ${exportId} not found`);
  if (!(await ports.jobs.consume(volunteerId, exportId, job.tokenHash, now))) throw new GoneError(`export ${exportId} was already downloaded: its link works once; ask for a new copy`);
  return ports.files.link(job.objectKey, FILE_LINK_SECONDS);
};
