/**
 * The OpenAPI 3.1 document, generated from the operation specs (functions/http/routes.ts) and
 * their zod schemas (never written by hand). zod 4's own `z.toJSONSchema()` emits JSON Schema draft 2020-12, the
 * dialect of OpenAPI 3.1, so no adapter library is needed.
 *
 * - Every schema that carries `z.withMeta(schema, { id: 'Name' })` becomes `components.schemas.Name` and is
 *   referenced; other schemas are inlined where they are used.
 * - Request bodies and query strings are converted as zod *input* types, responses as *output*
 *   types. When a named schema differs between the two (defaults, coercions, transforms), the
 *   input form is published as `NameInput`.
 * - Errors reference the shared RFC 9457 `Problem` schema (application/problem+json).
 */
import { readFileSync } from 'node:fs';
import * as z from '../zod.js';
import type { AnyOperation, HttpMethod, ResponseSpec } from '../../functions/http/operation.js';
import { GatewayMessageDocument, ProblemDocument } from './problem.js';

export type JsonSchema = { [key: string]: unknown };

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  tags: string[];
  security: Array<Record<string, string[]>>;
  parameters?: JsonSchema[];
  requestBody?: JsonSchema;
  responses: Record<string, JsonSchema>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string; description?: string }>;
  tags: Array<{ name: string }>;
  paths: Record<string, Partial<Record<Lowercase<HttpMethod>, OpenApiOperation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
  };
}

export interface OpenApiOptions {
  /** @default the `version` of package.json */
  readonly version?: string;
  /** @default [localServer('http://localhost:3000')] */
  readonly servers?: ReadonlyArray<{ url: string; description?: string }>;
}

export const localServer = (url: string) => ({ url, description: 'local platform (npm start)' });

/** Name of the security scheme: the Cognito user pool's JWTs, checked by the HTTP API authorizer. */
export const SECURITY_SCHEME = 'cognitoJwt';
const COMPONENT = '#/components/schemas/';
/** Prefix of the temporary ids given to unnamed route schemas; they are inlined afterwards. */
const INLINE = '__inline';
const INPUT = '__input__';

const packageVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const reasons: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No content',
  400: 'Bad request: malformed JSON, or invalid path or query parameters',
  401: 'Missing, invalid or expired bearer token',
  403: 'Signed in, but not allowed',
  404: 'Not found (or not visible to the caller)',
  409: 'Conflict with the current state',
  413: 'Payload too large',
  422: 'Unprocessable content: the body failed validation, or a business rule refused it',
  429: 'Too many requests',
  500: 'Internal server error',
};

const isZod = (value: unknown): value is z.ZodMiniType => value instanceof z.ZodMiniType;
const idOf = (schema: z.ZodMiniType): string | undefined => z.globalRegistry.get(schema)?.id;
const isEmpty = (schema: z.ZodMiniType): boolean => schema instanceof z.ZodMiniUndefined || schema instanceof z.ZodMiniVoid;

/** Deep copy with every `$ref` string rewritten by `rewrite` (which may also inline). */
const mapRefs = (value: unknown, rewrite: (ref: string) => unknown): unknown => {
  if (Array.isArray(value)) return value.map((item) => mapRefs(item, rewrite));
  if (value === null || typeof value !== 'object') return value;
  const object = value as JsonSchema;
  if (typeof object.$ref === 'string') {
    const replaced = rewrite(object.$ref);
    const rest = Object.fromEntries(Object.entries(object).filter(([key]) => key !== '$ref'));
    if (typeof replaced === 'string') return { $ref: replaced, ...(mapRefs(rest, rewrite) as JsonSchema) };
    // Inlined: keep the sibling keywords (description, default…) of the reference.
    return { ...(mapRefs(replaced, rewrite) as JsonSchema), ...(mapRefs(rest, rewrite) as JsonSchema) };
  }
  return Object.fromEntries(Object.entries(object).map(([key, item]) => [key, mapRefs(item, rewrite)]));
};

const stripHeader = (schema: JsonSchema): JsonSchema =>
  Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema' && key !== '$id'));

