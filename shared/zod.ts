/**
 * zod for runtime code (issue 17): `zod/mini` — functions instead of methods, so a bundle carries
 * only what it calls and each schema constructs faster than classic zod's — with the English
 * locale configured once, as classic zod does on import, so error messages stay the same.
 * Every runtime module imports z from here (package.json lists this file as having side effects).
 */
import { config, globalRegistry, never, unknown, util, type core, type ZodMiniObject, type ZodMiniType } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';

/** Classic `schema.describe(text)`: a copy registered with its description. No check is added, so `z.pick`/`z.extend` still apply. */
// @__NO_SIDE_EFFECTS__
export function described<T extends ZodMiniType>(schema: T, description: string): T {
  const copy = schema.clone();
  globalRegistry.add(copy, { description });
  return copy;
}

/** Classic `schema.meta(data)`: a copy registered with the metadata (`id` names an OpenAPI component). */
// @__NO_SIDE_EFFECTS__
export function withMeta<T extends ZodMiniType>(schema: T, meta: core.GlobalMeta): T {
  const copy = schema.clone();
  globalRegistry.add(copy, meta);
  return copy;
}

/** Classic `object.strict()`: unknown keys are refused. */
// @__NO_SIDE_EFFECTS__
export function strict<T extends ZodMiniObject>(schema: T): ZodMiniObject<T['shape'], core.$strict> {
  return schema.clone(util.mergeDefs(schema._zod.def, { catchall: never() })) as never;
}

/** Classic `object.loose()`: unknown keys are kept. */
// @__NO_SIDE_EFFECTS__
export function loose<T extends ZodMiniObject>(schema: T): ZodMiniObject<T['shape'], core.$loose> {
  return schema.clone(util.mergeDefs(schema._zod.def, { catchall: unknown() })) as never;
}
