/**
 * The HttpApi construct and grantNeeds on a few fixture operation specs that have every kind of
 * route (read-only, idempotent writer, shared entry, optional and no auth), whatever the real
 * specs hold.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from '../../shared/zod.js';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AttributeType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Pass, StateMachine, DefinitionBody } from 'aws-cdk-lib/aws-stepfunctions';
import { defineOperation, type AnyOperation } from '../../functions/http/operation.js';
import { grantNeeds, UNBOUND_WORKFLOW_WARNING, type NeedResources } from '../../infra/constructs/grants.js';
import { NodeFunction } from '../../infra/constructs/node-function.js';
import { routeKeyOf } from '../../infra/constructs/http-api.js';
import { resolveConfig } from '../../infra/config.js';
import { actionsOn, logicalIdOf, statementsOf, synthesize, type Synthesized } from './synth.js';

const docs = { summary: 'fixture', tags: ['fixture'], responses: { 204: z.object({}) } };
const READER = 'test/infra/fixtures/reader.ts';
const WRITER = 'test/infra/fixtures/writer.ts';
const OPTIONAL = 'test/infra/fixtures/optional.ts';

const fixtureRoutes: readonly AnyOperation[] = [
  defineOperation({ id: 'ListItems', method: 'GET', path: '/fixtures/items', entry: READER, auth: 'required', needs: ['table:read'], ...docs }),
  defineOperation({
    id: 'CreateItem',
    method: 'POST',
    path: '/fixtures/items',
    entry: WRITER,
    auth: 'required',
    // `idempotency` is granted because the operation is idempotent (needsOf), not listed here.
    idempotent: true,
    needs: ['table:write', 'events', 'national-id-pepper'],
    memorySize: 512,
    ...docs,
  }),
  defineOperation({ id: 'UpdateItem', method: 'PATCH', path: '/fixtures/items/{id}', entry: WRITER, auth: 'required', needs: ['table:write'], timeout: 20, ...docs }),
  defineOperation({ id: 'ShowItem', method: 'GET', path: '/fixtures/public/{id}', entry: OPTIONAL, auth: 'optional', needs: ['table:read'], ...docs }),
  defineOperation({ id: 'Ping', method: 'GET', path: '/fixtures/ping', entry: OPTIONAL, auth: 'none', needs: [], ...docs }),
];

let synth: Synthesized;
beforeAll(() => {
  // The fixtures' code is not what is tested here: skip bundling.
  synth = synthesize({ operations: fixtureRoutes, bundle: false });
}, 300_000);

const DYNAMODB_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

describe('PlatformHttpApi', () => {
  const platform = () => synth.stacks[0]!.platform;
  const template = () => synth.template(platform());
  const fn = (entry: string) => platform().api.functions.get(entry)!;
  const lambda = (entry: string) => template().toJSON().Resources[logicalIdOf(fn(entry).function)];
  const tableExport = () => `Tatawwu-dev-${platform().region}-Data-TableArn`;

  it('creates one function per entry, sized for the largest of its routes', () => {
    expect([...platform().api.functions.keys()].sort()).toEqual([OPTIONAL, READER, WRITER]);
    expect(lambda(WRITER).Properties).toMatchObject({ MemorySize: 512, Timeout: 20 });
    expect(lambda(READER).Properties).toMatchObject({ MemorySize: 256, Timeout: 10 });
  });

  it("answers the preflight for the stage's configured origins only (infra/config.ts)", () => {
    template().hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: resolveConfig('dev')[0]!.corsOrigins,
        AllowHeaders: Match.arrayWith(['authorization', 'content-type', 'idempotency-key']),
        AllowMethods: Match.arrayWith(['GET', 'POST', 'OPTIONS']),
      }),
    });
  });

  it('names routes after their route ids', () => {
    expect([...platform().api.routes.keys()]).toEqual(fixtureRoutes.map((r) => r.id));
    for (const route of fixtureRoutes) expect(platform().api.routes.get(route.id)!.node.id).toBe(route.id);
  });

  it('lets a table:read function read the table and nothing more', () => {
    const statements = statementsOf(template(), fn(READER));
    const onTable = actionsOn(statements, tableExport());
    expect(onTable).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    const all = statements.flatMap((s) => s.Action);
    for (const write of DYNAMODB_WRITES) expect(all).not.toContain(write);
    expect(all.some((a) => a.startsWith('secretsmanager:') || a.startsWith('events:'))).toBe(false);
  });

  it("grants a writer the union of its routes' needs", () => {
    const statements = statementsOf(template(), fn(WRITER));
    expect(actionsOn(statements, tableExport())).toEqual(expect.arrayContaining(DYNAMODB_WRITES));
    const all = statements.flatMap((s) => s.Action);
    expect(all).toEqual(expect.arrayContaining(['events:PutEvents', 'secretsmanager:GetSecretValue']));
    expect(lambda(WRITER).Properties.Environment.Variables.NATIONAL_ID_PEPPER_SECRET_ARN).toBeDefined();
    expect(lambda(READER).Properties.Environment.Variables.NATIONAL_ID_PEPPER_SECRET_ARN).toBeUndefined();
  });

  it('tells only functions of optional-auth routes how to verify a token', () => {
    expect(Object.keys(lambda(OPTIONAL).Properties.Environment.Variables)).toEqual(
      expect.arrayContaining(['JWT_ISSUER', 'JWT_AUDIENCE', 'JWT_JWKS_URL']),
    );
    expect(lambda(WRITER).Properties.Environment.Variables.JWT_ISSUER).toBeUndefined();
  });

  it('puts required routes behind the authorizer and leaves optional and none routes public', () => {
    const byKey = new Map(
      Object.values(template().findResources('AWS::ApiGatewayV2::Route')).map((r) => [r.Properties.RouteKey as string, r.Properties]),
    );
    const authorizerId = Object.keys(template().findResources('AWS::ApiGatewayV2::Authorizer'))[0]!;
    // Routes live in their area's nested stack: the authorizer is the parent's, passed as a parameter.
    const namesAuthorizer = (ref: string | undefined) => ref === authorizerId || (ref ?? '').includes(authorizerId.replace(/[0-9A-F]{8}$/, ''));
    for (const route of fixtureRoutes) {
      const props = byKey.get(routeKeyOf(route));
      expect(props, route.id).toMatchObject({ AuthorizationType: route.auth === 'required' ? 'JWT' : 'NONE' });
      if (route.auth === 'required') expect(namesAuthorizer((props?.AuthorizerId as { Ref?: string })?.Ref), route.id).toBe(true);
      else expect(props?.AuthorizerId, route.id).toBeUndefined();
    }
  });

  it('acknowledges the missing authorization (AwsSolutions-APIG4) on the public routes only', () => {
    const acknowledged = (id: string) =>
      platform()
        .api.routes.get(id)!
        .node.metadata.some((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY && Object.keys(m.data).some((k) => k.endsWith('AwsSolutions-APIG4')));
    for (const route of fixtureRoutes) expect(acknowledged(route.id), route.id).toBe(route.auth !== 'required');
  });

  it('rejects a route table with the same method and path twice, naming it', () => {
    const twice = [fixtureRoutes[0]!, { ...fixtureRoutes[0]!, id: 'ListItemsAgain' }];
    expect(() => synthesize({ operations: twice, bundle: false })).toThrow('"GET /fixtures/items" is declared twice');
  });

  it('rejects a route id that is not PascalCase, showing it', () => {
    expect(() => synthesize({ operations: [{ ...fixtureRoutes[0]!, id: 'list-items' }], bundle: false })).toThrow(
      'route id must be PascalCase, got "list-items"',
    );
  });
});

describe('grantNeeds', () => {
  const setup = () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'Grants', { env: { account: '111111111111', region: 'me-central-1' } });
    const resources: NeedResources = {
      table: new Table(stack, 'Table', { partitionKey: { name: 'PK', type: AttributeType.STRING } }),
      idempotencyTable: new Table(stack, 'Idempotency', { partitionKey: { name: 'id', type: AttributeType.STRING } }),
      eventBus: new EventBus(stack, 'Bus'),
      nationalIdPepper: new Secret(stack, 'Pepper'),
    };
    const fn = new NodeFunction(stack, 'Task', { entry: READER, serviceName: 'fixture' });
    const machine = new StateMachine(stack, 'Onboarding', { definitionBody: DefinitionBody.fromChainable(new Pass(stack, 'Step')) });
    return { stack, resources, fn, machine };
  };

  it('grants a named workflow: start executions, answer task tokens, and its ARN in the environment', () => {
    const { stack, resources, fn, machine } = setup();
    grantNeeds(fn, ['workflow:OrganizationOnboarding'], { ...resources, stateMachines: { OrganizationOnboarding: machine } });
    const template = Template.fromStack(stack);
    const actions = actionsOn(statementsOf(template, fn), logicalIdOf(machine));
    expect(actions).toEqual(expect.arrayContaining(['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure']));
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ WORKFLOW_ORGANIZATION_ONBOARDING_ARN: { Ref: logicalIdOf(machine) } }) },
    });
  });

  it('grants the attendance-code key: read that one secret, its ARN in the environment', () => {
    const { stack, resources, fn } = setup();
    const key = new Secret(stack, 'AttendanceKey');
    grantNeeds(fn, ['attendance-code-key'], { ...resources, attendanceCodeKey: key });
    const template = Template.fromStack(stack);
    expect(actionsOn(statementsOf(template, fn), logicalIdOf(key))).toEqual(expect.arrayContaining(['secretsmanager:GetSecretValue']));
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ ATTENDANCE_CODE_KEY_SECRET_ARN: { Ref: logicalIdOf(key) } }) },
    });
  });

  it('refuses the attendance-code need when no key is given', () => {
    const { resources, fn } = setup();
    expect(() => grantNeeds(fn, ['attendance-code-key'], resources)).toThrow('needs "attendance-code-key" but no attendanceCodeKey was given to grantNeeds');
  });

  it('refuses a workflow that is not among the given state machines, listing the known ones', () => {
    const { resources, fn, machine } = setup();
    expect(() => grantNeeds(fn, ['workflow:Onbaording'], { ...resources, stateMachines: { Onboarding: machine } })).toThrow(
      'no state machine named "Onbaording" was given (known: Onboarding)',
    );
  });

  it('warns at synth, and grants nothing, for a workflow need while no workflows are composed', () => {
    const { stack, resources, fn } = setup();
    grantNeeds(fn, ['workflow:Onboarding'], resources);
    Annotations.fromStack(stack).hasWarning(`/${fn.node.path}`, Match.stringLikeRegexp(`workflow:Onboarding.*${UNBOUND_WORKFLOW_WARNING}`));
    const actions = statementsOf(Template.fromStack(stack), fn).flatMap((s) => s.Action);
    expect(actions.some((a) => a.startsWith('states:'))).toBe(false);
  });

  it('refuses the cognito need when no user pool is given', () => {
    const { resources, fn } = setup();
    expect(() => grantNeeds(fn, ['cognito'], resources)).toThrow('needs "cognito" but no userPool was given');
  });
});
