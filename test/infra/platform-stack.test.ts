/**
 * The platform stacks as `cdk synth` builds them from the real operation specs (the code left
 * out: test/infra/bundling.test.ts builds every handler with the deployed esbuild settings). Expectations are derived from `operations`, so they hold as routes are added.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { needsOf as operationNeeds, type AnyOperation, type Need } from '../../functions/http/operation.js';
import { operations as routes } from '../../functions/http/routes.js';
import { resolveConfig } from '../../infra/config.js';
import { routeKeyOf } from '../../infra/constructs/http-api.js';
import { actionsOn, joined, logicalIdOf, statementsOf, synthesize, type Synthesized } from './synth.js';

let synth: Synthesized;
// No assertion here reads the code; bundling ~160 handlers per region one esbuild process at a time took
// ~10 min on a loaded machine, so the bundles are checked once each, in parallel, in bundling.test.ts.
beforeAll(() => {
  synth = synthesize({ bundle: false });
}, 300_000);

const entries = [...new Set(routes.map((r) => r.entry))];
const routesOf = (entry: string): AnyOperation[] => routes.filter((r) => r.entry === entry);
const needsOf = (entry: string): Set<Need> => new Set(routesOf(entry).flatMap((r) => operationNeeds(r)));
const AUDIT_APPENDS: readonly string[] = ['dynamodb:PutItem', 'dynamodb:BatchWriteItem'];
const DYNAMODB_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

describe.each(resolveConfig('dev').map((c) => [c.region, c] as const))('platform stack in %s', (region, config) => {
  const stacks = () => synth.stacks.find((s) => s.config.region === region)!;
  const platform = () => stacks().platform;
  const template = () => synth.template(platform());
  const lambdaOf = (entry: string) => {
    const fn = platform().api.functions.get(entry);
    expect(fn, entry).toBeDefined();
    return { fn: fn!, resource: template().toJSON().Resources[logicalIdOf(fn!.function)] };
  };

  it('is deployed to its configured region and uses only the data stack of that region', () => {
    expect(platform().region).toBe(region);
    const imports = [...JSON.stringify(template().toJSON()).matchAll(/"Fn::ImportValue":"([^"]+)"/g)].map((m) => m[1]!);
    expect(imports.length).toBeGreaterThan(0);
    for (const name of imports) expect(name.startsWith(`Tatawwu-dev-${region}-Data`), name).toBe(true);
  });

  it('creates one function per distinct handler entry of the route table', () => {
    expect([...platform().api.functions.keys()].sort()).toEqual([...entries].sort());
  });

  it('runs every function on nodejs22.x, arm64, with active tracing and explicit timeout and memory', () => {
    const functions = Object.values(template().findResources('AWS::Lambda::Function'));
    expect(functions.length).toBeGreaterThanOrEqual(entries.length);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Timeout: expect.any(Number),
        MemorySize: expect.any(Number),
      });
    }
  });

  it('sizes each function from its routes (timeout 10 s and 256 MB unless a route says otherwise)', () => {
    for (const entry of entries) {
      const { resource } = lambdaOf(entry);
      expect(resource.Properties.Timeout, entry).toBe(Math.max(...routesOf(entry).map((r) => r.timeout ?? 10)));
      expect(resource.Properties.MemorySize, entry).toBe(Math.max(...routesOf(entry).map((r) => r.memorySize ?? 256)));
    }
  });

  it('gives every function its own log group with the configured retention', () => {
    const resources = template().toJSON().Resources;
    for (const fn of Object.values(template().findResources('AWS::Lambda::Function'))) {
      const logGroupId = fn.Properties.LoggingConfig?.LogGroup?.Ref as string | undefined;
      expect(logGroupId).toBeDefined();
      expect(resources[logGroupId!]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: config.logRetentionDays } });
    }
  });

  it('sets the Powertools, table, bus and (for optional-auth routes only) JWT environment', () => {
    for (const entry of entries) {
      const variables = lambdaOf(entry).resource.Properties.Environment.Variables;
      expect(Object.keys(variables)).toEqual(
        expect.arrayContaining([
          'POWERTOOLS_SERVICE_NAME',
          'POWERTOOLS_METRICS_NAMESPACE',
          'POWERTOOLS_LOG_LEVEL',
          'TABLE_NAME',
          'IDEMPOTENCY_TABLE_NAME',
          'EVENT_BUS_NAME',
        ]),
      );
      const optional = routesOf(entry).some((r) => r.auth === 'optional');
      expect('JWT_ISSUER' in variables && 'JWT_AUDIENCE' in variables && 'JWT_JWKS_URL' in variables, entry).toBe(optional);
    }
  });

  it('gives no table write permission to a function none of whose routes needs table:write', () => {
    const readers = entries.filter((e) => !needsOf(e).has('table:write'));
    for (const entry of readers) {
      const actions = statementsOf(template(), lambdaOf(entry).fn).flatMap((s) => s.Action);
      // `audit` appends to the audit trail (issue 18): puts only, never an update or a delete.
      const appends = needsOf(entry).has('audit') ? AUDIT_APPENDS : [];
      for (const write of DYNAMODB_WRITES.filter((w) => !appends.includes(w))) expect(actions, entry).not.toContain(write);
    }
  });

  it('lets the readers that need audit append (PutItem, BatchWriteItem) and nothing more', () => {
    const auditors = entries.filter((e) => needsOf(e).has('audit') && !needsOf(e).has('table:write'));
    expect(auditors.length).toBeGreaterThan(0);
    for (const entry of auditors) {
      const actions = actionsOn(statementsOf(template(), lambdaOf(entry).fn), `Tatawwu-dev-${region}-Data-TableArn`);
      expect(actions.filter((a) => DYNAMODB_WRITES.includes(a)).sort(), entry).toEqual([...AUDIT_APPENDS].sort());
    }
  });

  it('gives table write permission exactly to the functions that need table:write', () => {
    for (const entry of entries.filter((e) => needsOf(e).has('table:write'))) {
      const actions = actionsOn(statementsOf(template(), lambdaOf(entry).fn), `Tatawwu-dev-${region}-Data-TableArn`);
      expect(actions, entry).toEqual(expect.arrayContaining(DYNAMODB_WRITES));
    }
  });

  it('lets only the functions that need a secret (pepper, attendance-code key) read secrets, and only those that need events publish', () => {
    for (const entry of entries) {
      const actions = statementsOf(template(), lambdaOf(entry).fn).flatMap((s) => s.Action);
      expect(actions.includes('secretsmanager:GetSecretValue'), entry).toBe(needsOf(entry).has('national-id-pepper') || needsOf(entry).has('attendance-code-key'));
      expect(actions.includes('events:PutEvents'), entry).toBe(needsOf(entry).has('events'));
    }
  });

  it('lets exactly the functions that need signing sign with the KMS key and read its public key', () => {
    for (const entry of entries) {
      const actions = statementsOf(template(), lambdaOf(entry).fn).flatMap((s) => s.Action);
      expect(actions.includes('kms:Sign') && actions.includes('kms:GetPublicKey'), entry).toBe(needsOf(entry).has('signing'));
    }
  });

  it('keeps prepared exports in a KMS-encrypted, private, TLS-only bucket whose objects expire after a day, read and written only by the routes that need it', () => {
    const buckets = Object.values(template().findResources('AWS::S3::Bucket', { Properties: { LifecycleConfiguration: Match.anyValue() } }));
    expect(buckets).toHaveLength(1);
    const props = buckets[0]!.Properties;
    expect(props.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms');
    expect(props.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(props.LifecycleConfiguration.Rules.map((r: { ExpirationInDays?: number }) => r.ExpirationInDays)).toEqual([1]);
    const policies = Object.values(template().findResources('AWS::S3::BucketPolicy'));
    expect(JSON.stringify(policies)).toContain('"aws:SecureTransport":"false"');
    for (const entry of entries) {
      const actions = statementsOf(template(), lambdaOf(entry).fn).flatMap((s) => s.Action);
      expect(actions.includes('s3:GetObject'), entry).toBe(needsOf(entry).has('exports:read'));
      expect(actions.includes('s3:PutObject'), entry).toBe(false);
    }
  });

  it('uses Resource "*" in a handler\'s policy only for the X-Ray actions, which have no resource-level permissions', () => {
    for (const entry of entries) {
      for (const statement of statementsOf(template(), lambdaOf(entry).fn).filter((s) => s.Resource.includes('*'))) {
        expect(statement.Action.every((a) => a.startsWith('xray:')), `${entry}: ${JSON.stringify(statement)}`).toBe(true);
      }
    }
  });

  it('attaches the JWT authorizer to every auth: required route and to no public route', () => {
    const authorizers = template().findResources('AWS::ApiGatewayV2::Authorizer');
    const authorizerIds = Object.keys(authorizers);
    const byKey = new Map(
      Object.values(template().findResources('AWS::ApiGatewayV2::Route')).map((r) => [r.Properties.RouteKey as string, r.Properties]),
    );
    expect([...byKey.keys()].sort()).toEqual(routes.map(routeKeyOf).sort());
    for (const route of routes) {
      const props = byKey.get(routeKeyOf(route))!;
      if (route.auth === 'required') {
        expect(props.AuthorizationType, routeKeyOf(route)).toBe('JWT');
        // A route in an area's nested stack names the authorizer through a parameter the parent passes.
        const ref = String((props.AuthorizerId as { Ref?: string } | undefined)?.Ref ?? '');
        expect(authorizerIds.some((id) => ref === id || (ref.startsWith('referenceto') && ref.includes(id.replace(/[0-9A-F]{8}$/, '')))), routeKeyOf(route)).toBe(true);
      } else {
        expect(props.AuthorizationType, routeKeyOf(route)).toBe('NONE');
        expect(props.AuthorizerId, routeKeyOf(route)).toBeUndefined();
      }
    }
  });

  it("takes the authorizer's issuer and audience from the user pool and its app client", () => {
    const authorizers = Object.values(template().findResources('AWS::ApiGatewayV2::Authorizer'));
    expect(authorizers).toHaveLength(routes.some((r) => r.auth === 'required') ? 1 : 0);
    for (const authorizer of authorizers) {
      expect(authorizer.Properties.AuthorizerType).toBe('JWT');
      expect(authorizer.Properties.IdentitySource).toEqual(['$request.header.Authorization']);
      const { Issuer, Audience } = authorizer.Properties.JwtConfiguration;
      expect(joined(Issuer)).toBe(`https://cognito-idp.${region}.\${AWS::URLSuffix}/\${${logicalIdOf(platform().identity.userPool)}}`);
      expect(Audience).toEqual([{ Ref: logicalIdOf(platform().identity.client) }]);
    }
  });

  it('writes JSON access logs of the default stage to a log group with the configured retention', () => {
    const stage = Object.values(template().findResources('AWS::ApiGatewayV2::Stage'))[0]!;
    expect(stage.Properties.StageName).toBe('$default');
    const logsId = logicalIdOf(platform().api.accessLogs);
    expect(stage.Properties.AccessLogSettings.DestinationArn).toEqual({ 'Fn::GetAtt': [logsId, 'Arn'] });
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
      latency: '$context.responseLatency',
    });
    expect(template().toJSON().Resources[logsId].Properties.RetentionInDays).toBe(config.logRetentionDays);
  });

  it('throttles the default stage with the configured rate and burst', () => {
    template().hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: config.throttleRateLimit, ThrottlingBurstLimit: config.throttleBurstLimit },
    });
  });

  it('creates the five user groups', () => {
    const groups = Object.values(template().findResources('AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName as string);
    expect(groups.sort()).toEqual(['company-admin', 'ministry-admin', 'ministry-reviewer', 'org-manager', 'volunteer']);
  });

  it('lets volunteers sign up with a verified email and a strong password, MFA optional', () => {
    template().hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      AutoVerifiedAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      Policies: {
        PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true },
      },
    });
  });

  it('declares orgId and companyId as mutable custom attributes that the app client cannot write', () => {
    const pool = Object.values(template().findResources('AWS::Cognito::UserPool'))[0]!;
    const custom = (pool.Properties.Schema as { Name: string; Mutable: boolean }[]).filter((a) => ['orgId', 'companyId'].includes(a.Name));
    expect(custom.map((a) => [a.Name, a.Mutable]).sort()).toEqual([
      ['companyId', true],
      ['orgId', true],
    ]);
    const client = Object.values(template().findResources('AWS::Cognito::UserPoolClient'))[0]!;
    expect(client.Properties.GenerateSecret).toBe(false);
    expect(client.Properties.ReadAttributes).toEqual(expect.arrayContaining(['custom:orgId', 'custom:companyId']));
    expect(client.Properties.WriteAttributes).not.toContain('custom:orgId');
    expect(client.Properties.WriteAttributes).not.toContain('custom:companyId');
  });

  it('alarms on API 5xx and on errors of every handler, to the alarm topic', () => {
    const topicId = logicalIdOf(platform().observability.topic);
    const alarms = Object.values(template().findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.filter((a) => a.Properties.MetricName === '5xx')).toHaveLength(1);
    for (const entry of entries) {
      const dimension = { Name: 'FunctionName', Value: { Ref: logicalIdOf(lambdaOf(entry).fn.function) } };
      expect(alarms.filter((a) => a.Properties.MetricName === 'Errors' && JSON.stringify(a.Properties.Dimensions) === JSON.stringify([dimension])), entry).toHaveLength(1);
    }
    // Alarms beside functions in nested stacks name the topic through a parameter the parent passes.
    const topicStem = topicId.replace(/[0-9A-F]{8}$/, '');
    for (const alarm of alarms) {
      const actions = alarm.Properties.AlarmActions as Array<{ Ref?: string }>;
      expect(actions).toHaveLength(1);
      expect(actions[0]!.Ref === topicId || (actions[0]!.Ref ?? '').includes(topicStem), JSON.stringify(actions)).toBe(true);
    }
  });

  it('alarms when the impact reconciliation reports drift of the aggregates', () => {
    template().hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Tatawwu',
      MetricName: 'ImpactAggregateDrift',
      Dimensions: [{ Name: 'service', Value: 'impact-reconcile' }],
      Threshold: 1,
    });
  });
});
