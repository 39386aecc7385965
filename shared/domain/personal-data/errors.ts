/** Errors of the personal-data area; shared/middleware/problem.ts maps them to HTTP. */
import { NotFoundError } from '../errors.js';

/** The caller has no profile (never registered, or erased): nothing is held under their name. */
export class NothingHeldError extends NotFoundError {
  override readonly name: string = 'NothingHeldError';
  constructor(options?: { cause?: unknown }) {
    super('no volunteer profile is held for the caller', options);
  }
}
