/**
 * Where prepared personal-data exports are kept (issue 18). In the cloud: the region's exports
 * bucket (`EXPORT_BUCKET_NAME`; KMS-encrypted, public access blocked, TLS only, objects expire
 * after a day), read through a presigned GET link valid a few minutes. Locally there is no S3
 * emulator: a directory stands in for the bucket, behind the same port, and the local gateway
 * serves a file by a link signed the same way a presigned one is (HMAC of key and expiry with a
 * secret of this process, checked by infra/local/exports.ts).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { crc32 } from 'node:zlib';
import { formatUrl } from '@aws-sdk/core/util';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { Sha256 } from '@smithy/core/checksum';
import { extendedEncodeURIComponent, HttpRequest } from '@smithy/core/protocols';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { ExportFileStore } from '../domain/personal-data/export-jobs.js';
import { env } from '../env.js';
import { objectRequest, type S3Access, s3ObjectSender } from './s3-object.js';

/** The default credential chain, one per process as an S3 client's would be. */
let chain: AwsCredentialIdentityProvider | undefined;
/** The object requests' sender, one per process as the S3 client was (its retry capacity, clock offset and connections). */
let sender: ((request: HttpRequest) => Promise<void>) | undefined;
const defaultSender = () => (sender ??= s3ObjectSender({ region: env.region, credentials: (chain ??= defaultProvider()) }));

const DISPOSITION = 'attachment; filename="tatawwu-personal-data.zip"';

/**
 * A presigned GET of a file of the bucket: the URL `getSignedUrl(new S3Client({ region }), new
 * GetObjectCommand({ Bucket, Key, ResponseContentDisposition }), { expiresIn })` returns, signed
 * by the same presigner (S3RequestPresigner, SigV4 with an unsigned payload) over the request the
 * client builds for it: the bucket's regional virtual-hosted endpoint (the platform's bucket names
 * are DNS names; no FIPS, dual-stack or custom endpoint is configured), the key's segments
 * URI-encoded, `x-id=GetObject`, the disposition and the checksum mode the client adds. Signing is
 * local, so the download needs no S3 client (its schemas, endpoint rules and middleware cost ~10 ms
 * of a cold start: issue 17); test/unit/export-files.test.ts compares the URLs.
 */
export const s3ExportLink = (
  bucket: string,
  region: string = env.region,
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider = (chain ??= defaultProvider()),
): ExportFileStore['link'] => {
  const presigner = new S3RequestPresigner({ credentials, region, sha256: Sha256 });
  return async (key, seconds) => {
    const hostname = `${bucket}.s3.${region}.amazonaws.com`;
    const request = new HttpRequest({
      protocol: 'https:',
      hostname,
      method: 'GET',
      path: `/${key.split('/').map(extendedEncodeURIComponent).join('/')}`,
      query: { 'response-content-disposition': DISPOSITION, 'x-id': 'GetObject' },
      headers: { host: hostname, 'x-amz-checksum-mode': 'ENABLED' },
    });
    return formatUrl(await presigner.presign(request, { expiresIn: seconds, signingRegion: region, signingService: 's3' }));
  };
};

/**
 * DeleteObject of a file of the bucket: the request `new S3Client({ region }).send(new
 * DeleteObjectCommand({ Bucket, Key }))` sends, without the client (s3-object.ts). Deleting a
 * missing file is no error (S3 answers 204).
 */
export const s3ExportDelete = (bucket: string, access?: S3Access): ExportFileStore['delete'] => {
  const send = access ? s3ObjectSender(access) : undefined;
  return async (key) => {
    const region = access?.region ?? env.region;
    await (send ?? defaultSender())(objectRequest(bucket, region, key, { method: 'DELETE', operation: 'DeleteObject' }));
  };
};

/** The S3 client asks for `100-continue` from bodies of 2 MiB up (its `expectContinueHeader` default). */
const EXPECT_CONTINUE_FROM = 2_097_152;

