import { describe, expect, it } from 'vitest';
import { tracer, tracing } from '../../shared/powertools/index.js';

describe('powertools', () => {
  it('does not load the tracer when tracing is off (the X-Ray SDK slows every promise)', () => {
    expect(process.env.POWERTOOLS_TRACE_ENABLED).toBe('false');
    expect(tracer).toBeUndefined();
    expect(tracing()).toEqual([]);
  });
});
