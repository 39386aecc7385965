/** Secrets read from Secrets Manager (the national-ID pepper, the attendance-code key): one read per maxAge, failures named. */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
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
    const send = vi.spyOn(SecretsManagerClient.prototype, 'send').mockImplementation(async () => ({ SecretString: 'a-long-secret-value' }));
    const { secretString } = await load();

    await secretString('arn:secret:a', 60);
    await secretString('arn:secret:a', 60);
    vi.advanceTimersByTime(61_000);
    await expect(secretString('arn:secret:a', 60)).resolves.toBe('a-long-secret-value');

    expect(send).toHaveBeenCalledTimes(2);
  });

  it('answers undefined for a secret without a string, without keeping it', async () => {
    const send = vi.spyOn(SecretsManagerClient.prototype, 'send').mockImplementation(async () => ({ SecretBinary: new Uint8Array([1]) }));
    const { secretString } = await load();

    await expect(secretString('arn:secret:b', 60)).resolves.toBeUndefined();
    await secretString('arn:secret:b', 60);

    expect(send).toHaveBeenCalledTimes(2);
  });

  it('wraps a failed read in a GetParameterError with the SDK error as its cause', async () => {
    const denied = Object.assign(new Error('access denied'), { name: 'AccessDeniedException' });
    vi.spyOn(SecretsManagerClient.prototype, 'send').mockImplementation(async () => {
      throw denied;
    });
    const { secretString, GetParameterError } = await load();

    await expect(secretString('arn:secret:c', 60)).rejects.toThrow(GetParameterError);
    await expect(secretString('arn:secret:c', 60)).rejects.toMatchObject({ name: 'GetParameterError', message: 'access denied', cause: denied });
  });
});
