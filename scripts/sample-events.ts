/**
 * `npm run docs:events`: writes the generated sample events under events/ (infra/sample-events.ts)
 * and removes generated-folder files that no longer match a route, consumer, schedule or task.
 * `npm run docs:events -- --check`: exits 1 when a file is stale, missing or left over (for CI;
 * test/unit/sample-events.test.ts checks the same).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventsFolder, generatedSamples } from '../infra/sample-event-sources.js';
import { GENERATED_FOLDERS, sampleText } from '../infra/sample-events.js';

const root = fileURLToPath(eventsFolder);
const files = generatedSamples();
const jsonFiles = (folder: string): string[] =>
  existsSync(folder) ? readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).map((f) => join(folder, f)) : [];
const present = GENERATED_FOLDERS.flatMap((folder) => jsonFiles(join(root, folder))).map((file) => relative(root, file));

const stale = Object.entries(files).filter(([path, value]) => !existsSync(join(root, path)) || readFileSync(join(root, path), 'utf8') !== sampleText(value));
const leftOver = present.filter((path) => !(path in files));

if (process.argv.includes('--check')) {
  for (const [path] of stale) console.error(`events/${path}: stale or missing`);
  for (const path of leftOver) console.error(`events/${path}: not generated from any route, consumer, schedule or task`);
  if (stale.length + leftOver.length > 0) {
    console.error('run `npm run docs:events`');
    process.exit(1);
  }
  console.log(`events/: the ${Object.keys(files).length} generated sample events are current`);
} else {
  for (const [path, value] of stale) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), sampleText(value));
  }
  for (const path of leftOver) rmSync(join(root, path));
  console.log(`events/: ${stale.length} sample events written, ${leftOver.length} removed (${Object.keys(files).length} generated)`);
}
