/**
 * A string secret from Secrets Manager, cached for the life of the execution environment up to
 * `maxAge` seconds: what Powertools' `getSecret` did for us (a GetSecretValue through one
 * client, the value kept until it expires, a failure wrapped in a GetParameterError with the SDK
 * error as `cause`), in a few lines instead of @aws-lambda-powertools/parameters, which brought
 * ~6 KB and a third copy of Powertools' commons into the bundles that read a secret (issue 17).
 * GetSecretValue is the Secrets Manager client's request without the client
 * (shared/aws/json-service.ts; untraced, as the client was): its service model cost ~0.9 ms of
 * each cold start.
 */
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { jsonService } from '../aws/json-service.js';
import type { AwsAccess } from '../aws/signed-sender.js';
import { env } from '../env.js';

export class GetParameterError extends Error {
  override readonly name: string = 'GetParameterError';
}

/** Secrets Manager's GetSecretValue: the output's fields (`SecretString` for a string secret). */
export type GetSecretValue = (secretId: string) => Promise<Record<string, unknown>>;

/** GetSecretValue as `new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId }))` sends it. */
export const getSecretValue = (access: AwsAccess): GetSecretValue => {
  const call = jsonService({ signingName: 'secretsmanager', endpointPrefix: 'secretsmanager' }, access);
  return (secretId) => call({ operation: 'GetSecretValue', target: 'secretsmanager.GetSecretValue', contentType: 'application/x-amz-json-1.1', body: { SecretId: secretId } });
};

let client: GetSecretValue | undefined;
const cache = /* @__PURE__ */ new Map<string, { readonly value: string; readonly until: number }>();

const processClient = (): GetSecretValue => (client ??= getSecretValue({ region: env.region, credentials: defaultProvider() }));

/** The secret's string (undefined when it holds none: a binary or an empty secret). */
export const secretString = async (secretId: string, maxAgeSeconds: number, read: GetSecretValue = processClient()): Promise<string | undefined> => {
  const cached = cache.get(secretId);
  if (cached && cached.until >= Date.now()) return cached.value;
  const result = await read(secretId).catch((error: unknown) => {
    throw new GetParameterError(error instanceof Error ? error.message : String(error), { cause: error });
  });
  if (typeof result.SecretString !== 'string' || !result.SecretString) return undefined;
  cache.set(secretId, { value: result.SecretString, until: Date.now() + maxAgeSeconds * 1000 });
  return result.SecretString;
};