/**
 * Converts every schema the routes use, in one registry pass per direction, so that named
 * schemas become references and unnamed ones stay inline.
 */
class SchemaSet {
  private readonly used = { input: new Map<z.ZodMiniType, string>(), output: new Map<z.ZodMiniType, string>() };
  private counter = 0;

  /** A placeholder reference now (`input:<id>`); `resolve()` turns it into the final schema. */
  use(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
    let id = this.used[io].get(schema);
    if (!id) {
      id = idOf(schema) ?? `${INLINE}${this.counter++}`;
      this.used[io].set(schema, id);
    }
    return { $ref: `${io}:${id}` };
  }

  /** id → JSON Schema; references point at `#/components/schemas/<id>` (input: `…/__input__<id>`). */
  private convert(io: 'input' | 'output'): Record<string, JsonSchema> {
    const registry = z.registry<{ id: string }>();
    // Every named schema, so that nested uses of one become references, not copies.
    for (const [id, schema] of z.globalRegistry._idmap) registry.add(schema, { id });
    for (const [schema, id] of this.used[io]) if (!registry.has(schema)) registry.add(schema, { id });
    const prefix = io === 'input' ? `${COMPONENT}${INPUT}` : COMPONENT;
    const { schemas } = z.toJSONSchema(registry, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
      uri: (id) => `${prefix}${id}`,
      // zod marks plain objects closed in output mode because parsing strips unknown keys. The
      // contract says the opposite to clients ("more fields are welcome"), so only strict
      // objects stay closed.
      override: ({ zodSchema, jsonSchema }) => {
        if (zodSchema._zod.def.type === 'object' && !(zodSchema as z.core.$ZodObject)._zod.def.catchall) delete jsonSchema.additionalProperties;
      },
    });
    const result: Record<string, JsonSchema> = {};
    for (const [id, schema] of Object.entries(schemas)) result[id] = stripHeader(schema as JsonSchema);
    // Unnamed schemas met again inside a cycle are emitted under `__shared`: name them.
    const shared = (result.__shared?.$defs ?? {}) as Record<string, JsonSchema>;
    delete result.__shared;
    for (const [id, schema] of Object.entries(shared)) result[`Shared${id}`] = schema;
    return mapRefs(result, (ref) => {
      const found = /^(.*)__shared#\/\$defs\/(.+)$/.exec(ref);
      return found ? `${found[1]}Shared${decodeURIComponent(found[2]!)}` : ref;
    }) as Record<string, JsonSchema>;
  }

  /** Replaces the placeholders in `document`; returns it with every named schema it can reference. */
  resolve<T>(document: T): { document: T; components: Record<string, JsonSchema> } {
    const output = this.convert('output');
    const input = this.convert('input');
    const named = (id: string) => !id.startsWith(INLINE);
    const inputRefs = (schema: unknown) => {
      const refs: string[] = [];
      mapRefs(schema, (ref) => (ref.startsWith(`${COMPONENT}${INPUT}`) && refs.push(ref.slice(`${COMPONENT}${INPUT}`.length)), ref));
      return refs;
    };
    const asOutput = (schema: unknown) => JSON.stringify(mapRefs(schema, (ref) => ref.replace(`${COMPONENT}${INPUT}`, COMPONENT)));
    // The input form of a named schema needs its own component when it differs from the output
    // form, or when it refers to one that does (repeat until nothing changes).
    const distinct = new Set(Object.keys(input).filter((id) => named(id) && asOutput(input[id]) !== JSON.stringify(output[id])));
    for (let grew = true; grew; ) {
      grew = false;
      for (const id of Object.keys(input)) {
        if (!distinct.has(id) && inputRefs(input[id]).some((ref) => distinct.has(ref))) {
          distinct.add(id);
          grew = true;
        }
      }
    }
    // Final references: named schemas by component name, unnamed ones inlined.
    const expanding = new Set<string>();
    const rewrite = (ref: string): unknown => {
      if (!ref.startsWith(COMPONENT)) return ref;
      const isInput = ref.startsWith(`${COMPONENT}${INPUT}`);
      const id = ref.slice((isInput ? `${COMPONENT}${INPUT}` : COMPONENT).length);
      if (named(id)) return `${COMPONENT}${isInput && distinct.has(id) ? `${id}Input` : id}`;
      if (expanding.has(id)) throw new Error(`an unnamed schema refers to itself: give it z.withMeta(schema, { id: 'Name' }) to document it`);
      expanding.add(id);
      const inlined = mapRefs((isInput ? input : output)[id], rewrite);
      expanding.delete(id);
      return inlined;
    };
    const components: Record<string, JsonSchema> = {};
    for (const [id, schema] of Object.entries(output)) if (named(id)) components[id] = mapRefs(schema, rewrite) as JsonSchema;
    for (const id of distinct) components[`${id}Input`] = mapRefs(input[id], rewrite) as JsonSchema;
    const resolved = mapRefs(document, (ref) => {
      const placeholder = /^(input|output):(.+)$/.exec(ref);
      if (!placeholder) return ref;
      return rewrite(`${COMPONENT}${placeholder[1] === 'input' ? INPUT : ''}${placeholder[2]!}`);
    }) as T;
    return { document: resolved, components };
  }
}

