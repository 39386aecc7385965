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
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    200: {
      description: 'OK',
      contentType: 'application/json',
      schema: { type: 'object', properties: { status: { type: 'string', const: 'ok' } }, required: ['status'], additionalProperties: false },
    },
  },
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { response: { status: 'ok' } },
});

/** HEAD /health: the same liveness check without a body (uptime probes, load balancers). */
export const healthHead = /* @__PURE__ */ defineOperation({
  id: 'HealthHead',
  method: 'HEAD',
  path: '/health',
  entry: 'functions/http/system/health-head.ts',
  auth: 'none',
  needs: [],
  memorySize: 128,
  summary: 'Liveness check without a body: 200 when up',
  tags: ['system'],
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: { description: 'OK (no body)' } },
});

export const systemOperations = [health, healthHead] as const;
