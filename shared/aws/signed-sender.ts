/**
 * One AWS request sent as an SDK client sends it, without the client (issue 17). A generated
 * client keeps its whole service model (the schemas of every operation under computed keys
 * esbuild cannot drop), its endpoint rules and middleware: milliseconds of every cold start for
 * the one or two operations a function calls. This sends a request built by the caller with the
 * client's own parts, all already in every bundle through the DynamoDB client: SignatureV4 (the
 * payload's SHA-256 in `x-amz-content-sha256`, as the clients sign), the SDK's SigV4 signer around
 * it (its clock-skew correction from the answers' Date header), the SDK's retry middleware with
 * the standard retry strategy (3 attempts; throttling, 5xx and network errors with backoff;
 * `amz-sdk-invocation-id` and `amz-sdk-request` headers) and the NodeHttpHandler. What a client
 * adds besides, only its user agent, is not sent. Used by shared/storage/s3-object.ts and
 * shared/aws/json-service.ts.
 */
import { AwsSdkSigV4Signer } from '@aws-sdk/core/httpAuthSchemes';
import { Sha256 } from '@smithy/core/checksum';
import type { HttpRequest, HttpResponse } from '@smithy/core/protocols';
import { DEFAULT_MAX_ATTEMPTS, retryMiddleware, StandardRetryStrategy } from '@smithy/core/retry';
import { streamCollector } from '@smithy/core/serde';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, HttpHandlerOptions } from '@smithy/types';

/** What sends a signed request (a client's `requestHandler`: a NodeHttpHandler by default). */
export interface AwsRequestHandler {
  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }>;
}

export interface AwsAccess {
  readonly region: string;
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  readonly requestHandler?: AwsRequestHandler;
}

/** What a client's answer says of the call (`attempts` and `totalRetryDelay` added by the retry middleware). */
export interface AwsResponseMetadata {
  httpStatusCode: number;
  requestId?: string;
  extendedRequestId?: string;
  cfId?: string;
  attempts?: number;
  totalRetryDelay?: number;
}

/** An error answer: `name` is the service's error code (`AccessDenied`, `MessageRejected`…), as the clients' exceptions. */
export interface AwsError extends Error {
  $fault: 'client' | 'server';
  $metadata: AwsResponseMetadata;
}

/** The answer (the retry middleware passes `response` and `output` on: the body is in the output). */
export interface AwsAnswer {
  readonly response: HttpResponse;
  readonly output: { readonly $metadata: AwsResponseMetadata; readonly body: Uint8Array };
}

/** The metadata the clients' deserializers read from an answer's headers. */
export const responseMetadata = (response: HttpResponse): AwsResponseMetadata => ({
  httpStatusCode: response.statusCode,
  requestId: response.headers['x-amzn-requestid'] ?? response.headers['x-amzn-request-id'] ?? response.headers['x-amz-request-id'],
  extendedRequestId: response.headers['x-amz-id-2'],
  cfId: response.headers['x-amz-cf-id'],
});

/** The client's exception of an error answer: `$fault` by the status, `$response` where the retry strategy and the signer look. */
export const awsError = (response: HttpResponse, code: string, message: string, fields: object = {}): AwsError => {
  const error = Object.assign(new Error(message), fields, {
    name: code,
    $fault: response.statusCode < 500 ? ('client' as const) : ('server' as const),
    $metadata: responseMetadata(response),
  });
  Object.defineProperty(error, '$response', { value: response, enumerable: false });
  return error;
};

const bodyOf = async (response: HttpResponse): Promise<Uint8Array> => {
  const body: unknown = response.body;
  if (body instanceof Uint8Array) return body;
  return body ? streamCollector(body as Parameters<typeof streamCollector>[0]) : new Uint8Array();
};

/** SigV4 as the clients configure it: the payload's SHA-256 in `x-amz-content-sha256` (`uriEscapePath: false` for S3). */
export const sigV4 = (region: string, service: string, credentials: AwsCredentialIdentityProvider, uriEscapePath = true): SignatureV4 =>
  new SignatureV4({ credentials, region, service, sha256: Sha256, uriEscapePath, applyChecksum: true });

export interface SignedSenderOptions extends AwsAccess {
  /** The signing name of the service (`s3`, `ses`, `kms`). */
  readonly signingName: string;
  /** S3 does not escape the path twice. @default true */
  readonly uriEscapePath?: boolean;
  /** The exception of an answer, or nothing when it succeeded. */
  readonly failure: (response: HttpResponse, body: Uint8Array) => Error | undefined;
}

/**
 * Sends requests as one client would (one per process: its signer, clock offset, retry capacity
 * and connections). Resolves with the answer and its metadata when `failure` finds none; throws
 * the exception it finds otherwise (after the retries the standard strategy allows).
 */
export const signedSender = ({ region, credentials, requestHandler = new NodeHttpHandler(), signingName, uriEscapePath, failure }: SignedSenderOptions): ((request: HttpRequest) => Promise<AwsAnswer>) => {
  const identity: AwsCredentialIdentityProvider = typeof credentials === 'function' ? credentials : async () => credentials;
  const signer = sigV4(region, signingName, identity, uriEscapePath);
  const config = { signer: async () => signer, systemClockOffset: 0, disableClockSkewCorrection: async () => false };
  const signing = new AwsSdkSigV4Signer();
  const retryStrategy = new StandardRetryStrategy(DEFAULT_MAX_ATTEMPTS);
  const retry = retryMiddleware({ retryStrategy: async () => retryStrategy, maxAttempts: async () => DEFAULT_MAX_ATTEMPTS });
  const attempt = async ({ request }: { request: HttpRequest }): Promise<AwsAnswer> => {
    const properties = { context: {}, config, signingRegion: region, signingName };
    // As the client's auth middleware: the identity resolved, then signed (the SigV4 signer reads its own provider).
    const signed = (await signing.sign(request, await identity(), properties)) as HttpRequest;
    try {
      const { response } = await requestHandler.handle(signed, {});
      const body = await bodyOf(response);
      const error = failure(response, body);
      if (error) throw error;
      signing.successHandler(response, properties);
      return { response, output: { $metadata: responseMetadata(response), body } };
    } catch (error) {
      return signing.errorHandler(properties)(error as Error);
    }
  };
  // A context per request, as per command of the client (no abort signal, no long polling).
  return (request) => (retry(attempt as never, {} as never) as (args: { input: object; request: HttpRequest }) => Promise<AwsAnswer>)({ input: {}, request });
};
