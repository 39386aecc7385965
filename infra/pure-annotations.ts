/**
 * Cold starts (issue 17): esbuild drops a top-level `const` whose value no code of the bundle uses
 * only when it can prove that computing the value has no side effect. A call never qualifies on its
 * own, so every schema of a module (`z.object({ … })`, `Id.optional()`, `defineEntity(…)`) was
 * built at import in every bundle that imported the module for one of its exports. A
 * `/* @__PURE__ *\/` comment in front of a call tells esbuild (and other bundlers) that the call may
 * be dropped when its result is unused; it ignores the callee chain (`z.string().min(1)` needs one
 * comment) but not the arguments, so a call inside the arguments needs its own.
 *
 * `pureAnnotationGaps` lists the calls and `new` expressions in module-level `const` initializers
 * (not inside functions or classes, which run later) that lack the comment; `annotatePure` adds it.
 * `export const handler` is left alone (the entry's export is always used). The rule is for code
 * bundled into functions (shared/, functions/, events/); `npm run annotate:pure` applies it and
 * test/unit/pure-annotations.test.ts fails on a gap.
 */
import { execFileSync } from 'node:child_process';
import ts from 'typescript';

const MARK = '/* @__PURE__ */';

export interface Gap {
  readonly line: number;
  readonly text: string;
}

/** The call is the object of a member access that is itself called: `z.string()` in `z.string().min(1)`. */
const inCalleeChain = (node: ts.Node): boolean => {
  let parent = node.parent;
  while (parent && (ts.isPropertyAccessExpression(parent) || ts.isNonNullExpression(parent))) {
    const grand = parent.parent;
    if (grand && (ts.isCallExpression(grand) || ts.isNewExpression(grand)) && grand.expression === parent) return true;
    parent = grand;
  }
  return false;
};

const gapPositions = (file: string, text: string): { position: number; node: ts.Node; source: ts.SourceFile }[] => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { position: number; node: ts.Node; source: ts.SourceFile }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && !inCalleeChain(node)) {
      const position = node.getStart(source);
      if (!text.slice(node.getFullStart(), position).includes(MARK)) found.push({ position, node, source });
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === 'handler') continue;
      if (declaration.initializer) visit(declaration.initializer);
    }
  }
  return found;
};

export const pureAnnotationGaps = (file: string, text: string): Gap[] =>
  gapPositions(file, text).map(({ node, source }) => ({
    line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
    text: node.getText(source).split('\n')[0]!.slice(0, 80),
  }));

export const annotatePure = (file: string, text: string): { text: string; added: number } => {
  const positions = gapPositions(file, text).map((gap) => gap.position).sort((a, b) => b - a);
  let out = text;
  for (const position of positions) out = `${out.slice(0, position)}${MARK} ${out.slice(position)}`;
  return { text: out, added: positions.length };
};

/** The files the rule covers (tracked TypeScript under shared/, functions/, events/): what Lambda bundles are made of. */
export const bundledSources = (cwd: string = process.cwd()): string[] =>
  execFileSync('git', ['ls-files', 'shared', 'functions', 'events'], { cwd, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
