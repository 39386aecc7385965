/**
 * Every operation documents an example request body, success response body (JSON, or the text of
 * an iCalendar, HTML or VC-JWT body) and path parameters
 * (issue 11; the sample events of events/http/ are built from them, issue 9), and every example
 * is what its spec accepts: a request example parses with the body schema, a response example
 * with the success response schema, path and query examples with theirs. A new operation
 * without its examples fails the first test.
 */
import { describe, expect, it } from 'vitest';
import * as z from '../../shared/zod.js';
import type { AnyOperation } from '../../functions/http/operation.js';
import { operations } from '../../functions/http/routes.js';
import { openApiDocument, responseExample } from '../../shared/openapi/document.js';
import { referenceData } from '../../shared/domain/reference/catalogue.js';
import { GatewayMessageDocument, ProblemDocument } from '../../shared/openapi/problem.js';

const jsonResponse = (spec: AnyOperation): z.ZodMiniType | undefined =>
  Object.values(spec.responses).find((response): response is z.ZodMiniType => typeof (response as z.ZodMiniType).safeParse === 'function');

/** Every success status with a JSON body, and its schema. */
const jsonResponses = (spec: AnyOperation): [number, z.ZodMiniType][] =>
  Object.entries(spec.responses)
    .filter((entry): entry is [string, z.ZodMiniType] => typeof (entry[1] as z.ZodMiniType).safeParse === 'function')
    .map(([status, schema]) => [Number(status), schema]);

const issues = (schema: z.ZodMiniType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

/** A body of another content type (iCalendar, HTML, a VC-JWT): its example is the text itself. */
const textResponse = (spec: AnyOperation): string | undefined =>
  Object.values(spec.responses)
    .map((response) => (response as { contentType?: unknown }).contentType)
    .find((type): type is string => typeof type === 'string' && type !== 'application/json');

/** What a text body of each content type starts as (or is). */
const TEXT_FORMATS: Record<string, RegExp> = {
  'text/calendar': /^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/,
  'text/html': /^<!doctype html>\n<html lang="ar" dir="rtl">[\s\S]*<\/html>\n$/,
  'application/vc+jwt': /^[\w-]+\.[\w-]+\.[\w-]+$/,
};

const needsExamples = (spec: AnyOperation): boolean => Boolean(spec.request?.body || spec.request?.path || jsonResponse(spec) || textResponse(spec));
const hasExamples = (spec: AnyOperation): boolean =>
  (!spec.request?.body || spec.examples?.request !== undefined) &&
  (!spec.request?.path || spec.examples?.path !== undefined) &&
  (!(jsonResponse(spec) || textResponse(spec)) || spec.examples?.response !== undefined) &&
  jsonResponses(spec).every(([status]) => responseExample(spec, status) !== undefined);

/** The reference list (GET /v1/reference) each field of an example names an id of. */
const REFERENCE_FIELDS: Record<string, keyof typeof referenceData> = {
  city: 'cities',
  region: 'regions',
  cause: 'causes',
  causes: 'causes',
  category: 'causes',
  interests: 'causes',
  profession: 'professions',
  professions: 'professions',
  skills: 'skills',
  track: 'tracks',
};

/** Every reference id an example names (`skills` as ids or as `{ name }`), with where it is. */
const referenceIds = (value: unknown, where: string, list?: keyof typeof referenceData): { where: string; list: keyof typeof referenceData; id: string }[] => {
  if (Array.isArray(value)) return value.flatMap((item, i) => referenceIds(item, `${where}.${i}`, list));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => referenceIds(item, `${where}.${key}`, list === 'skills' && key === 'name' ? 'skills' : REFERENCE_FIELDS[key]));
  }
  return list && typeof value === 'string' ? [{ where, list, id: value }] : [];
};

describe('operation examples', () => {
  it('exist for every operation with a JSON body or response or path parameters', () => {
    expect(operations.filter((spec) => needsExamples(spec) && !hasExamples(spec)).map((spec) => spec.id)).toEqual([]);
  });

  it.each(operations.filter((spec) => spec.examples).map((spec) => [spec.id, spec] as const))('%s: its examples are valid for its schemas', (_id, spec) => {
    const examples = spec.examples!;
    const found: string[] = [];
    if (examples.request !== undefined) found.push(...issues(spec.request!.body!, examples.request).map((i) => `request ${i}`));
    for (const [status, schema] of jsonResponses(spec)) {
      const example = responseExample(spec, status);
      if (example !== undefined) found.push(...issues(schema, example).map((i) => `response ${status} ${i}`));
    }
    const text = textResponse(spec);
    if (examples.response !== undefined && !jsonResponse(spec) && text) {
      const format = TEXT_FORMATS[text];
      if (!format) found.push(`response: no format check for ${text}`);
      else if (typeof examples.response !== 'string' || !format.test(examples.response)) found.push(`response: not a ${text} document`);
    }
    if (examples.path) found.push(...issues(spec.request!.path!, examples.path).map((i) => `path ${i}`));
    if (examples.query) found.push(...issues(spec.request!.query!, examples.query).map((i) => `query ${i}`));
    expect(found).toEqual([]);
  });

  let document: ReturnType<typeof openApiDocument> | undefined;
  it.each([
    ['Problem', ProblemDocument],
    ['GatewayMessage', GatewayMessageDocument],
  ] as const)('error body %s: has an example its schema accepts, shown in the OpenAPI document', (id, schema) => {
    const examples = (z.globalRegistry.get(schema)?.examples ?? []) as unknown[];
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.flatMap((example) => issues(schema, example))).toEqual([]);
    document ??= openApiDocument(operations);
    expect(document.components.schemas[id]?.examples).toEqual(examples);
  });

  it('name only cities, regions, causes, professions, skills and tracks of the reference lists', () => {
    const named = operations.flatMap((spec) => referenceIds(spec.examples ?? {}, spec.id));
    expect(named.length).toBeGreaterThan(50);
    const known = (list: keyof typeof referenceData, id: string) => (referenceData[list] as readonly { id: string }[]).some((entry) => entry.id === id);
    expect(named.filter(({ list, id }) => !known(list, id)).map(({ where, id }) => `${where}: ${id}`)).toEqual([]);
    expect(referenceIds({ city: 'atlantis', skills: [{ name: 'juggling' }] }, 'x').map(({ list, id }) => known(list, id))).toEqual([false, false]);
  });
});
