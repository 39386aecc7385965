/**
 * S3 object requests (PutObject, DeleteObject) without the S3 client (issue 17). The client keeps
 * its whole service model (schemas of every S3 operation under computed keys esbuild cannot drop),
 * its endpoint rules, checksum and S3 middleware: ~10 ms of a cold start for one call. This sends
 * the request the client would send, with the client's own parts, all already in every bundle
 * through the DynamoDB client: SignatureV4 configured as the S3 client configures it (service `s3`,
 * no double escaping of the path, the payload's SHA-256 in `x-amz-content-sha256`), the SDK's SigV4
 * signer around it (its clock-skew correction from the answers' Date header), the SDK's retry
 * middleware with the standard retry strategy (3 attempts; throttling, 5xx and network errors with
 * backoff; `amz-sdk-invocation-id` and `amz-sdk-request` headers) and the NodeHttpHandler. What the
 * client adds besides, only its user agent, is not sent. test/unit/export-files.test.ts compares
 * the requests with the client's and re-signs the client's to check the signer.
 */
import { AwsSdkSigV4Signer } from '@aws-sdk/core/httpAuthSchemes';
import { Sha256 } from '@smithy/core/checksum';
import { extendedEncodeURIComponent, HttpRequest, HttpResponse } from '@smithy/core/protocols';
import { DEFAULT_MAX_ATTEMPTS, retryMiddleware, StandardRetryStrategy } from '@smithy/core/retry';
import { streamCollector } from '@smithy/core/serde';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, HttpHandlerOptions } from '@smithy/types';

/** What sends a signed request (the S3 client's `requestHandler`: a NodeHttpHandler by default). */
export interface S3RequestHandler {
  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }>;
}

export interface S3Access {
  readonly region: string;
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  readonly requestHandler?: S3RequestHandler;
}

/** An S3 error answer: `name` is S3's error code (`AccessDenied`, `SlowDown`…), as the client's exceptions. */
export interface S3Error extends Error {
  $fault: 'client' | 'server';
  $metadata: { httpStatusCode: number; requestId?: string; extendedRequestId?: string };
}

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
const s3Error = (response: HttpResponse, body: string): S3Error => {
  const code = xmlElement(body, 'Code') ?? (response.statusCode === 404 ? 'NotFound' : 'Unknown');
  const error = Object.assign(new Error(xmlElement(body, 'Message') ?? 'UnknownError'), {
    name: code,
    $fault: response.statusCode < 500 ? ('client' as const) : ('server' as const),
    $metadata: { httpStatusCode: response.statusCode, requestId: response.headers['x-amz-request-id'], extendedRequestId: response.headers['x-amz-id-2'] },
  });
  // Where the retry strategy reads Retry-After and the signer the server's clock, as on the client's exceptions.
  Object.defineProperty(error, '$response', { value: response, enumerable: false });
  return error;
};

const bodyOf = async (response: HttpResponse): Promise<Uint8Array> => {
  const body: unknown = response.body;
  if (body instanceof Uint8Array) return body;
  return body ? streamCollector(body as Parameters<typeof streamCollector>[0]) : new Uint8Array();
};

/** SigV4 as the S3 client configures it: service `s3`, the path not escaped twice, the payload's SHA-256 in `x-amz-content-sha256`. */
export const s3Signer = (region: string, credentials: AwsCredentialIdentityProvider): SignatureV4 =>
  new SignatureV4({ credentials, region, service: 's3', sha256: Sha256, uriEscapePath: false, applyChecksum: true });

/**
 * Sends object requests as one S3 client would (one per process: its signer, clock offset, retry
 * capacity and connections). Resolves on a 2xx answer (a 2xx whose body is an `<Error>` counts as a
 * 503, as the client's throw-200-exceptions middleware does); throws the S3 error otherwise.
 */
export const s3ObjectSender = ({ region, credentials, requestHandler = new NodeHttpHandler() }: S3Access): ((request: HttpRequest) => Promise<void>) => {
  const identity: AwsCredentialIdentityProvider = typeof credentials === 'function' ? credentials : async () => credentials;
  const signer = s3Signer(region, identity);
  const config = { signer: async () => signer, systemClockOffset: 0, disableClockSkewCorrection: async () => false };
  const sigV4 = new AwsSdkSigV4Signer();
  const retryStrategy = new StandardRetryStrategy(DEFAULT_MAX_ATTEMPTS);
  const retry = retryMiddleware({ retryStrategy: async () => retryStrategy, maxAttempts: async () => DEFAULT_MAX_ATTEMPTS });
  const attempt = async ({ request }: { request: HttpRequest }) => {
    const signing = { context: {}, config, signingRegion: region, signingName: 's3' };
    // As the client's auth middleware: the identity resolved, then signed (the SigV4 signer reads its own provider).
    const signed = (await sigV4.sign(request, await identity(), signing)) as HttpRequest;
    try {
      const { response } = await requestHandler.handle(signed, {});
      const body = await bodyOf(response);
      if (response.statusCode >= 200 && response.statusCode < 300 && Buffer.from(body.subarray(-16)).toString('utf8').endsWith('</Error>')) response.statusCode = 503;
      if (response.statusCode < 200 || response.statusCode >= 300) throw s3Error(response, Buffer.from(body).toString('utf8'));
      sigV4.successHandler(response, signing);
      return { response, output: { $metadata: {} } };
    } catch (error) {
      return sigV4.errorHandler(signing)(error as Error);
    }
  };
  return async (request) => {
    // A context per request, as per command of the client (no abort signal, no long polling).
    await (retry(attempt as never, {} as never) as (args: { input: object; request: HttpRequest }) => Promise<unknown>)({ input: {}, request });
  };
};
