/** The API Gateway HTTP API (payload 2.0) event of the HTTP stack, in its own module so that middlewares need not import http.ts. */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';

/**
 * The event a handler receives. Routes without an authorizer (`auth: 'optional' | 'none'`)
 * get no `authorizer` block, so it is optional here.
 */
export type HttpEvent = Omit<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'> & {
  requestContext: Omit<APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'], 'authorizer'> &
    Partial<Pick<APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'], 'authorizer'>>;
};
