/**
 * The shape of an entity module (shared/db/entities/<entity>.ts), after ElectroDB's entity
 * files: an entity declares once its name, its key attributes (table and index keys, built by
 * pure functions), its record schema (zod, validated on every read), and its typed access
 * patterns. Repositories compose entities; nothing outside an entity module builds a key.
 */
import type { z } from 'zod';

export type Item = Record<string, unknown>;

/** Attributes that belong to the table layout, never to a record. */
export const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'entity', 'expiresAt'] as const;

export interface AccessPattern {
  readonly pattern: string;
  /** The key condition, e.g. `PK = VOL#<sub> AND SK = PROFILE`. */
  readonly key: string;
  readonly index: 'table' | 'GSI1' | 'GSI2' | 'GSI3';
  /** GetItem, Query, TransactWrite… */
  readonly operation: string;
}

export interface EntityDefinition<S extends z.ZodType, K extends Record<string, unknown>> {
  /** Stored in the `entity` attribute of every item; PascalCase. */
  readonly name: string;
  readonly schema: S;
  /** Key builders: pure functions from ids to `{ PK, SK }` / `{ GSI1PK, GSI1SK }`…, and prefixes. */
  readonly keys: K;
  readonly accessPatterns: readonly AccessPattern[];
}

export interface Entity<S extends z.ZodType, K extends Record<string, unknown>> extends EntityDefinition<S, K> {
  /** The stored item: key attributes + `entity` + the record. */
  toItem(record: z.input<S>, keyAttributes: Item, extra?: Item): Item;
  /** The record of a stored item, validated (a malformed item is a bug, not a 404). */
  fromItem(item: Item): z.output<S>;
}

const stripKeys = (item: Item): Item => {
  const copy: Item = { ...item };
  for (const name of KEY_ATTRIBUTES) delete copy[name];
  return copy;
};

export const defineEntity = <S extends z.ZodType, K extends Record<string, unknown>>(definition: EntityDefinition<S, K>): Entity<S, K> => ({
  ...definition,
  toItem: (record, keyAttributes, extra) => ({ ...(record as Item), ...extra, ...keyAttributes, entity: definition.name }),
  fromItem: (item) => {
    const result = definition.schema.safeParse(stripKeys(item));
    if (!result.success) {
      throw new Error(`stored ${definition.name} item ${String(item.PK)}/${String(item.SK)} does not match its schema: ${result.error.message}`);
    }
    return result.data;
  },
});
