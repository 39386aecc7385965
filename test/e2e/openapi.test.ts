import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from '../../shared/zod.js';
import { defineOperation, type AnyOperation } from '../../functions/http/operation.js';
import { operations as routes } from '../../functions/http/routes.js';
import { localServer, openApiDocument, SECURITY_SCHEME, type JsonSchema, type OpenApiDocument } from '../../shared/openapi/document.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

type Operation = OpenApiDocument['paths'][string]['get'] & object;

const operationOf = (document: OpenApiDocument, route: AnyOperation): Operation | undefined =>
  document.paths[route.path]?.[route.method.toLowerCase() as 'get'];

/** Follows one `#/components/schemas/…` reference. */
const deref = (document: OpenApiDocument, schema: JsonSchema): JsonSchema => {
  if (typeof schema.$ref !== 'string') return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = document.components.schemas[name];
  if (!target) throw new Error(`unresolved reference ${schema.$ref}`);
  return target;
};

const bodySchema = (document: OpenApiDocument, route: AnyOperation): JsonSchema => {
  const content = operationOf(document, route)?.requestBody?.content as Record<string, { schema: JsonSchema }> | undefined;
  return deref(document, content?.['application/json']?.schema ?? {});
};

/**
 * Keys a client must send, read from the zod schema itself (not from the generator): one list
 * per alternative of a union, one list for an object.
 */
const requiredKeys = (schema: z.ZodMiniType): string[][] => {
  const input = schema instanceof z.core.$ZodPipe ? (schema._zod.def.in as z.ZodMiniType) : schema;
  if (input instanceof z.core.$ZodUnion) return (input._zod.def.options as z.ZodMiniType[]).flatMap(requiredKeys);
  if (!(input instanceof z.core.$ZodObject)) return [];
  const keys = Object.entries(input._zod.def.shape as Record<string, z.ZodMiniType>)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([key]) => key)
    .sort();
  return [keys];
};

/** The same, read from the generated JSON Schema (`oneOf`/`anyOf` for unions). */
const documentedRequiredKeys = (document: OpenApiDocument, schema: JsonSchema): string[][] => {
  const alternatives = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (alternatives) return alternatives.flatMap((alternative) => documentedRequiredKeys(document, deref(document, alternative)));
  if (schema.type !== 'object') return [];
  return [[...((schema.required as string[] | undefined) ?? [])].sort()];
};

const validate = async (document: unknown) => {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(document) as Parameters<Validator['validate']>[0]);
  return { result, validator };
};

