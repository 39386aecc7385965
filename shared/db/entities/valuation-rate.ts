/**
 * Economic valuation rates (replacement cost, SAR per hour): one entry per rate key and
 * effective date and setting, `VALRATE#<TRACK#t | PROF#p>` / `<effectiveFrom>#<setAt>`. Nothing
 * is ever overwritten: the rate in force on a day is the newest entry with effectiveFrom ≤ that
 * day (one Query, descending, Limit 1). GSI1 `VALRATES` lists them all (the history).
 * Job cursors of the attendance-close schedule live here too (`JOB#attendance-close`).
 */
import * as z from '../../zod.js';
import { ValuationRate } from '../../domain/hours/schema.js';
import { defineEntity } from './entity.js';

/** The key builders of `valuationRate` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const valuationRateKeys = {
  /** The rate key of a profession's or a track's rates. */
  rateKey: (of: { readonly profession: string } | { readonly track: string }) => ('profession' in of ? `PROF#${of.profession}` : `TRACK#${of.track}`),
  item: (key: string, effectiveFrom: string, setAt: string) => ({ PK: `VALRATE#${key}`, SK: `${effectiveFrom}#${setAt}` }),
  partition: (key: string) => `VALRATE#${key}`,
  /** Sorts after every entry effective on `date` (setAt is an ISO time, `~` is after it). */
  onOrBefore: (date: string) => `${date}#~`,
  history: (key: string, effectiveFrom: string, setAt: string) => ({ GSI1PK: 'VALRATES', GSI1SK: `${key}#${effectiveFrom}#${setAt}` }),
  historyPartition: 'VALRATES',
};

export const valuationRate = /* @__PURE__ */ defineEntity({
  name: 'ValuationRate',
  schema: ValuationRate,
  keys: valuationRateKeys,
  accessPatterns: [
    { pattern: 'the rate in force on a day', key: 'PK = VALRATE#<key> AND SK <= <date>#~ (descending, Limit 1)', index: 'table', operation: 'Query' },
    { pattern: 'add rates (never overwrite)', key: 'Put PK = VALRATE#<key>, SK = <effectiveFrom>#<setAt> attribute_not_exists', index: 'table', operation: 'TransactWriteItems' },
    { pattern: 'every rate ever set', key: 'GSI1PK = VALRATES', index: 'GSI1', operation: 'Query' },
  ],
});

/** The key builders of `jobCursor` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const jobCursorKeys = { item: (name: string) => ({ PK: `JOB#${name.split('#')[0]}`, SK: `CURSOR#${name}` }) };

export const jobCursor = /* @__PURE__ */ defineEntity({
  name: 'JobCursor',
  schema: /* @__PURE__ */ z.object({ value: /* @__PURE__ */ z.string() }),
  keys: jobCursorKeys,
  accessPatterns: [{ pattern: 'how far a job has swept', key: 'PK = JOB#<job> AND SK = CURSOR#<name>', index: 'table', operation: 'GetItem / PutItem' }],
});
