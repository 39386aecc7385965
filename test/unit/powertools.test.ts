import { afterEach, describe, expect, it, vi } from 'vitest';

/** shared/powertools/tracer.ts as a Lambda would load it with this environment (it reads it at load). */
const loadTracer = async (env: Record<string, string | undefined>) => {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return import('../../shared/powertools/tracer.js');
};

/** A client with the one part of an AWS SDK client tracing touches: its middleware stack. */
const client = () => ({ middlewareStack: { add: vi.fn() } });

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('powertools tracer', () => {
  it('does not load the tracer when tracing is off (the X-Ray SDK slows every promise)', async () => {
    const { tracer, tracing, traced } = await loadTracer({ POWERTOOLS_TRACE_ENABLED: 'false' });
    const aws = client();
    expect(tracer).toBeUndefined();
    expect(tracing()).toEqual([]);
    expect(traced(aws)).toBe(aws);
    expect(aws.middlewareStack.add).not.toHaveBeenCalled();
  });

  it('traces handlers and AWS calls, under the service name, when tracing is on or not configured', async () => {
    for (const enabled of ['true', 'TRUE', undefined]) {
      const { tracer, tracing, traced } = await loadTracer({ POWERTOOLS_TRACE_ENABLED: enabled, POWERTOOLS_SERVICE_NAME: 'volunteers' });
      const aws = client();
      traced(aws);
      expect(tracer?.serviceName, String(enabled)).toBe('volunteers');
      expect(tracing(), String(enabled)).toHaveLength(1);
      expect(aws.middlewareStack.add, String(enabled)).toHaveBeenCalledOnce();
    }
  });
});
