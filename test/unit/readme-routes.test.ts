/** The README's route table is generated from the operation specs and must be current. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineOperation } from '../../functions/http/operation.js';
import { operations } from '../../functions/http/routes.js';
import { routeTable, withRouteTable } from '../../shared/openapi/route-table.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README route table', () => {
  it('is current: `npm run docs:routes` would not change README.md', () => {
    expect(withRouteTable(readme, operations), 'the route table is stale: run `npm run docs:routes`').toBe(readme);
  });

  it('would be stale after a route is added, so the check above can fail', () => {
    const added = defineOperation({
      id: 'AddedLater',
      method: 'GET',
      path: '/v1/added-later',
      entry: 'functions/http/system/health.ts',
      auth: 'none',
      needs: [],
      summary: 'A route added after the README was written. More text.',
      tags: ['system'],
      responses: {},
    });
    const updated = withRouteTable(readme, [...operations, added]);
    expect(updated).not.toBe(readme);
    expect(routeTable([added])).toContain('| `GET /v1/added-later` | public | A route added after the README was written. | [event](events/http/added-later.json) |');
  });

  it('links each route to its sample event, and every linked file exists', () => {
    const rows = routeTable(operations).split('\n').slice(2);
    const links = rows.map((row) => /\[event\]\((events\/http\/[a-z0-9-]+\.json)\) \|$/.exec(row)?.[1]);
    expect(links.filter((link) => link === undefined)).toEqual([]);
    expect(links.filter((link) => !existsSync(new URL(`../../${link}`, import.meta.url)))).toEqual([]);
  });
});
