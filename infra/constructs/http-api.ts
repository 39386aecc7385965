/**
 * The HTTP API of the platform, built from the operation specs (functions/http/routes.ts), the
 * same specs the local gateway serves and the handlers are built from:
 *
 * - one `NodeFunction` per distinct handler `entry` (operations may share a module), granted
 *   the union of its operations' needs (`needsOf`) through `grantNeeds`;
 * - one route per operation, construct id = the operation's `id`; routes with `auth: 'required'`
 *   sit behind the JWT authorizer of the user pool, `optional`/`none` routes are public (an
 *   `optional` handler verifies a bearer token itself, with the `JWT_*` settings it is given);
 * - a `$default` stage with throttling and JSON access logs.
 */
import { Duration, NestedStack, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, CORS_EXPOSE_HEADERS, CORS_MAX_AGE_SECONDS } from '../cors.js';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { needsOf, type AnyOperation, type Need } from '../../functions/http/operation.js';
import { NodeFunction, type PowertoolsLogLevel } from './node-function.js';
import { grantNeeds, type NeedResources } from './grants.js';

export interface PlatformHttpApiProps {
  /** The operation specs (functions/http/routes.ts). */
  readonly operations: readonly AnyOperation[];
  /** What the handlers' `needs` are granted on. */
  readonly resources: NeedResources;
  /** `iss` of accepted tokens (the user pool's issuer URL). */
  readonly jwtIssuer: string;
  /** Accepted audience (`aud` or `client_id`): the app client id. */
  readonly jwtAudience: string;
  /** The issuer's JWKS, for handlers of `auth: 'optional'` routes. */
  readonly jwksUrl: string;
  /**
   * Default stage throttling: steady-state requests per second.
   * @default 100
   */
  readonly throttleRateLimit?: number;
  /**
   * Default stage throttling: burst.
   * @default 200
   */
  readonly throttleBurstLimit?: number;
  /**
   * Retention of the access logs and of every function's logs.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
  /**
   * Removal policy of the log groups.
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
  /**
   * Powertools log level of the handlers.
   * @default 'INFO'
   */
  readonly logLevel?: PowertoolsLogLevel;
  /**
   * Browser origins allowed by CORS (exact origins); API Gateway answers the preflight.
   * @default - no CORS: browsers on other origins cannot call the API
   */
  readonly corsOrigins?: readonly string[];
  /**
   * Name of the API.
   * @default - generated from the construct path
   */
  readonly apiName?: string;
}

