/**
 * The CDK app: `npx cdk synth` synthesises the stacks of every region in infra/config.ts for
 * the stage given with `-c stage=<name>` (default `dev`), checked by cdk-nag's AwsSolutions
 * pack. A finding that is not acknowledged (with its reason, next to the resource) fails the synth.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { defaultStage } from './config.js';
import { defineStacks } from './stacks/region-stacks.js';

const app = new App();
const stage: unknown = app.node.tryGetContext('stage') ?? defaultStage;
if (typeof stage !== 'string') throw new Error(`context "stage" must be a string, got ${JSON.stringify(stage)}`);

defineStacks(app, { stage });
// cdk-nag 3 runs as a policy-validation plugin (it replaced v2's Aspect and NagSuppressions).
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
