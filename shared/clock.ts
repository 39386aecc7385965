/** Time as a port, so services can be tested with a pinned clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
