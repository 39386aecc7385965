/** System operations: the liveness check, public, in local mode and in the cloud. */
import { defineOperation } from '../operation.js';

export const health = /* @__PURE__ */ defineOperation({
  id: 'Health',
  method: 'GET',
  path: '/health',
  entry: 'functions/http/system/health.ts',
  auth: 'none',
  needs: [],
  memorySize: 128,
  summary: 'Liveness check',
  tags: ['system'],
  // A JSON Schema, not zod: the health bundle validates nothing and stays without zod (~110 KB less).
  responses: {
    200: {
      description: 'OK',
      contentType: 'application/json',
      schema: { type: 'object', properties: { status: { type: 'string', const: 'ok' } }, required: ['status'], additionalProperties: false },
    },
  },
  examples: { response: { status: 'ok' } },
});

export const systemOperations = [health] as const;
