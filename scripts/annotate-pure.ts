/**
 * `npm run annotate:pure`: puts `/* @__PURE__ *\/` in front of every call in module-level `const`
 * initializers of shared/, functions/ and events/ (infra/pure-annotations.ts says why), so that
 * esbuild drops the schemas and definitions a function does not use, and builds a schema whose
 * arguments esbuild must evaluate (a spread, a property access, a template) in a pure arrow.
 * `npm run annotate:pure -- --check` lists the gaps and exits 1 (test/unit/pure-annotations.test.ts
 * checks the same).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { annotatePure, bundledSources, pureAnnotationGaps, undroppableSchemaGaps, wrapUndroppable } from '../infra/pure-annotations.js';

const files = bundledSources();

if (process.argv.includes('--check')) {
  let gaps = 0;
  for (const file of files) {
    for (const gap of pureAnnotationGaps(file, readFileSync(file, 'utf8'))) {
      console.error(`${file}:${gap.line}: ${gap.text}`);
      gaps += 1;
    }
    for (const gap of undroppableSchemaGaps(file, readFileSync(file, 'utf8'))) {
      console.error(`${file}:${gap.line}: ${gap.text} cannot be dropped (an argument esbuild must evaluate): build it in a pure arrow`);
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
    const original = readFileSync(file, 'utf8');
    const wrapped = wrapUndroppable(file, original);
    const result = annotatePure(file, wrapped.text);
    if (result.text !== original) writeFileSync(file, result.text);
    added += result.added + wrapped.added;
  }
  console.log(`${added} annotations added in ${files.length} files`);
}
