/**
 * Per-consumer event contracts (issue 17): a consumer spec names the contract of each event it
 * takes, and those are the catalogue's own schemas, so `consumer(spec)` validates against
 * exactly what events/catalog.ts declares while its bundle carries only its own contracts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventCatalog, type EventType } from '../../events/catalog.js';
import * as registry from '../../functions/consumers/index.js';
import type { ConsumerSpec } from '../../functions/consumers/definition.js';
import { consumer, EventContractError } from '../../shared/middleware/consumer.js';

const specs = registry.consumers as readonly ConsumerSpec[];

describe('per-consumer event contracts', () => {
  it('gives every consumer the catalogue contract of each of its events, and no other', () => {
    for (const spec of specs) {
      expect(Object.keys(spec.contracts).sort(), spec.id).toEqual([...spec.events].sort());
      for (const type of spec.events) expect(spec.contracts[type], `${spec.id} ${type}`).toBe(eventCatalog[type as EventType].detail);
    }
  });

  it('marks every defineConsumer call /* @__PURE__ */, so a consumer bundle drops the other specs and their contracts', () => {
    const source = readFileSync(new URL('../../functions/consumers/index.ts', import.meta.url), 'utf8');
    const calls = source.match(/=\s*(\/\* @__PURE__ \*\/\s*)?defineConsumer\(/g) ?? [];
    expect(calls.length).toBe(specs.length);
    expect(calls.filter((call) => !call.includes('@__PURE__'))).toEqual([]);
  });

  it('refuses an event that breaks the contract named by the spec', async () => {
    const spec = specs.find((s) => s.events.includes('OpportunityClosed'))!;
    const handler = consumer(spec).handler(async () => 'ran');
    const envelope = {
      version: '0',
      id: 'e1',
      'detail-type': 'OpportunityClosed',
      source: 'tatawwu',
      account: '0',
      time: '2026-01-01T00:00:00Z',
      region: 'me-central-1',
      resources: [],
      detail: { eventId: 'e1', opportunityId: 42 },
    };
    await expect(handler(envelope)).rejects.toBeInstanceOf(EventContractError);
  });
});
