/**
 * Opaque list cursors, one format for every paginated endpoint: base64url JSON whose shape each
 * list checks with its own zod schema. Anything that does not decode to that shape (tampered,
 * truncated, from another list) is a 400 naming `query.cursor`.
 */
import type * as z from '../zod.js';
import { BadRequestError } from './errors.js';

export const invalidCursor = (reason: string, cause?: unknown): BadRequestError =>
  new BadRequestError(`invalid cursor: ${reason}`, { code: 'invalid-cursor', errors: [{ path: 'query.cursor', message: reason }], cause });

export const encodeCursor = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export const decodeCursor = <S extends z.ZodMiniType>(raw: string, schema: S): z.output<S> => {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(raw)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch (cause) {
    throw invalidCursor('is not a cursor returned by this endpoint', cause);
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw invalidCursor('is not a cursor returned by this endpoint', result.error);
  return result.data;
};
