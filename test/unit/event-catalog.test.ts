import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { eventCatalog, eventEnvelope, type EventType } from '../../events/catalog.js';

const eventsDir = fileURLToPath(new URL('../../events/', import.meta.url));
const types = Object.keys(eventCatalog) as EventType[];
const example = (type: EventType): unknown => JSON.parse(readFileSync(eventsDir + eventCatalog[type].example, 'utf8'));

describe('event catalogue', () => {
  it('lists the volunteer registry events', () => {
    expect(types).toContain('VolunteerRegistered');
  });

  it.each(types)('names %s in PascalCase', (type) => {
    expect(type).toMatch(/^([A-Z][a-z0-9]+)+$/);
  });

  it.each(types)('describes %s', (type) => {
    expect(eventCatalog[type].description.length).toBeGreaterThan(20);
  });

  it.each(types)('has an example file for %s', (type) => {
    expect(existsSync(eventsDir + eventCatalog[type].example)).toBe(true);
  });

  it.each(types)('has an example of %s that meets its contract', (type) => {
    const result = eventEnvelope(type).safeParse(example(type));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('refuses an example whose detail breaks the contract', () => {
    const broken = example('VolunteerRegistered') as { detail: Record<string, unknown> };
    broken.detail.nationalId = '1234567897';
    expect(eventEnvelope('VolunteerRegistered').safeParse(broken).success).toBe(false);
  });

  it('refuses an example filed under the wrong detail-type', () => {
    const other = { ...(example('VolunteerRegistered') as object), 'detail-type': 'SomethingElse' };
    expect(eventEnvelope('VolunteerRegistered').safeParse(other).success).toBe(false);
  });
});
