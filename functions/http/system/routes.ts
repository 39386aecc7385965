import * as z from 'zod';
import { defineRoutes } from '../route.js';

export const systemRoutes = defineRoutes([
  {
    id: 'Health',
    method: 'GET',
    path: '/health',
    entry: 'functions/http/system/health.ts',
    auth: 'none',
    needs: [],
    memorySize: 128,
    docs: {
      summary: 'Liveness check',
      tags: ['system'],
      responses: { 200: z.object({ status: z.literal('ok') }) },
    },
  },
]);