/** Only the components the document reaches (directly or through other components), by name. */
const reachable = (document: unknown, components: Record<string, JsonSchema>): Record<string, JsonSchema> => {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    mapRefs(value, (ref) => {
      const id = ref.slice(COMPONENT.length);
      if (ref.startsWith(COMPONENT) && !found.has(id) && components[id]) {
        found.add(id);
        visit(components[id]);
      }
      return ref;
    });
  };
  visit(document);
  return Object.fromEntries([...found].sort().map((id) => [id, components[id]!]));
};

const pathParameters = (path: string, examples: Readonly<Record<string, string>> = {}): JsonSchema[] =>
  [...path.matchAll(/\{([^}]+)\}/g)].map((match) => ({
    name: match[1]!,
    in: 'path',
    required: true,
    schema: { type: 'string' },
    ...(examples[match[1]!] !== undefined && { example: examples[match[1]!] }),
  }));

/** A query example (always text) as the type its parameter's schema names. */
const typedExample = (value: string, schema: JsonSchema): unknown => {
  if ((schema.type === 'integer' || schema.type === 'number') && Number.isFinite(Number(value))) return Number(value);
  if (schema.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
};

const security = (auth: AnyOperation['auth']): Array<Record<string, string[]>> => {
  if (auth === 'required') return [{ [SECURITY_SCHEME]: [] }];
  // An empty requirement object makes the token optional.
  if (auth === 'optional') return [{ [SECURITY_SCHEME]: [] }, {}];
  return [];
};

const problemResponse = (status: number, auth: AnyOperation['auth']): JsonSchema => ({
  description: reasons[status] ?? `Error ${status}`,
  content: {
    'application/problem+json': { schema: { $ref: `${COMPONENT}Problem` } },
    // The authorizer refuses a bad token before the handler runs, with its own small body.
    ...(status === 401 && auth === 'required' && { 'application/json': { schema: { $ref: `${COMPONENT}GatewayMessage` } } }),
  },
});

/**
 * The example of one success response: `examples.responses[status]`, else `examples.response`
 * when that response is the first one's schema (or a text body), else none.
 */
export const responseExample = (spec: Pick<AnyOperation, 'responses' | 'examples'>, status: number): unknown => {
  if (spec.examples?.responses?.[status] !== undefined) return spec.examples.responses[status];
  const response = spec.responses[status];
  const first = Object.values(spec.responses).find((r) => isZod(r));
  return response === first || (response !== undefined && !isZod(response)) ? spec.examples?.response : undefined;
};

/** `{ example }` when the spec gives one (OpenAPI media type object). */
const exampleOf = (example: unknown): { example?: unknown } => (example === undefined ? {} : { example });

const successResponse = (status: number, response: ResponseSpec, set: SchemaSet, example: unknown): JsonSchema => {
  if (!isZod(response)) {
    if (response.contentType === undefined) return { description: response.description };
    const schema = response.schema ?? { type: 'string' };
    return { description: response.description, content: { [response.contentType]: { schema, ...exampleOf(example) } } };
  }
  const description = z.globalRegistry.get(response)?.description ?? reasons[status] ?? `Status ${status}`;
  if (status === 204 || isEmpty(response)) return { description };
  return { description, content: { 'application/json': { schema: set.use(response, 'output'), ...exampleOf(example) } } };
};

const operation = (route: AnyOperation, set: SchemaSet): OpenApiOperation => {
  const body = route.request?.body;
  const query = route.request?.query;
  const parameters: JsonSchema[] = [...pathParameters(route.path, route.examples?.path)];
  if (query) parameters.push({ in: 'query', $query: set.use(query, 'input'), ...(route.examples?.query && { $examples: { ...route.examples.query } }) });
  if (route.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Retry-safe creation: the same key and body within 24 h returns the first response and does the work once; the same key with another body is refused (422).',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
  const errors = new Set(route.errors ?? []);
  if (route.auth === 'required') errors.add(401);
  const responses: Record<string, JsonSchema> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = successResponse(Number(status), response, set, responseExample(route, Number(status)));
  }
  for (const status of [...errors].sort((a, b) => a - b)) responses[String(status)] = problemResponse(status, route.auth);
  return {
    operationId: route.id,
    summary: route.summary,
    tags: [...route.tags],
    security: security(route.auth),
    ...(parameters.length > 0 && { parameters }),
    ...(body && {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: set.use(body, 'input'), ...exampleOf(route.examples?.request) } },
      },
    }),
    responses,
  };
};