describe('OpenAPI document', () => {
  const document = openApiDocument(routes);

  it('is valid OpenAPI 3.1 according to @seriousme/openapi-schema-validator', async () => {
    const { result, validator } = await validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('resolves every $ref it contains', async () => {
    const { validator } = await validate(document);
    expect(() => validator.resolveRefs()).not.toThrow();
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) expect(() => deref(document, { $ref: JSON.parse(`{${ref}}`).$ref })).not.toThrow();
  });

  it('is refused by the validator when broken, so the check above means something', async () => {
    const broken = structuredClone(document) as unknown as { paths: Record<string, Record<string, { parameters?: unknown }>> };
    broken.paths['/health']!.get!.parameters = [{ name: 'x', in: 'body' }];
    const { result } = await validate(broken);
    expect(result.valid).toBe(false);
  });

  it('has every route of the table with its method and operationId', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(operations.sort()).toEqual(routes.map((r) => `${r.method} ${r.path} ${r.id}`).sort());
  });

  it('declares every {name} of a path template as a required path parameter', () => {
    for (const route of routes) {
      const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = (operationOf(document, route)?.parameters ?? []).filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name), route.id).toEqual(names);
      for (const parameter of declared) expect(parameter.required, route.id).toBe(true);
    }
  });

  it('documents the request body of each route that takes one, with its required fields', () => {
    // A body that may be left out altogether (e.g. `close` with optional beneficiaries) has no required fields.
    const withBody = routes.filter((route) => route.request?.body && !route.request.body.safeParse(undefined).success);
    // POST /v1/volunteers takes a body (API.md), so the table is never without one.
    expect(withBody.map((route) => route.id)).toContain('RegisterVolunteer');
    for (const route of withBody) {
      const expected = requiredKeys(route.request!.body!);
      expect(expected.length, `${route.id} has an object body`).toBeGreaterThan(0);
      expect(documentedRequiredKeys(document, bodySchema(document, route)), route.id).toEqual(expected);
    }
  });

  it('secures each route as its auth says', () => {
    for (const route of routes) {
      const expected = { required: [{ [SECURITY_SCHEME]: [] }], optional: [{ [SECURITY_SCHEME]: [] }, {}], none: [] }[route.auth];
      expect(operationOf(document, route)?.security, route.id).toEqual(expected);
    }
    expect(document.components.securitySchemes[SECURITY_SCHEME]).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });

  it('answers each documented error with the shared Problem schema as application/problem+json', () => {
    for (const route of routes) {
      const responses = operationOf(document, route)!.responses;
      for (const status of route.errors ?? []) {
        const content = responses[String(status)]?.content as Record<string, { schema: JsonSchema }> | undefined;
        expect(content?.['application/problem+json']?.schema, `${route.id} ${status}`).toEqual({ $ref: '#/components/schemas/Problem' });
      }
    }
    expect(document.components.schemas.Problem).toMatchObject({
      required: expect.arrayContaining(['type', 'title', 'status', 'detail']),
      properties: { errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } } },
    });
  });

  it('takes an Idempotency-Key header exactly on idempotent routes', () => {
    for (const route of routes) {
      const header = (operationOf(document, route)?.parameters ?? []).find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
      expect(Boolean(header), route.id).toBe(Boolean(route.idempotent));
    }
  });

  it('names the API Tatawwu with the package version and the local server', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('Tatawwu');
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(document.servers).toEqual([localServer('http://localhost:3000')]);
  });
});

