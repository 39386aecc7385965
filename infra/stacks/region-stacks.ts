/**
 * The stacks of every configured region for one stage. infra/app.ts calls this for the CLI;
 * the infra tests call it on their own App, so they test exactly what `cdk synth` produces.
 */
import { Tags, type App } from 'aws-cdk-lib';
import type { AnyOperation } from '../../functions/http/operation.js';
import { operations as allOperations } from '../../functions/http/routes.js';
import { resolveConfig, type DeploymentConfig } from '../config.js';
import { DataStack } from './data-stack.js';
import { PlatformStack } from './platform-stack.js';

export interface RegionStacks {
  readonly config: DeploymentConfig;
  readonly data: DataStack;
  readonly platform: PlatformStack;
}

/** `Tatawwu-dev-me-central-1`: the prefix of the stack ids (and names) of one region and stage. */
export const stackPrefix = (stage: string, region: string): string => `Tatawwu-${stage}-${region}`;

export interface DefineStacksOptions {
  /** The stage whose settings are used (infra/config.ts). */
  readonly stage: string;
  /**
   * The HTTP operation specs.
   * @default - functions/http/routes.ts
   */
  readonly operations?: readonly AnyOperation[];
  /**
   * Account to deploy to.
   * @default - CDK_DEFAULT_ACCOUNT, or environment-agnostic when unset
   */
  readonly account?: string;
}

export const defineStacks = (app: App, options: DefineStacksOptions): RegionStacks[] =>
  resolveConfig(options.stage).map((config) => {
    const prefix = stackPrefix(config.stage, config.region);
    const env = { account: options.account ?? process.env.CDK_DEFAULT_ACCOUNT, region: config.region };

    const data = new DataStack(app, `${prefix}-Data`, {
      env,
      stackName: `${prefix}-Data`,
      description: `Tatawwu ${config.stage} ${config.region}: stateful resources (table, key, pepper, event bus)`,
      terminationProtection: config.stage === 'prod',
      config,
    });
    const platform = new PlatformStack(app, `${prefix}-Platform`, {
      env,
      stackName: `${prefix}-Platform`,
      description: `Tatawwu ${config.stage} ${config.region}: identity, HTTP API, functions, alarms`,
      config,
      data,
      operations: options.operations ?? allOperations,
    });
    platform.addStackDependency(data);

    for (const stack of [data, platform]) {
      Tags.of(stack).add('Project', 'Tatawwu');
      Tags.of(stack).add('Stage', config.stage);
    }
    return { config, data, platform };
  });
