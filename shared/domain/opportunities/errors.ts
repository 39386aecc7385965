import { ConflictError } from '../errors.js';

/** The opportunity is not in the status this change starts from (publish a draft, close an open one). */
export class OpportunityStatusError extends ConflictError {
  override readonly code = 'opportunity-status';
  constructor(id: string, status: string, action: string, options?: { cause?: unknown }) {
    super(`opportunity ${id} is ${status}; it cannot be ${action}`, options);
  }
}
