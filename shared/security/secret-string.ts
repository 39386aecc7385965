/**
 * A string secret from Secrets Manager, cached for the life of the execution environment up to
 * `maxAge` seconds: what Powertools' `getSecret` did for us (a GetSecretValue through one
 * client, the value kept until it expires, a failure wrapped in a GetParameterError with the SDK
 * error as `cause`), in a few lines instead of @aws-lambda-powertools/parameters, which brought
 * ~6 KB and a third copy of Powertools' commons into the bundles that read a secret (issue 17).
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export class GetParameterError extends Error {
  override readonly name: string = 'GetParameterError';
}

let client: SecretsManagerClient | undefined;
const cache = /* @__PURE__ */ new Map<string, { readonly value: string; readonly until: number }>();

/** The secret's string (undefined when it holds none: a binary or an empty secret). */
export const secretString = async (secretId: string, maxAgeSeconds: number): Promise<string | undefined> => {
  const cached = cache.get(secretId);
  if (cached && cached.until >= Date.now()) return cached.value;
  client ??= new SecretsManagerClient({});
  const result = await client.send(new GetSecretValueCommand({ SecretId: secretId })).catch((error: unknown) => {
    throw new GetParameterError(error instanceof Error ? error.message : String(error), { cause: error });
  });
  if (!result.SecretString) return undefined;
  cache.set(secretId, { value: result.SecretString, until: Date.now() + maxAgeSeconds * 1000 });
  return result.SecretString;
};
