/**
 * Least privilege on the tables (issue 10 §4): no function may Scan. `grantReadData` includes
 * `dynamodb:Scan`, and four roles had it (email bounces, SMS inbound, onboarding validate,
 * onboarding notify-reviewers). Every IAM policy of every stack of both stages is read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../functions/http/routes.js';
import { synthesize, type Synthesized } from './synth.js';

/**
 * The routes in slices: with every route at once the platform stack is above CloudFormation's
 * 500 resources (synth fails), and grants do not depend on which other routes are beside a
 * function. Every slice also has every consumer, schedule and workflow step.
 */
const SLICE = 8;
const slices = Array.from({ length: Math.ceil(operations.length / SLICE) }, (_, i) => operations.slice(i * SLICE, (i + 1) * SLICE));
const synths: Synthesized[] = [];
beforeAll(() => {
  for (const slice of slices) synths.push(synthesize({ stage: 'dev', operations: slice, bundle: false }));
}, 600_000);

interface PolicyStatement {
  readonly Effect: string;
  readonly Action: string | string[];
}

/** Every statement's actions, per policy (inline policies and managed policies alike). */
const grantedActions = (synth: Synthesized): Array<{ where: string; actions: string[] }> =>
  synth.stacks
    .flatMap((s) => [s.data, s.platform])
    .flatMap((stack) => {
      const template = synth.template(stack);
      const policies = { ...template.findResources('AWS::IAM::Policy'), ...template.findResources('AWS::IAM::ManagedPolicy') };
      const roles = template.findResources('AWS::IAM::Role');
      const fromPolicies = Object.entries(policies).flatMap(([id, resource]) =>
        ((resource.Properties.PolicyDocument?.Statement ?? []) as PolicyStatement[])
          .filter((statement) => statement.Effect === 'Allow')
          .map((statement) => ({ where: `${stack.stackName}/${id}`, actions: [statement.Action].flat() })),
      );
      const fromRoles = Object.entries(roles).flatMap(([id, resource]) =>
        ((resource.Properties.Policies ?? []) as Array<{ PolicyDocument: { Statement: PolicyStatement[] } }>).flatMap((policy) =>
          policy.PolicyDocument.Statement.filter((statement) => statement.Effect === 'Allow').map((statement) => ({
            where: `${stack.stackName}/${id}`,
            actions: [statement.Action].flat(),
          })),
        ),
      );
      return [...fromPolicies, ...fromRoles];
    });

describe('IAM on DynamoDB', () => {
  it('grants dynamodb:Scan to no role', () => {
    const scans = synths.flatMap(grantedActions).filter(({ actions }) =>
      actions.some((action) => /^dynamodb:(Scan|\*)$/i.test(action) || action === '*'),
    );
    expect(scans.map((s) => s.where)).toEqual([]);
  });

  it('still grants the reads the functions use (GetItem, Query) somewhere', () => {
    const actions = new Set(synths.flatMap(grantedActions).flatMap((s) => s.actions));
    expect([...actions]).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem']));
  });
});
