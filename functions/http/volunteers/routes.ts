import { defineRoutes } from '../route.js';

export const volunteerRoutes = defineRoutes([]);
