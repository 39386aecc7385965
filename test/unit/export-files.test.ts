import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { HttpRequest, HttpResponse } from '@smithy/core/protocols';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FILE_LINK_SECONDS, objectKeyOf } from '../../shared/domain/personal-data/export-jobs.js';
import { s3ExportDelete, s3ExportLink, s3ExportPut } from '../../shared/storage/export-files.js';
import { s3Signer, type S3RequestHandler } from '../../shared/storage/s3-object.js';
import { comparableBytes, localAwsEndpoint } from '../helpers/aws-requests.js';

const region = 'me-central-1';
const bucket = 'tatawwu-data-exportsbucket3a1b2c3d-1q2w3e4r5t6y';
const credentials = { accessKeyId: 'ASIAEXAMPLEKEYID', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', sessionToken: 'IQoJb3JpZ2luX2VjE+/token==' };

/** What the download answered before (issue 17): the S3 client's presigned GetObject. */
const sdkLink = (key: string, seconds: number) =>
  getSignedUrl(
    new S3Client({ region, credentials }),
    new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: 'attachment; filename="tatawwu-personal-data.zip"' }),
    { expiresIn: seconds },
  );

describe('s3ExportLink', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-03T02:45:07Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("signs a prepared export's key as the S3 client's presigner does", async () => {
    const key = objectKeyOf('3b0c6a2e-8f4e-4f7e-9d1a-0c2b5e6f7a8b', '01JEXAMPLE0EXPORT0ID000000');
    expect(await s3ExportLink(bucket, region, credentials)(key, FILE_LINK_SECONDS)).toBe(await sdkLink(key, FILE_LINK_SECONDS));
  });

  it('encodes keys with reserved and non-ASCII characters as the S3 client does', async () => {
    const keys = ["exports/a b/c+d=e&f?g#h.zip", "exports/x!'()*~/y.zip", 'exports/عربي/ä.zip', 'exports//double/slash.zip'];
    const link = s3ExportLink(bucket, region, credentials);
    expect(await Promise.all(keys.map((key) => link(key, 60)))).toEqual(await Promise.all(keys.map((key) => sdkLink(key, 60))));
  });
});

/** A request handler that keeps what it is asked to send and answers 200 (204 for a DELETE), as S3 does. */
const capturing = () => {
  const requests: HttpRequest[] = [];
  const handler: S3RequestHandler = {
    async handle(request) {
      requests.push(request);
      return { response: new HttpResponse({ statusCode: request.method === 'DELETE' ? 204 : 200, headers: {} }) };
    },
  };
  return { requests, handler };
};

/** What the S3 client sent for the same call (issue 17: the put and the delete were the client's). */
const sdkRequest = async (command: PutObjectCommand | DeleteObjectCommand): Promise<HttpRequest> => {
  const { requests, handler } = capturing();
  await new S3Client({ region, credentials, requestHandler: handler as NodeHttpHandler }).send(command as PutObjectCommand);
  return requests[0]!;
};


const zipOf = (size: number) => Buffer.alloc(size, 'PK\u0003\u0004 tatawwu ');

