/**
 * S3 object requests (PutObject, DeleteObject) without the S3 client (issue 17). The client keeps
 * its whole service model (schemas of every S3 operation under computed keys esbuild cannot drop),
 * its endpoint rules, checksum and S3 middleware: ~10 ms of a cold start for one call. This sends
 * the request the client would send through shared/aws/signed-sender.ts (the client's own signer,
 * retries and handler) with SignatureV4 configured as the S3 client configures it (service `s3`,
 * no double escaping of the path, the payload's SHA-256 in `x-amz-content-sha256`).
 * test/unit/export-files.test.ts compares the requests with the client's and re-signs the client's
 * to check the signer.
 */
import { extendedEncodeURIComponent, HttpRequest, type HttpResponse } from '@smithy/core/protocols';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { SignatureV4 } from '@smithy/signature-v4';
import { awsError, sigV4, signedSender, type AwsAccess, type AwsError, type AwsRequestHandler } from '../aws/signed-sender.js';

/** What sends a signed request (the S3 client's `requestHandler`: a NodeHttpHandler by default). */
export type S3RequestHandler = AwsRequestHandler;
export type S3Access = AwsAccess;
/** An S3 error answer: `name` is S3's error code (`AccessDenied`, `SlowDown`…), as the client's exceptions. */
export type S3Error = AwsError;

/** The request of an object's operation: the bucket's regional virtual-hosted endpoint, the key's segments URI-encoded, `x-id=<Operation>`. */
export const objectRequest = (
  bucket: string,
  region: string,
  key: string,
  { method, operation, headers = {}, body }: { method: string; operation: string; headers?: Record<string, string>; body?: Uint8Array },
): HttpRequest => {
  const hostname = `${bucket}.s3.${region}.amazonaws.com`;
  return new HttpRequest({
    protocol: 'https:',
    hostname,
    method,
    path: `/${key.split('/').map(extendedEncodeURIComponent).join('/')}`,
    query: { 'x-id': operation },
    headers: { ...headers, host: hostname },
    body,
  });
};

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const xmlElement = (xml: string, name: string): string | undefined =>
  new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]?.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) => XML_ENTITIES[entity]!);

/** The client's exception for an error answer: its code and message from the XML body (`Unknown`/`NotFound`, `UnknownError` without one). */
const s3Error = (response: HttpResponse, body: string): S3Error =>
  awsError(response, xmlElement(body, 'Code') ?? (response.statusCode === 404 ? 'NotFound' : 'Unknown'), xmlElement(body, 'Message') ?? 'UnknownError');

/** SigV4 as the S3 client configures it: service `s3`, the path not escaped twice, the payload's SHA-256 in `x-amz-content-sha256`. */
export const s3Signer = (region: string, credentials: AwsCredentialIdentityProvider): SignatureV4 => sigV4(region, 's3', credentials, false);

/**
 * Sends object requests as one S3 client would (one per process: its signer, clock offset, retry
 * capacity and connections). Resolves on a 2xx answer (a 2xx whose body is an `<Error>` counts as a
 * 503, as the client's throw-200-exceptions middleware does); throws the S3 error otherwise.
 */
export const s3ObjectSender = (access: S3Access): ((request: HttpRequest) => Promise<void>) => {
  const send = signedSender({
    ...access,
    signingName: 's3',
    uriEscapePath: false,
    failure: (response, body) => {
      if (response.statusCode >= 200 && response.statusCode < 300 && Buffer.from(body.subarray(-16)).toString('utf8').endsWith('</Error>')) response.statusCode = 503;
      return response.statusCode < 200 || response.statusCode >= 300 ? s3Error(response, Buffer.from(body).toString('utf8')) : undefined;
    },
  });
  return async (request) => {
    await send(request);
  };
};
