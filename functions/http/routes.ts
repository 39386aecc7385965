/**
 * The route table: every HTTP operation of the platform, declared once. Each area keeps its
 * operation specs next to its handlers (routes.ts); this file only gathers them.
 */
import type { Route } from './route.js';
import { needsOf, type AnyOperation } from './operation.js';
import { applicationRoutes } from './applications/routes.js';
import { evaluationOperations } from './evaluations/routes.js';
import { matchingRoutes } from './matching/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { opportunityOperations } from './opportunities/routes.js';
import { organizationRoutes } from './organizations/routes.js';
import { referenceOperations } from './reference/routes.js';
import { registerOperations } from './register/routes.js';
import { systemRoutes } from './system/routes.js';
import { trainingOperations } from './trainings/routes.js';
import { volunteerRoutes } from './volunteers/routes.js';

/** Transitional: the older readers (CDK, gateway, OpenAPI) still take the `Route` shape. */
const toRoute = (op: AnyOperation): Route => ({
  id: op.id,
  method: op.method,
  path: op.path,
  entry: op.entry,
  auth: op.auth,
  needs: needsOf(op),
  ...(op.memorySize && { memorySize: op.memorySize }),
  ...(op.timeout && { timeout: op.timeout }),
  docs: {
    summary: op.summary,
    tags: op.tags,
    ...(op.request?.body && { body: op.request.body }),
    ...(op.request?.query && { query: op.request.query }),
    responses: op.responses,
    ...(op.errors && { errors: op.errors }),
    ...(op.idempotent && { idempotent: true }),
  },
});

export const operations: readonly AnyOperation[] = [
  ...opportunityOperations,
  ...referenceOperations,
  ...registerOperations,
  ...trainingOperations,
  ...evaluationOperations,
];

export const routes: readonly Route[] = [
  ...systemRoutes,
  ...volunteerRoutes,
  ...organizationRoutes,
  ...opportunityOperations.map(toRoute),
  ...referenceOperations.map(toRoute),
  ...applicationRoutes,
  ...notificationRoutes,
  ...matchingRoutes,
  ...registerOperations.map(toRoute),
  ...trainingOperations.map(toRoute),
  ...evaluationOperations.map(toRoute),
];
