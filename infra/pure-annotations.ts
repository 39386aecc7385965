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

/**
 * The annotation is not enough when evaluating the arguments may have a side effect: esbuild keeps
 * a pure call whose arguments hold a spread (`{ ...Fields }`), a property access (`field.remote`,
 * `Bounds.min`), a template with substitutions (`` `at most ${MAX}` ``) or an operator. Classic
 * zod chains held many of those in the callee (`z.object({ ...F }).strict()`), which esbuild
 * ignores; `zod/mini`'s functions take them as arguments. Such a schema is built inside a pure
 * arrow called at once, `/* @__PURE__ *\/ (() => z.strictObject({ ...F }))()`, which esbuild drops.
 */
const constant = (node: ts.Node): boolean =>
  ts.isNumericLiteral(node) || ts.isStringLiteral(node) || (ts.isParenthesizedExpression(node) && constant(node.expression)) || (ts.isBinaryExpression(node) && constant(node.left) && constant(node.right));

/** `process.env.TATAWWU_LAMBDA_BUNDLE`: a Lambda bundle defines it (infra/constructs/bundling.ts), so esbuild sees a literal. */
const bundleFlag = (node: ts.Node): boolean => node.getText() === 'process.env.TATAWWU_LAMBDA_BUNDLE';

const sideEffectFree = (node: ts.Node): boolean => {
  // Docs-only parts of a spec: the condition is a literal in a bundle and the branch folds.
  if (ts.isConditionalExpression(node) && bundleFlag(node.condition)) return sideEffectFree(node.whenTrue) && sideEffectFree(node.whenFalse);
  if (ts.isIdentifier(node) || ts.isLiteralExpression(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  if ([ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword, ts.SyntaxKind.NullKeyword].includes(node.kind)) return true;
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return true;
  if (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand)) return true;
  // Literals only (`24 * 60`): minified, esbuild folds them.
  if (ts.isBinaryExpression(node)) return constant(node.left) && constant(node.right);
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node)) return sideEffectFree(node.expression);
  if (ts.isArrayLiteralExpression(node)) return node.elements.every(sideEffectFree);
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.every((p) =>
      ts.isPropertyAssignment(p) ? !ts.isComputedPropertyName(p.name) && sideEffectFree(p.initializer) : !ts.isSpreadAssignment(p) && !(p.name && ts.isComputedPropertyName(p.name)),
    );
  }
  // The callee of a pure call is not evaluated for side effects; its arguments are.
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) return (node.arguments ?? []).every(sideEffectFree);
  return false;
};

/** The expression makes a call or `new` when evaluated (not counting the functions it defines). */
const callsOutsideFunctions = (node: ts.Node): boolean =>
  !ts.isFunctionLike(node) && !ts.isClassLike(node) && (ts.isCallExpression(node) || ts.isNewExpression(node) || (ts.forEachChild(node, (child) => callsOutsideFunctions(child) || undefined) ?? false));

/**
 * Module-level consts built by calls (schemas, operation specs, entities, workflow definitions…)
 * that esbuild cannot drop although every call is annotated.
 */
const undroppableSchemas = (file: string, text: string): { source: ts.SourceFile; declarations: ts.VariableDeclaration[] } => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const declarations = source.statements
    .filter((statement): statement is ts.VariableStatement => ts.isVariableStatement(statement) && (statement.declarationList.flags & ts.NodeFlags.Const) !== 0)
    .flatMap((statement) => [...statement.declarationList.declarations])
    .filter((d) => d.initializer && !(ts.isIdentifier(d.name) && d.name.text === 'handler') && callsOutsideFunctions(d.initializer) && !sideEffectFree(d.initializer));
  return { source, declarations };
};

export const undroppableSchemaGaps = (file: string, text: string): Gap[] => {
  const { source, declarations } = undroppableSchemas(file, text);
  return declarations.map((d) => ({ line: source.getLineAndCharacterOfPosition(d.getStart(source)).line + 1, text: d.name.getText(source) }));
};

/** Wraps each undroppable schema const in `/* @__PURE__ *\/ (() => …)()` (idempotent). */
export const wrapUndroppable = (file: string, text: string): { text: string; added: number } => {
  const { source, declarations } = undroppableSchemas(file, text);
  let out = text;
  for (const init of declarations.map((d) => d.initializer!).sort((a, b) => b.pos - a.pos)) {
    const start = init.getStart(source);
    const lead = out.slice(init.pos, start).includes(MARK) ? '' : `${MARK} `;
    const body = out.slice(start, init.end);
    // A template literal may span lines: its text is kept as it is.
    const wrapped = body.includes('`') ? ` ${body}` : `\n  ${body.replace(/\n/g, '\n  ')}`;
    out = `${out.slice(0, start)}${lead}(() =>${wrapped})()${out.slice(init.end)}`;
  }
  return { text: out, added: declarations.length };
};
