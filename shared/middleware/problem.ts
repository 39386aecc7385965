/**
 * RFC 9457 problem details: the one place where errors become HTTP responses.
 * Domain errors keep their status and message; anything unexpected becomes a generic 500
 * that leaks nothing (the error is logged with the request id, never returned).
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, TooManyRequestsError, type FieldError } from '../domain/errors.js';
import { securityHeaders } from './security-headers.js';

export const PROBLEM_BASE = 'https://tatawwu.sa/problems/';

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly errors?: readonly FieldError[];
  /** Seconds before a retry may succeed (429): also the Retry-After header. */
  readonly retryAfter?: number;
}

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload too large',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
};

export const problemResponse = (problem: Problem): APIGatewayProxyStructuredResultV2 => ({
  statusCode: problem.status,
  headers: securityHeaders({ 'content-type': 'application/problem+json', ...(problem.retryAfter !== undefined && { 'retry-after': String(problem.retryAfter) }) }),
  body: JSON.stringify(problem),
});

export const toProblem = (error: unknown, instance?: string): Problem => {
  const base = instance === undefined ? {} : { instance };
  if (error instanceof DomainError) {
    return {
      type: PROBLEM_BASE + error.code,
      title: titles[error.status] ?? 'Error',
      status: error.status,
      detail: error.message,
      ...base,
      ...(error.errors && { errors: error.errors }),
      ...(error instanceof TooManyRequestsError && error.retryAfterSeconds !== undefined && { retryAfter: error.retryAfterSeconds }),
    };
  }
  return {
    type: `${PROBLEM_BASE}internal`,
    title: titles[500]!,
    status: 500,
    detail: 'something went wrong on our side; the request id identifies it in our logs',
    ...base,
  };
};
