import { ConflictError, NotFoundError, RuleViolationError } from '../errors.js';

export class RewardNotFoundError extends NotFoundError {
  override readonly name: string = 'RewardNotFoundError';
  constructor(rewardId: string) {
    super(`reward ${rewardId} not found`);
  }
}

/** The reward is out of stock or outside its validity (409: it may change; nothing was deducted). */
export class RewardUnavailableError extends ConflictError {
  override readonly name: string = 'RewardUnavailableError';
  override readonly code = 'reward-unavailable';
}

/** A rule of the catalogue refused the redemption (points, minimum hours, once per period); nothing was deducted. */
export class RedemptionRefusedError extends RuleViolationError {
  override readonly name: string = 'RedemptionRefusedError';
}

/** The volunteer named in a nomination has no approved hours with the organisation in that month. */
export class NomineeNotEligibleError extends RuleViolationError {
  override readonly name: string = 'NomineeNotEligibleError';
}

/** The honour is already decided (by the ministry, or by the rule after the 10-day wait); nothing was changed. */
export class HonourAlreadyDecidedError extends ConflictError {
  override readonly name: string = 'HonourAlreadyDecidedError';
  override readonly code = 'honour-decided';
}

export class HonourNotFoundError extends NotFoundError {
  override readonly name: string = 'HonourNotFoundError';
}