describe('s3ExportPut and s3ExportDelete', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-03T02:45:07Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const ours = async (call: (requestHandler: S3RequestHandler) => Promise<void>): Promise<HttpRequest> => {
    const { requests, handler } = capturing();
    await call(handler);
    expect(requests).toHaveLength(1);
    return requests[0]!;
  };

  it.each([
    ['a prepared export', objectKeyOf('3b0c6a2e-8f4e-4f7e-9d1a-0c2b5e6f7a8b', '01JEXAMPLE0EXPORT0ID000000'), 18_734],
    ['a key with reserved and non-ASCII characters', 'exports/a b/c+d=e&f?g#h/عربي/ä.zip', 10],
    ['an empty file', 'exports/x!\'()*~/empty.zip', 0],
    ['a file of 2 MiB (the client asks for 100-continue)', 'exports/big.zip', 2_097_152],
  ])('puts %s as the S3 client does', async (_, key, size) => {
    const body = zipOf(size);
    const sdk = await sdkRequest(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/zip', ServerSideEncryption: 'aws:kms' }));
    const mine = await ours((requestHandler) => s3ExportPut(bucket, { region, credentials, requestHandler })(key, new Uint8Array(body)));
    expect(comparableBytes(mine)).toEqual(comparableBytes(sdk));
  });

  it.each([objectKeyOf('3b0c6a2e-8f4e-4f7e-9d1a-0c2b5e6f7a8b', '01JEXAMPLE0EXPORT0ID000000'), 'exports//a b/c+d.zip'])('deletes %s as the S3 client does', async (key) => {
    const sdk = await sdkRequest(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    const mine = await ours((requestHandler) => s3ExportDelete(bucket, { region, credentials, requestHandler })(key));
    expect(comparableBytes(mine)).toEqual(comparableBytes(sdk));
  });

  it.each([
    ['PutObject', new PutObjectCommand({ Bucket: bucket, Key: 'exports/a b/c.zip', Body: zipOf(1_000), ContentType: 'application/zip', ServerSideEncryption: 'aws:kms' })],
    ['DeleteObject', new DeleteObjectCommand({ Bucket: bucket, Key: 'exports/a b/c.zip' })],
  ])("signs the client's %s as the client did", async (_, command) => {
    const sdk = await sdkRequest(command);
    const unsigned = HttpRequest.clone(sdk);
    for (const header of ['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256']) delete unsigned.headers[header];
    const at = sdk.headers['x-amz-date']!.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z');
    const resigned = await s3Signer(region, async () => credentials).sign(unsigned, { signingDate: new Date(at), signingRegion: region, signingService: 's3' });
    expect(resigned.headers).toEqual(sdk.headers);
  });
});

describe('s3ExportPut against a server', () => {
  /** The bucket's endpoint: its answers in order, then 200. */
  const endpoint = localAwsEndpoint({ contentType: 'application/xml', requestIdHeader: 'x-amz-request-id', otherwise: { status: 200, body: '' } });
  const { received, requestHandler } = endpoint;

  const s3Error = (code: string, message: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>R1</RequestId><HostId>H1</HostId></Error>`;
  const put = (key: string, body: Uint8Array) => s3ExportPut(bucket, { region, credentials, requestHandler })(key, body);

  it('sends the file to the bucket', async () => {
    const body = zipOf(50_000);
    await put('exports/v1/e1.zip', body);
    expect(received).toMatchObject([{ method: 'PUT', url: '/exports/v1/e1.zip?x-id=PutObject', headers: { host: `${bucket}.s3.${region}.amazonaws.com`, 'content-type': 'application/zip', 'content-length': '50000' } }]);
    expect(received[0]!.body.equals(body)).toBe(true);
  });

  it('retries a 503 as the S3 client does', async () => {
    endpoint.answers = [{ status: 503, body: s3Error('ServiceUnavailable', 'Please reduce your request rate.') }];
    const body = zipOf(1_000);
    await put('exports/v1/e2.zip', body);
    expect(received.map(({ headers }) => headers['amz-sdk-request'])).toEqual(['attempt=1; max=3', 'attempt=2; max=3']);
    expect(received.every((request) => request.body.equals(body))).toBe(true);
  });

  it('gives up after three attempts', async () => {
    endpoint.answers = [1, 2, 3].map(() => ({ status: 500, body: s3Error('InternalError', 'We encountered an internal error. Please try again.') }));
    await expect(put('exports/v1/e3.zip', zipOf(10))).rejects.toMatchObject({ name: 'InternalError', $metadata: { httpStatusCode: 500, attempts: 3 } });
    expect(received).toHaveLength(3);
  });

  it("throws S3's error code and message on a 403 without retrying", async () => {
    endpoint.answers = [{ status: 403, body: s3Error('AccessDenied', 'Access Denied') }];
    await expect(put('exports/v1/e4.zip', zipOf(10))).rejects.toMatchObject({ name: 'AccessDenied', message: 'Access Denied', $fault: 'client', $metadata: { httpStatusCode: 403, requestId: 'REQ1' } });
    expect(received).toHaveLength(1);
  });
});