/** A query object schema becomes one OpenAPI parameter per property. */
const expandQuery = (parameters: JsonSchema[] | undefined, components: Record<string, JsonSchema>): JsonSchema[] | undefined =>
  parameters?.flatMap((parameter) => {
    if (!('$query' in parameter)) return [parameter];
    let schema = parameter.$query as JsonSchema;
    if (typeof schema.$ref === 'string') schema = components[schema.$ref.slice(COMPONENT.length)] ?? {};
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    const examples = (parameter.$examples ?? {}) as Record<string, string>;
    return Object.entries(properties).map(([name, property]) => ({
      name,
      in: 'query',
      required: required.has(name),
      ...(typeof property.description === 'string' && { description: property.description }),
      schema: property,
      ...(examples[name] !== undefined && { example: typedExample(examples[name], property) }),
    }));
  });

export const openApiDocument = (routes: readonly AnyOperation[], options: OpenApiOptions = {}): OpenApiDocument => {
  const set = new SchemaSet();
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    const method = route.method.toLowerCase() as Lowercase<HttpMethod>;
    if (item[method]) throw new Error(`route ${route.id}: ${route.method} ${route.path} is already declared by ${item[method].operationId}`);
    item[method] = operation(route, set);
  }
  const { document: resolvedPaths, components } = set.resolve(paths);
  for (const item of Object.values(resolvedPaths)) {
    for (const op of Object.values(item)) {
      const parameters = expandQuery(op.parameters, components);
      if (parameters) op.parameters = parameters;
    }
  }
  const errorBodies = [ProblemDocument, GatewayMessageDocument].map((schema) => ({ $ref: `${COMPONENT}${idOf(schema)}` }));
  const schemas = reachable({ paths: resolvedPaths, errorBodies }, components);
  const tags = [...new Set(routes.flatMap((route) => route.tags))].sort().map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tatawwu',
      version: options.version ?? packageVersion(),
      description:
        'API of the national volunteering platform. Generated from the operation specs and their zod schemas. Errors are RFC 9457 problem+json.',
    },
    servers: (options.servers ?? [localServer('http://localhost:3000')]).map((server) => ({ ...server })),
    tags,
    paths: resolvedPaths,
    components: {
      schemas,
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A Cognito user pool token, checked by the HTTP API JWT authorizer. Locally: POST /local/token with {"sub","groups"}.',
        },
      },
    },
  };
};
