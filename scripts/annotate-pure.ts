/**
 * `npm run annotate:pure`: puts `/* @__PURE__ *\/` in front of every call in module-level `const`
 * initializers of shared/, functions/ and events/ (infra/pure-annotations.ts says why), so that
 * esbuild drops the schemas and definitions a function does not use.
 * `npm run annotate:pure -- --check` lists the gaps and exits 1 (test/unit/pure-annotations.test.ts
 * checks the same).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { annotatePure, bundledSources, pureAnnotationGaps } from '../infra/pure-annotations.js';

const files = bundledSources();

if (process.argv.includes('--check')) {
  let gaps = 0;
  for (const file of files) {
    for (const gap of pureAnnotationGaps(file, readFileSync(file, 'utf8'))) {
      console.error(`${file}:${gap.line}: ${gap.text}`);
      gaps += 1;
    }
  }
  if (gaps > 0) {
    console.error(`${gaps} module-level calls without /* @__PURE__ */: run \`npm run annotate:pure\``);
    process.exit(1);
  }
  console.log(`${files.length} files: every module-level call is annotated`);
} else {
  let added = 0;
  for (const file of files) {
    const result = annotatePure(file, readFileSync(file, 'utf8'));
    if (result.added > 0) writeFileSync(file, result.text);
    added += result.added;
  }
  console.log(`${added} annotations added in ${files.length} files`);
}
