import { describe, expect, it } from 'vitest';
import { decisionNotOpenText } from '../../shared/workflows/client.js';

describe('decisionNotOpenText', () => {
  it('says the wait timed out only when it did, with what to do next', () => {
    expect(decisionNotOpenText('timed-out', 'decide again once reminded')).toMatch(/timed out.*decide again once reminded$/);
  });

  it.each(['completed', 'invalid-token'] as const)('does not blame a timeout for a %s token', (reason) => {
    expect(decisionNotOpenText(reason, 'decide again')).not.toMatch(/timed out|decide again/);
  });
});