describe('OpenAPI generation from zod schemas', () => {
  const Level = z.enum(['beginner', 'expert']);
  const Skill = z.withMeta(z.object({ name: z.string(), level: z._default(Level, 'beginner') }), { id: 'TestSkill' });
  const Profile = z.withMeta(z.object({ nameEn: z.string().check(z.minLength(1)), skills: z.array(Skill), note: z.optional(z.string()) }), { id: 'TestProfile' });
  const route = defineOperation({
    id: 'CreateTestProfile',
    method: 'POST',
    path: '/v1/tests/{testId}/profiles',
    entry: 'functions/http/system/health.ts',
    auth: 'optional',
    request: {
      body: z.object({ profile: Profile, count: z.number().check(z.int()) }),
      query: z.object({ limit: z._default(z.coerce.number().check(z.int(), z.lte(100)), 20), cursor: z.optional(z.string()) }),
    },
    idempotent: true,
    needs: [],
    summary: 'fixture',
    tags: ['tests'],
    responses: { 201: Profile, 204: z.undefined() },
    errors: [409],
  });
  const document = openApiDocument([route], { version: '9.9.9' });
  const op = document.paths['/v1/tests/{testId}/profiles']!.post!;

  it('turns a schema with a meta id into a component reference', () => {
    expect(op.responses['201']!.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/TestProfile' } } });
    expect(document.components.schemas.TestProfile).toMatchObject({ required: ['nameEn', 'skills'] });
  });

  it('publishes the input form of a named schema separately when a default makes it differ', () => {
    const body = (op.requestBody!.content as Record<string, { schema: JsonSchema }>)['application/json']!.schema;
    expect(body).toMatchObject({ required: ['profile', 'count'], properties: { profile: { $ref: '#/components/schemas/TestProfileInput' } } });
    expect(document.components.schemas.TestSkillInput!.required).toEqual(['name']);
    expect(document.components.schemas.TestSkill!.required).toEqual(['name', 'level']);
  });

  it('spreads the query schema into one parameter per field', () => {
    const query = (op.parameters ?? []).filter((p) => p.in === 'query');
    expect(query.map((p) => [p.name, p.required])).toEqual([
      ['limit', false],
      ['cursor', false],
    ]);
  });

  it('declares the path template parameter', () => {
    expect((op.parameters ?? []).filter((p) => p.in === 'path')).toEqual([{ name: 'testId', in: 'path', required: true, schema: { type: 'string' } }]);
  });

  it('makes the token optional on an optional-auth route', () => {
    expect(op.security).toEqual([{ [SECURITY_SCHEME]: [] }, {}]);
  });

  it('answers a listed error with the Problem schema and takes the Idempotency-Key header', () => {
    expect(op.responses['409']!.content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } });
    expect((op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'Idempotency-Key')).toBe(true);
  });

  it('leaves an empty response without content', () => {
    expect(op.responses['204']).toEqual({ description: 'No content' });
  });

  it('lets the caller choose the version', () => {
    expect(document.info.version).toBe('9.9.9');
  });

  it('shows the path and query examples on their parameters, typed as their schemas say', () => {
    const withExamples = defineOperation({ ...route, id: 'ListTestProfiles', method: 'GET', request: { query: route.request!.query! }, examples: { path: { testId: 't-42' }, query: { limit: '5', cursor: 'abc' } } });
    const parameters = openApiDocument([withExamples]).paths['/v1/tests/{testId}/profiles']!.get!.parameters ?? [];
    expect(parameters.filter((p) => p.in !== 'header').map((p) => [p.name, p.example])).toEqual([
      ['testId', 't-42'],
      ['limit', 5],
      ['cursor', 'abc'],
    ]);
  });

  it('shows each success response its own example: a 202 beside a 200 never gets the 200 one', () => {
    const Pending = z.object({ jobId: z.string() });
    const twoBodies = defineOperation({ ...route, id: 'ExportTestProfile', method: 'GET', request: {}, responses: { 200: Profile, 202: Pending }, examples: { response: { nameEn: 'Huda', skills: [] }, responses: { 202: { jobId: 'j-1' } } } });
    const op = openApiDocument([twoBodies]).paths['/v1/tests/{testId}/profiles']!.get!;
    const example = (status: string) => (op.responses[status]!.content as Record<string, { example?: unknown }>)['application/json']!.example;
    expect([example('200'), example('202')]).toEqual([{ nameEn: 'Huda', skills: [] }, { jobId: 'j-1' }]);
    const withoutIt = defineOperation({ ...twoBodies, examples: { response: { nameEn: 'Huda', skills: [] } } });
    const noExample = openApiDocument([withoutIt]).paths['/v1/tests/{testId}/profiles']!.get!.responses['202']!.content as Record<string, object>;
    expect(noExample['application/json']).not.toHaveProperty('example');
  });

  it('produces a valid document for the fixture too', async () => {
    const { result } = await validate(document);
    expect(result.errors).toBeUndefined();
  });
});

describe('API reference on the local platform', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(async () => platform?.stop());

  it('serves /openapi.json equal to the generated document', async () => {
    const response = await platform.request('GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body).toEqual(openApiDocument(routes, { servers: [localServer(platform.apiUrl)] }));
  });

  it('serves /docs as an HTML page that loads its script from the platform itself', async () => {
    const response = await platform.request('GET', '/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const scripts = [...String(response.body).matchAll(/src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts).toContain('/docs/swagger-ui-bundle.js');
    for (const src of scripts) expect(src.startsWith('/')).toBe(true);
  });

  it('serves the reference page assets from node_modules, offline', async () => {
    const response = await fetch(`${platform.apiUrl}/docs/swagger-ui-bundle.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect((await response.text()).length).toBeGreaterThan(100_000);
  });

  it('refuses an asset outside its list', async () => {
    const response = await platform.request('GET', '/docs/package.json');
    expect(response.status).toBe(404);
  });
});
