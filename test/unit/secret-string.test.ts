/** Secrets read from Secrets Manager (the national-ID pepper, the attendance-code key): one read per maxAge, failures named. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const load = async () => {
  vi.resetModules();
  return import('../../shared/security/secret-string.js');
};

describe('secretString', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-06-01T08:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('reads a secret once and again only after maxAge', async () => {
    const send = vi.fn(async (_secretId: string) => ({ SecretString: 'a-long-secret-value' }));
    const { secretString } = await load();

    await secretString('arn:secret:a', 60, send);
    await secretString('arn:secret:a', 60, send);
    vi.advanceTimersByTime(61_000);
    await expect(secretString('arn:secret:a', 60, send)).resolves.toBe('a-long-secret-value');

    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenCalledWith('arn:secret:a');
  });

  it('answers undefined for a secret without a string, without keeping it', async () => {
    const send = vi.fn(async () => ({ SecretBinary: 'AQ==' }));
    const { secretString } = await load();

    await expect(secretString('arn:secret:b', 60, send)).resolves.toBeUndefined();
    await secretString('arn:secret:b', 60, send);

    expect(send).toHaveBeenCalledTimes(2);
  });

  it('wraps a failed read in a GetParameterError with the SDK error as its cause', async () => {
    const denied = Object.assign(new Error('access denied'), { name: 'AccessDeniedException' });
    const send = vi.fn(async () => {
      throw denied;
    });
    const { secretString, GetParameterError } = await load();

    await expect(secretString('arn:secret:c', 60, send)).rejects.toThrow(GetParameterError);
    await expect(secretString('arn:secret:c', 60, send)).rejects.toMatchObject({ name: 'GetParameterError', message: 'access denied', cause: denied });
  });
});
