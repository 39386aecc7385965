/** Impact errors. */
import { BadRequestError } from '../errors.js';

/** A reversal arrived before its approval was applied (events are unordered): retried by the bus. */
export class ApprovalNotAppliedYetError extends Error {
  override readonly name = 'ApprovalNotAppliedYetError';
  constructor(readonly hoursId: string) {
    super(`reversal of hours ${hoursId} arrived before its approval was applied; the delivery is retried`);
  }
}

/** Optimistic writes kept meeting concurrent changes (a retry of the delivery will try again). */
export class AggregateContendedError extends Error {
  override readonly name = 'AggregateContendedError';
}

export class InvalidRangeError extends BadRequestError {
  override readonly name: string = 'InvalidRangeError';
  constructor(message: string, path: 'from' | 'to') {
    super(message, { code: 'invalid-range', errors: [{ path: `query.${path}`, message }] });
  }
}
