/**
 * The pepper that keys the HMAC of national IDs. Locally and in tests it comes from
 * NATIONAL_ID_PEPPER; in the cloud from the Secrets Manager secret named by
 * NATIONAL_ID_PEPPER_SECRET_ARN (routes that need it declare `needs: ['national-id-pepper']`,
 * which grants read access to that one secret).
 *
 * The pepper must never change once data exists: the uniqueness markers of national IDs are
 * keyed by its HMAC, so a new pepper would let an already registered ID register again.
 * It is therefore cached for the life of the execution environment (a long maxAge).
 */
import { secretString } from './secret-string.js';
import { env } from '../env.js';

/** Short enough to be accidental, long enough for HMAC-SHA256 to keep its strength. */
export const MIN_PEPPER_LENGTH = 16;

const CACHE_SECONDS = 60 * 60;

export class PepperUnavailableError extends Error {
  override readonly name: string = 'PepperUnavailableError';
}

export const nationalIdPepper = async (): Promise<string> => {
  const pepper = env.nationalIdPepper ?? (await fromSecretsManager());
  if (pepper.length < MIN_PEPPER_LENGTH && env.mode === 'cloud') {
    throw new PepperUnavailableError(`the national-id pepper is too short (${pepper.length} characters, at least ${MIN_PEPPER_LENGTH})`);
  }
  return pepper;
};

const fromSecretsManager = async (): Promise<string> => {
  const arn = env.nationalIdPepperSecretArn;
  if (!arn) throw new PepperUnavailableError('set NATIONAL_ID_PEPPER (local) or NATIONAL_ID_PEPPER_SECRET_ARN (cloud)');
  const secret = await secretString(arn, CACHE_SECONDS);
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new PepperUnavailableError(`the secret ${arn} holds no string pepper`);
  }
  return secret;
};