/**
 * PutObject of a prepared export: the request `new S3Client({ region }).send(new PutObjectCommand({
 * Bucket, Key, Body, ContentType: 'application/zip', ServerSideEncryption: 'aws:kms' }))` sends,
 * without the client (s3-object.ts): the headers the command serialises, the content length, the
 * CRC32 checksum the client adds by default (`requestChecksumCalculation: WHEN_SUPPORTED`) and its
 * `Expect: 100-continue` for large bodies; the signer adds the payload's SHA-256.
 * The bucket's default encryption is its KMS key; saying so makes an unencrypted put fail.
 */
export const s3ExportPut = (bucket: string, access?: S3Access): ExportFileStore['put'] => {
  const send = access ? s3ObjectSender(access) : undefined;
  return async (key, body) => {
    const region = access?.region ?? env.region;
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(body));
    const headers: Record<string, string> = {
      'content-type': 'application/zip',
      'x-amz-server-side-encryption': 'aws:kms',
      'content-length': String(body.byteLength),
      'x-amz-sdk-checksum-algorithm': 'CRC32',
      'x-amz-checksum-crc32': checksum.toString('base64'),
    };
    if (body.byteLength >= EXPECT_CONTINUE_FROM) headers.Expect = '100-continue';
    await (send ?? defaultSender())(objectRequest(bucket, region, key, { method: 'PUT', operation: 'PutObject', headers, body }));
  };
};

// ── Local stand-in ───────────────────────────────────────────────────────────
const secretKey = /* @__PURE__ */ Symbol.for('tatawwu.localExportSecret');
const holder = globalThis as unknown as Record<symbol, Buffer | undefined>;
const secret = (): Buffer => (holder[secretKey] ??= randomBytes(32));

export const localExportDir = (): string => process.env.LOCAL_EXPORT_DIR ?? join(tmpdir(), 'tatawwu-exports');
const signatureOf = (key: string, expires: number): string => createHmac('sha256', secret()).update(`${key}\n${expires}`).digest('base64url');

/** The stored file of a locally signed link, or why not (`expired`, `invalid`, `missing`). */
export const readSignedLocalExport = async (key: string, expires: number, signature: string, now = Date.now()): Promise<Buffer | 'expired' | 'invalid' | 'missing'> => {
  const expected = Buffer.from(signatureOf(key, expires));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  if (now / 1000 > expires) return 'expired';
  const path = normalize(join(localExportDir(), key));
  if (!path.startsWith(normalize(localExportDir()))) return 'invalid';
  return readFile(path).catch(() => 'missing' as const);
};

export const localExportFiles = (): ExportFileStore => ({
  async put(key, body) {
    const path = join(localExportDir(), key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, body);
  },
  async link(key, seconds) {
    const expires = Math.floor(Date.now() / 1000) + seconds;
    const base = (process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
    return `${base}/local/exports/${key}?expires=${expires}&signature=${signatureOf(key, expires)}`;
  },
  async delete(key) {
    await rm(join(localExportDir(), key), { force: true });
  },
});

const bucketName = (): string => {
  const bucket = process.env.EXPORT_BUCKET_NAME;
  if (!bucket) throw new Error('missing environment variable EXPORT_BUCKET_NAME');
  return bucket;
};

/** The download's part: links only, so its bundle carries no S3 client (issue 17). */
export const exportLinks = (): Pick<ExportFileStore, 'link'> => ({ link: env.mode === 'local' ? localExportFiles().link : s3ExportLink(bucketName()) });

/** The erasure's part: deleting only, so its bundle carries no presigner (issue 17). */
export const exportFileDeleter = (): Pick<ExportFileStore, 'delete'> => ({ delete: env.mode === 'local' ? localExportFiles().delete : s3ExportDelete(bucketName()) });

/** The prepared copy's consumer: storing only, so its bundle carries no presigner (issue 17). */
export const exportFileWriter = (): Pick<ExportFileStore, 'put'> => ({ put: env.mode === 'local' ? localExportFiles().put : s3ExportPut(bucketName()) });
