/**
 * `npm run docs:routes`: writes the README's route table from the operation specs.
 * `npm run docs:routes -- --check`: exits 1 when README.md is not current (for CI).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { operations } from '../functions/http/routes.js';
import { withRouteTable } from '../shared/openapi/route-table.js';

const file = new URL('../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const updated = withRouteTable(readme, operations);
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md: the route table is stale; run `npm run docs:routes`');
    process.exit(1);
  }
  console.log(`README.md: the route table is current (${operations.length} routes)`);
} else {
  writeFileSync(file, updated);
  console.log(`README.md: route table written (${operations.length} routes)`);
}
