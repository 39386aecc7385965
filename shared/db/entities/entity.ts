/**
 * The shape of an entity module (shared/db/entities/<entity>.ts), after ElectroDB's entity
 * files: an entity declares once its name, its key attributes (table and index keys, built by
 * pure functions), its record schema (zod, validated on every read), and its typed access
 * patterns. Repositories compose entities; nothing outside an entity module builds a key.
 */
import * as z from '../../zod.js';

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

export interface EntityDefinition<S extends z.ZodMiniType, K extends Record<string, unknown>> {
  /** Stored in the `entity` attribute of every item; PascalCase. */
  readonly name: string;
  readonly schema: S;
  /** Key builders: pure functions from ids to `{ PK, SK }` / `{ GSI1PK, GSI1SK }`…, and prefixes. */
  readonly keys: K;
  readonly accessPatterns: readonly AccessPattern[];
  /** Attributes stored on the item that never reach a record (e.g. a workflow's task token). */
  readonly internal?: readonly string[];
}

export interface Entity<S extends z.ZodMiniType, K extends Record<string, unknown>> extends EntityDefinition<S, K> {
  /** The stored item: key attributes + `entity` + the record. */
  toItem(record: z.input<S>, keyAttributes: Item, extra?: Item): Item;
  /** The record of a stored item, validated (a malformed item is a bug, not a 404). */
  fromItem(item: Item): z.output<S>;
}

const stripKeys = (item: Item, internal: readonly string[] = []): Item => {
  const copy: Item = { ...item };
  for (const name of KEY_ATTRIBUTES) delete copy[name];
  for (const name of internal) delete copy[name];
  return copy;
};

/**
 * The schema of a record whose type the domain writes by hand (an interface): checks the
 * attributes every reader relies on and keeps the others as `toItem` wrote them. Records whose
 * domain type is a zod schema use that schema instead (and are validated whole).
 */
export const storedRecord = <T>(shape: z.core.$ZodLooseShape): z.ZodMiniType<T> => z.looseObject(shape) as unknown as z.ZodMiniType<T>;

/** The stored item of a record: `toItem` of the entity named `name`, for writers that carry no record schema (issue 17). */
export const entityItem = (name: string, record: object, keyAttributes: Item, extra?: Item): Item => ({ ...(record as Item), ...extra, ...keyAttributes, entity: name });

export const defineEntity = <S extends z.ZodMiniType, K extends Record<string, unknown>>(definition: EntityDefinition<S, K>): Entity<S, K> => ({
  ...definition,
  toItem: (record, keyAttributes, extra) => entityItem(definition.name, record as object, keyAttributes, extra),
  fromItem: (item) => {
    const result = definition.schema.safeParse(stripKeys(item, definition.internal));
    if (!result.success) {
      throw new Error(`stored ${definition.name} item ${String(item.PK)}/${String(item.SK)} does not match its schema: ${result.error.message}`);
    }
    return result.data;
  },
});
