/**
 * Every Lambda of the platform (HTTP routes, workflow tasks, scheduled jobs, consumers) is a
 * `NodeFunction`: nodejs22.x on arm64, an ESM bundle built by the locally installed esbuild
 * with the shared settings of bundling.ts, active X-Ray tracing, its own log group with a
 * retention, explicit timeout and memory, and the Powertools environment.
 *
 * Each function gets its own minimal role (write to its own log group, X-Ray) instead of the
 * AWSLambdaBasicExecutionRole managed policy, which would allow writing to every log group.
 * What the handler may touch is granted afterwards from its `needs` (see grants.ts).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Role, ServicePrincipal, type IGrantable, type IPrincipal } from 'aws-cdk-lib/aws-iam';
import { bundlingSettings } from './bundling.js';

/** The repository root: handler entries are declared relative to it (see functions/http/route.ts). */
export const repositoryRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export type PowertoolsLogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

export interface NodeFunctionProps {
  /** Handler module exporting `handler`, relative to the repository root (or absolute). */
  readonly entry: string;
  /** `POWERTOOLS_SERVICE_NAME`: groups logs, traces and metrics of one area (e.g. `volunteers`). */
  readonly serviceName: string;
  /**
   * Maximum run time of one invocation.
   * @default Duration.seconds(10)
   */
  readonly timeout?: Duration;
  /**
   * Memory in MB (CPU scales with it).
   * @default 256
   */
  readonly memorySize?: number;
  /**
   * How long the function's log group keeps its events.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
  /**
   * Removal policy of the log group.
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
  /**
   * `POWERTOOLS_METRICS_NAMESPACE`.
   * @default 'Tatawwu'
   */
  readonly metricsNamespace?: string;
  /**
   * `POWERTOOLS_LOG_LEVEL`.
   * @default 'INFO'
   */
  readonly logLevel?: PowertoolsLogLevel;
  /**
   * Further environment variables.
   * @default - none
   */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Description shown in the console.
   * @default - the entry path
   */
  readonly description?: string;
}

const DEFAULT_TIMEOUT = Duration.seconds(10);
const DEFAULT_MEMORY_MB = 256;
/** Lambda's hard limits; a value outside fails here, not at deploy time. */
const MAX_TIMEOUT_SECONDS = 900;
const MEMORY_MB = { min: 128, max: 10_240 };

export class NodeFunction extends Construct implements IGrantable {
  /** The Lambda function. */
  public readonly function: NodejsFunction;
  /** The function's execution role (one per function). */
  public readonly role: Role;
  /** The function's log group. */
  public readonly logGroup: LogGroup;
  public readonly grantPrincipal: IPrincipal;

  constructor(scope: Construct, id: string, props: NodeFunctionProps) {
    super(scope, id);

    const entry = isAbsolute(props.entry) ? props.entry : resolve(repositoryRoot, props.entry);
    if (!existsSync(entry)) {
      throw new Error(`${this.node.path}: handler entry ${JSON.stringify(props.entry)} does not exist (looked at ${entry})`);
    }
    const timeout = props.timeout ?? DEFAULT_TIMEOUT;
    if (timeout.toSeconds() < 1 || timeout.toSeconds() > MAX_TIMEOUT_SECONDS) {
      throw new Error(`${this.node.path}: timeout must be 1-${MAX_TIMEOUT_SECONDS} s, got ${timeout.toSeconds()} s`);
    }
    const memorySize = props.memorySize ?? DEFAULT_MEMORY_MB;
    if (!Number.isInteger(memorySize) || memorySize < MEMORY_MB.min || memorySize > MEMORY_MB.max) {
      throw new Error(`${this.node.path}: memorySize must be an integer ${MEMORY_MB.min}-${MEMORY_MB.max} MB, got ${memorySize}`);
    }

    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });

    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Executes ${props.entry}`,
    });
    this.grantPrincipal = this.role;

    this.function = new NodejsFunction(this, 'Resource', {
      entry,
      handler: 'handler',
      projectRoot: repositoryRoot,
      depsLockFilePath: resolve(repositoryRoot, 'package-lock.json'),
      description: props.description ?? props.entry,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      timeout,
      memorySize,
      tracing: Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace ?? 'Tatawwu',
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: bundlingSettings.target,
        minify: bundlingSettings.minify,
        keepNames: bundlingSettings.keepNames,
        sourceMap: bundlingSettings.sourceMap,
        mainFields: [...bundlingSettings.mainFields],
        externalModules: [...bundlingSettings.externalModules],
        banner: bundlingSettings.banner,
        define: { ...bundlingSettings.define },
        // Bundle sizes are measured by `npm run bench`; keep synth and test output to problems.
        logLevel: LogLevel.WARNING,
        // esbuild is a devDependency: bundle on this machine, never in a Docker container.
        forceDockerBundling: false,
      },
    });

    // The runtime writes to this log group only; the grant names its ARN.
    this.logGroup.grantWrite(this.role);

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'only the statement added for active tracing uses Resource "*": xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions (test/infra checks that no other statement uses "*")',
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'nodejs22.x is the runtime fixed by the design card (the toolchain and tests run on Node 22); upgrades are a deliberate change',
    });
  }
}
