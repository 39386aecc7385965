import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type HttpResponse = APIGatewayProxyStructuredResultV2;

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export const ok = (body: unknown): HttpResponse => json(200, body);
export const created = (body: unknown, location?: string): HttpResponse =>
  json(201, body, location ? { location } : {});
export const accepted = (body: unknown): HttpResponse => json(202, body);
export const noContent = (): HttpResponse => ({ statusCode: 204 });
export const text = (statusCode: number, body: string, contentType: string): HttpResponse => ({
  statusCode,
  headers: { 'content-type': contentType },
  body,
});
