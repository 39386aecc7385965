/**
 * cdk-nag's AwsSolutions pack over every stack of both stages. cdk-nag 3 is a policy-validation
 * plugin (infra/app.ts registers it, and `cdk synth` fails on any finding); here the pack is run
 * directly on each stack, so a finding names its stack and construct in the test output.
 * Acknowledged findings (Validations.of(...).acknowledge, each with its reason next to the
 * resource) are not reported.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AwsSolutionsChecks } from 'cdk-nag';
import { App, Annotations, NestedStack, Stack } from 'aws-cdk-lib';
import { errorsOf, synthesize, type Synthesized } from './synth.js';

const stages = ['dev', 'prod'] as const;
const synths = new Map<string, Synthesized>();
beforeAll(() => {
  for (const stage of stages) synths.set(stage, synthesize({ stage, bundle: false }));
}, 300_000);

const findings = (stack: Stack, severity: 'error' | 'warning'): string[] =>
  new AwsSolutionsChecks()
    .validateScope(stack)
    .violations.filter((v) => v.severity === severity)
    .flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`));

describe.each(stages)('cdk-nag AwsSolutions, stage %s', (stage) => {
  const stacks = () => synths.get(stage)!.stacks.flatMap((s) => [s.data, s.platform]);

  it('synthesises a data and a platform stack for each configured region', () => {
    expect(stacks().map((s) => s.stackName)).toEqual(
      synths.get(stage)!.stacks.flatMap((s) => [`Tatawwu-${stage}-${s.config.region}-Data`, `Tatawwu-${stage}-${s.config.region}-Platform`]),
    );
    expect(synths.get(stage)!.stacks.map((s) => s.config.region)).toEqual(expect.arrayContaining(['me-central-1', 'me-south-1']));
  });

  it('reports no unacknowledged error', () => {
    for (const stack of stacks()) expect(findings(stack, 'error'), stack.stackName).toEqual([]);
  });

  it('reports no unacknowledged warning', () => {
    for (const stack of stacks()) expect(findings(stack, 'warning'), stack.stackName).toEqual([]);
  });

  it('leaves no error annotation on any construct', () => {
    for (const stack of stacks()) expect(synths.get(stage)!.errors(stack), stack.stackName).toEqual([]);
  });
});

describe('cdk-nag on the Cognito feature plan', () => {
  const acknowledgedOnPool = (stage: string) =>
    synths
      .get(stage)!
      .stacks[0]!.platform.identity.userPool.node.metadata.flatMap((m) => Object.keys(m.data ?? {}))
      .filter((id) => id.includes('AwsSolutions-COG8'));

  it('acknowledges the missing Plus plan (COG8) in dev only; prod runs on Plus with threat protection', () => {
    expect(acknowledgedOnPool('dev')).toHaveLength(1);
    expect(acknowledgedOnPool('prod')).toEqual([]);
  });
});

describe('the error-annotation reader', () => {
  it('reports an error annotated in a nested stack, as Annotations.fromStack does', () => {
    const app = new App();
    const stack = new Stack(app, 'Probe');
    Annotations.of(new NestedStack(stack, 'Inner')).addError('probe failure');
    expect(errorsOf(app.synth(), stack)).toEqual(['/Probe/Inner: probe failure']);
  });
});
