/**
 * Synthesis helpers of the infra tests: the same `defineStacks` that infra/app.ts runs, on a
 * fresh App, plus readers for the parts of a template the tests assert on.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, NestedStack, type CfnElement, type Stack } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { Template } from 'aws-cdk-lib/assertions';
import type { AnyOperation } from '../../functions/http/operation.js';
import { defineStacks, type RegionStacks } from '../../infra/stacks/region-stacks.js';
import type { NodeFunction } from '../../infra/constructs/node-function.js';

export const TEST_ACCOUNT = '111111111111';

type CfnTemplate = { Resources?: Record<string, unknown>; Parameters?: Record<string, unknown>; Outputs?: Record<string, unknown> } & Record<string, unknown>;

/**
 * A stack's template with the resources of its nested stacks (route areas, workers, workflow
 * tasks) merged in, so that assertions about "the platform" see every function wherever the
 * 500-resource limit put it. References across stacks appear as nested-stack parameters.
 */
const withNestedStacks = (stack: Stack, template: CfnTemplate, directory: string): CfnTemplate => {
  const merged: CfnTemplate = { ...template, Resources: { ...template.Resources }, Parameters: { ...template.Parameters }, Outputs: { ...template.Outputs } };
  const nested = stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack && c !== stack);
  for (const child of nested) {
    const part = JSON.parse(readFileSync(join(directory, child.templateFile), 'utf8')) as CfnTemplate;
    Object.assign(merged.Resources!, part.Resources);
    Object.assign(merged.Parameters!, part.Parameters);
    Object.assign(merged.Outputs!, part.Outputs);
  }
  return merged;
};

export interface Synthesized {
  readonly stacks: RegionStacks[];
  /** Templates by stack id (`Tatawwu-dev-me-central-1-Platform`). */
  readonly template: (stack: Stack) => Template;
  /**
   * The error annotations synthesis recorded on the stack and its nested stacks (what
   * `Annotations.fromStack(stack).findError` reports, read from this synthesis instead of a new one).
   */
  readonly errors: (stack: Stack) => string[];
}

/**
 * Every region of `stage`. Bundling runs esbuild for each function (as `cdk synth` does) unless
 * `bundle` is false, which leaves the code out and keeps the rest of the template identical.
 */
type SynthesisOptions = { stage?: string; operations?: readonly AnyOperation[]; bundle?: boolean };

/**
 * Syntheses already made in this process. The infra test files run in one process without
 * isolation (vitest.config.ts, project `infra`), so the seven files that assert on the default
 * dev app share one synthesis instead of making seven. Tests only read the result.
 */
const made = new Map<string, Synthesized>();

export const synthesize = (options: SynthesisOptions = {}): Synthesized => {
  const key = JSON.stringify([options.stage ?? 'dev', options.bundle ?? true, options.operations?.map((o) => `${o.method} ${o.path} ${o.id} ${o.entry}`) ?? 'all']);
  const known = made.get(key);
  if (known) return known;
  const synthesized = synthesizeNow(options);
  made.set(key, synthesized);
  return synthesized;
};

const synthesizeNow = (options: SynthesisOptions): Synthesized => {
  const app = new App({
    outdir: mkdtempSync(join(tmpdir(), 'tatawwu-cdk-')),
    ...(options.bundle === false && { context: { 'aws:cdk:bundling-stacks': [] } }),
  });
  const stacks = defineStacks(app, {
    stage: options.stage ?? 'dev',
    account: TEST_ACCOUNT,
    ...(options.operations && { operations: options.operations }),
  });
  // One synthesis for all stacks (Template.fromStack would synthesise the whole app again per stack).
  const assembly = app.synth();
  const templates = new Map<Stack, Template>();
  return {
    stacks,
    errors: (stack) => errorsOf(assembly, stack),
    template: (stack) => {
      let template = templates.get(stack);
      if (!template) {
        template = Template.fromJSON(withNestedStacks(stack, assembly.getStackArtifact(stack.artifactId).template as CfnTemplate, assembly.directory));
        templates.set(stack, template);
      }
      return template;
    },
  };
};

/** Error annotations of a synthesised stack, nested stacks included (they share its artifact's metadata). */
export const errorsOf = (assembly: CloudAssembly, stack: Stack): string[] =>
  assembly
    .getStackArtifact(stack.artifactId)
    .messages.filter((message) => message.level === 'error')
    .map((message) => `${message.id}: ${String(message.entry.data)}`);

export const logicalIdOf = (construct: { node: { defaultChild?: unknown } } & object): string => {
  const element = (construct.node.defaultChild ?? construct) as CfnElement;
  return element.stack.getLogicalId(element);
};

export interface Statement {
  readonly Effect: string;
  readonly Action: string[];
  readonly Resource: unknown[];
}

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every statement of the identity policies attached to `fn`'s role. */
export const statementsOf = (template: Template, fn: NodeFunction): Statement[] => {
  const roleId = logicalIdOf(fn.role);
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } });
  return Object.values(policies).flatMap((policy) =>
    (policy.Properties.PolicyDocument.Statement as { Effect: string; Action: string | string[]; Resource: unknown }[]).map((s) => ({
      Effect: s.Effect,
      Action: asArray(s.Action),
      Resource: asArray(s.Resource),
    })),
  );
};

/** The actions `fn` is allowed on resources whose reference mentions `needle` (a logical id or export name). */
export const actionsOn = (statements: Statement[], needle: string): string[] =>
  statements
    .filter((s) => s.Effect === 'Allow' && s.Resource.some((r) => JSON.stringify(r).includes(needle)))
    .flatMap((s) => s.Action);

/** `{ "Fn::Join": ["", [...]] }` → one string, references written `${Logical}` / `${Logical.Attr}`. */
export const joined = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if (v['Fn::Join']) {
    const [delimiter, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map(joined).join(delimiter);
  }
  if (v.Ref) return `\${${String(v.Ref)}}`;
  if (v['Fn::GetAtt']) return `\${${(v['Fn::GetAtt'] as string[]).join('.')}}`;
  return JSON.stringify(value);
};