/** Everything the access log records about a request: enough to trace it, no body, no token. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  userAgent: '$context.identity.userAgent',
} as const;

const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;
const PATH = /^\/([A-Za-z0-9._~-]+|\{[A-Za-z][A-Za-z0-9]*\+?\})(\/([A-Za-z0-9._~-]+|\{[A-Za-z][A-Za-z0-9]*\+?\}))*$/;

/** `functions/http/volunteers/get-me.ts` → `VolunteersGetMe`: stable however many routes share it. */
export const functionIdFor = (entry: string): string =>
  entry
    .replace(/^functions\/http\//, '')
    .replace(/\.[cm]?[jt]s$/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');

/** `functions/http/<area>/…` → `<area>`: the Powertools service of a handler. */
const serviceNameFor = (entry: string): string => /^functions\/http\/([^/]+)\//.exec(entry)?.[1] ?? 'http';

/** The route key API Gateway shows for a route: `GET /v1/volunteers/me`. */
export const routeKeyOf = (route: Pick<AnyOperation, 'method' | 'path'>): string => `${route.method} ${route.path}`;

const validateRoutes = (routes: readonly AnyOperation[]): void => {
  const ids = new Set<string>();
  const keys = new Set<string>();
  for (const route of routes) {
    if (!PASCAL_CASE.test(route.id)) throw new Error(`route id must be PascalCase, got ${JSON.stringify(route.id)}`);
    if (ids.has(route.id)) throw new Error(`route id ${JSON.stringify(route.id)} is declared twice`);
    ids.add(route.id);
    if (!PATH.test(route.path)) throw new Error(`route ${route.id}: path is not an API Gateway path template: ${JSON.stringify(route.path)}`);
    const key = routeKeyOf(route);
    if (keys.has(key)) throw new Error(`route ${route.id}: ${JSON.stringify(key)} is declared twice`);
    keys.add(key);
    if (!['required', 'optional', 'none'].includes(route.auth)) {
      throw new Error(`route ${route.id}: auth must be required, optional or none, got ${JSON.stringify(route.auth)}`);
    }
  }
};

export class PlatformHttpApi extends Construct {
  public readonly httpApi: HttpApi;
  /** The `$default` stage (throttling, access logs). */
  public readonly stage: HttpStage;
  /** Access logs of the stage. */
  public readonly accessLogs: LogGroup;
  public readonly authorizer: HttpJwtAuthorizer;
  /** Handler functions by entry. */
  public readonly functions: ReadonlyMap<string, NodeFunction>;
  /** Routes by route id. */
  public readonly routes: ReadonlyMap<string, HttpRoute>;
  /** The nested stack of each area (`functions/http/<area>/`), holding its functions and routes. */
  public readonly areaStacks: ReadonlyMap<string, NestedStack>;

  constructor(scope: Construct, id: string, props: PlatformHttpApiProps) {
    super(scope, id);
    validateRoutes(props.operations);
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;
    const logRemovalPolicy = props.logRemovalPolicy ?? RemovalPolicy.RETAIN;

    this.httpApi = new HttpApi(this, 'Resource', {
      ...(props.apiName && { apiName: props.apiName }),
      description: 'Tatawwu HTTP API',
      // The policy is infra/cors.ts, the same the local gateway applies.
      ...(props.corsOrigins &&
        props.corsOrigins.length > 0 && {
          corsPreflight: {
            allowOrigins: [...props.corsOrigins],
            allowMethods: CORS_ALLOW_METHODS.map((method) => CorsHttpMethod[method]),
            allowHeaders: [...CORS_ALLOW_HEADERS],
            exposeHeaders: [...CORS_EXPOSE_HEADERS],
            maxAge: Duration.seconds(CORS_MAX_AGE_SECONDS),
          },
        }),
      // The default stage is declared below, because only an explicit stage takes access logs.
      createDefaultStage: false,
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: logRetention, removalPolicy: logRemovalPolicy });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      // Per-route metrics (requests, 4xx, 5xx, latency) for the operations dashboard.
      detailedMetricsEnabled: true,
      throttle: { rateLimit: props.throttleRateLimit ?? 100, burstLimit: props.throttleBurstLimit ?? 200 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    this.authorizer = new HttpJwtAuthorizer('JwtAuthorizer', props.jwtIssuer, {
      authorizerName: 'cognito-jwt',
      jwtAudience: [props.jwtAudience],
    });

    // Group routes by handler module: one function per entry, sized and granted for all its routes.
    const byEntry = new Map<string, AnyOperation[]>();
    for (const route of props.operations) byEntry.set(route.entry, [...(byEntry.get(route.entry) ?? []), route]);

    // CloudFormation allows 500 resources per stack and every route brings ~7 (function, role,
    // policy, log group, integration, permission, route): each area's routes and functions live
    // in a nested stack of their own, which the parent counts as one resource.
    const areaStacks = new Map<string, NestedStack>();
    const scopeFor = (entry: string): NestedStack => {
      const area = /^functions\/http\/([^/]+)\//.exec(entry)?.[1] ?? 'other';
      let nested = areaStacks.get(area);
      if (!nested) {
        nested = new NestedStack(this, `Routes${area.replace(/(^|-)(.)/g, (_, __, c: string) => c.toUpperCase())}`, {
          description: `HTTP routes of the ${area} area: their functions, integrations and alarms`,
        });
        areaStacks.set(area, nested);
      }
      return nested;
    };
    this.areaStacks = areaStacks;

    const functions = new Map<string, NodeFunction>();
    const functionIds = new Map<string, string>();
    for (const [entry, routes] of byEntry) {
      const fnId = functionIdFor(entry);
      const clash = functionIds.get(fnId);
      if (clash) throw new Error(`entries ${JSON.stringify(clash)} and ${JSON.stringify(entry)} map to the same function id ${fnId}`);
      functionIds.set(fnId, entry);

      const fn = new NodeFunction(scopeFor(entry), fnId, {
        entry,
        serviceName: serviceNameFor(entry),
        timeout: Duration.seconds(Math.max(...routes.map((r) => r.timeout ?? 10))),
        memorySize: Math.max(...routes.map((r) => r.memorySize ?? 256)),
        logRetention,
        logRemovalPolicy,
        logLevel: props.logLevel ?? 'INFO',
        description: `${routes.map(routeKeyOf).join(', ')} (${entry})`,
        ...(routes.some((r) => r.auth === 'optional') && {
          environment: { JWT_ISSUER: props.jwtIssuer, JWT_AUDIENCE: props.jwtAudience, JWT_JWKS_URL: props.jwksUrl },
        }),
      });
      const needs: Need[] = routes.flatMap((r) => needsOf(r));
      grantNeeds(fn, needs, props.resources);
      functions.set(entry, fn);
    }
    this.functions = functions;

    const integrations = new Map<string, HttpLambdaIntegration>();
    const routeConstructs = new Map<string, HttpRoute>();
    for (const route of props.operations) {
      const fn = functions.get(route.entry)!;
      let integration = integrations.get(route.entry);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${functionIdFor(route.entry)}Integration`, fn.function);
        integrations.set(route.entry, integration);
      }
      const httpRoute = new HttpRoute(scopeFor(route.entry), route.id, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration,
        ...(route.auth === 'required' && { authorizer: this.authorizer }),
      });
      if (route.auth !== 'required') {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${routeKeyOf(route)} is public by design (auth: '${route.auth}' in its operation spec)${
            route.auth === 'optional' ? '; its handler verifies a bearer token itself when one is sent' : ''
          }`,
        });
      }
      routeConstructs.set(route.id, httpRoute);
    }
    this.routes = routeConstructs;
  }

  /** The invoke URL of the `$default` stage. */
  public get url(): string {
    return this.stage.url;
  }
}
