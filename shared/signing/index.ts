/**
 * The platform's credential signer, chosen by the environment: the region's KMS key when
 * `SIGNING_KEY_ARN` is set (cloud), else the local key in `SIGNING_KEY_DIR` (local platform,
 * tests). One signer per process.
 *
 * A Lambda bundle never takes the local key: the bundling settings define
 * `process.env.TATAWWU_LAMBDA_BUNDLE` (infra/constructs/bundling.ts), so that branch folds away
 * and the local signer (with jose, for its key thumbprints) leaves the bundles (issue 17). The
 * cloud sets SIGNING_KEY_ARN through the `signing` need and never SIGNING_KEY_DIR; the local
 * platform and the tests run the handlers from source, where the flag is unset.
 */
import type { Signer } from '../domain/credentials/ports.js';
import { kmsSigner } from './kms-signer.js';
import { localSigner } from './local-signer.js';

let cached: { key: string; signer: Promise<Signer> } | undefined;

export const signer = (): Promise<Signer> => {
  const keyArn = process.env.SIGNING_KEY_ARN;
  const dir = process.env.SIGNING_KEY_DIR;
  const key = `${keyArn ?? ''}|${dir ?? ''}`;
  if (cached?.key !== key) {
    if (keyArn) {
      const previousKeyArns = (process.env.SIGNING_PREVIOUS_KEY_ARNS ?? '').split(',').filter(Boolean);
      cached = { key, signer: Promise.resolve(kmsSigner({ keyArn, previousKeyArns })) };
    } else if (dir && !process.env.TATAWWU_LAMBDA_BUNDLE) {
      cached = { key, signer: localSigner(dir) };
    } else {
      throw new Error('no credential signer configured: set SIGNING_KEY_ARN (KMS) or SIGNING_KEY_DIR (local key)');
    }
  }
  return cached.signer;
};

/** Forget the process's signer (after a local key rotation). */
export const resetSigner = (): void => {
  cached = undefined;
};
