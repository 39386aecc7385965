import { ConflictError } from '../errors.js';

/** The opportunity is not in the status this change starts from (publish a draft, close an open one). */
export class OpportunityStatusError extends ConflictError {
  override readonly name: string = 'OpportunityStatusError';
  override readonly code = 'opportunity-status';
  constructor(id: string, status: string, action: string, options?: { cause?: unknown }) {
    super(`opportunity ${id} is ${status}; it cannot be ${action}`, options);
  }
}

/** The opportunity or one of its shifts changed between the read and the write of an edit (e.g. a seat was taken): read it again. */
export class OpportunityChangedError extends ConflictError {
  override readonly name: string = 'OpportunityChangedError';
  override readonly code = 'opportunity-changed';
}
