/**
 * The route table: every HTTP route of the platform, declared once. Each area keeps its
 * routes next to its handlers; this file only gathers them.
 */
import type { Route } from './route.js';
import { applicationRoutes } from './applications/routes.js';
import { matchingRoutes } from './matching/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { opportunityRoutes } from './opportunities/routes.js';
import { organizationRoutes } from './organizations/routes.js';
import { systemRoutes } from './system/routes.js';
import { volunteerRoutes } from './volunteers/routes.js';

export const routes: readonly Route[] = [...systemRoutes, ...volunteerRoutes, ...organizationRoutes, ...opportunityRoutes, ...applicationRoutes, ...notificationRoutes, ...matchingRoutes];
