import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  isValidNationalId,
  luhnCheckDigit,
  maskNationalId,
  NationalId,
  nationalIdProblem,
} from '../../shared/domain/volunteers/national-id.js';
import { hashNationalId, pepperedNationalIds } from '../../shared/security/national-id-protector.js';

/** Valid numbers made with the algorithm: nine digits + their Luhn check digit. */
const generated = ['109876543', '123456789', '210987654', '234567890', '155555555'].map((p) => p + luhnCheckDigit(p));

describe('luhnCheckDigit', () => {
  it('computes the standard Luhn check digit', () => {
    expect(luhnCheckDigit('123456789')).toBe('7');
    expect(luhnCheckDigit('109876543')).toBe('9');
  });
});

describe('isValidNationalId', () => {
  it.each(generated)('accepts %s, generated with the algorithm', (id) => {
    expect(isValidNationalId(id)).toBe(true);
  });

  it('accepts citizen (1…) and resident (2…) numbers', () => {
    expect(generated.some((id) => id.startsWith('1'))).toBe(true);
    expect(generated.some((id) => id.startsWith('2'))).toBe(true);
  });

  it.each(generated)('rejects %s with every other check digit', (id) => {
    const wrong = [...'0123456789'].filter((d) => d !== id[9]).map((d) => id.slice(0, 9) + d);
    expect(wrong.filter(isValidNationalId)).toEqual([]);
  });

  it('rejects two swapped adjacent digits', () => {
    expect(isValidNationalId('1234567897')).toBe(true);
    expect(isValidNationalId('1234567987')).toBe(false);
  });

  it.each([
    ['123456789', 'must be 10 digits, got 9'],
    ['12345678970', 'must be 10 digits, got 11'],
    ['', 'must contain digits only'],
  ])('rejects %j for its length', (id, message) => {
    expect(nationalIdProblem(id)).toBe(message);
  });

  it.each(['3234567891', '0234567899', '9234567893'])('rejects %s, whose first digit is neither 1 nor 2', (id) => {
    expect(nationalIdProblem(id)).toBe('must start with 1 (citizen) or 2 (resident)');
  });

  it.each(['12345678a7', '1234 56789', '+123456789', '١٢٣٤٥٦٧٨٩٧'])('rejects %j, which has non-digits', (id) => {
    expect(nationalIdProblem(id)).toBe('must contain digits only');
  });

  it('reports a bad checksum as such', () => {
    expect(nationalIdProblem('1234567890')).toBe('check digit does not match');
  });
});

describe('NationalId schema', () => {
  it('trims surrounding spaces', () => {
    expect(NationalId.parse(' 1234567897 ')).toBe('1234567897');
  });

  it('never echoes the number in its message', () => {
    const result = NationalId.safeParse('1234567890');
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).not.toContain('1234567890');
  });
});

describe('maskNationalId', () => {
  it('shows the last four digits only', () => {
    expect(maskNationalId('1234567897')).toBe('******7897');
  });

  it('narrows a mask stored in the older form that also showed the first digit', () => {
    expect(maskNationalId('1*****7897')).toBe('******7897');
  });
});

describe('national ID protection', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('hashes with HMAC-SHA256 keyed by the pepper', () => {
    // echo -n 1234567897 | openssl dgst -sha256 -hmac pepper-one -binary | base64 (made url-safe, unpadded)
    const hash = hashNationalId('1234567897', 'pepper-one');
    expect(hash).toBe('Ibb0u4S42TSnQMzy9O7TFEoRegD7vtNhzM8w5UOXGWA');
    expect(hash).not.toBe(hashNationalId('1234567897', 'pepper-two'));
    expect(hash).not.toBe(hashNationalId('1098765439', 'pepper-one'));
  });

  it('stores neither the number nor a plain hash of it', async () => {
    const protector = pepperedNationalIds(async () => 'a-pepper-for-this-test');
    const protectedId = await protector.protect('1234567897');
    expect(protectedId.masked).toBe('******7897');
    expect(JSON.stringify(protectedId)).not.toContain('1234567897');
    const { createHash } = await import('node:crypto');
    expect(protectedId.hash).not.toBe(createHash('sha256').update('1234567897').digest('base64url'));
  });

  it('takes the pepper from NATIONAL_ID_PEPPER when it is set (local mode)', async () => {
    vi.stubEnv('TATAWWU_MODE', 'local');
    vi.stubEnv('NATIONAL_ID_PEPPER', 'env-pepper');
    const { nationalIdPepper } = await import('../../shared/security/national-id-pepper.js');
    await expect(nationalIdPepper()).resolves.toBe('env-pepper');
  });

  it('refuses to run without a pepper or a secret to read it from', async () => {
    vi.stubEnv('NATIONAL_ID_PEPPER', '');
    vi.stubEnv('NATIONAL_ID_PEPPER_SECRET_ARN', '');
    const { nationalIdPepper, PepperUnavailableError } = await import('../../shared/security/national-id-pepper.js');
    await expect(nationalIdPepper()).rejects.toThrow(PepperUnavailableError);
  });
});

describe('national ID pepper from Secrets Manager', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.doUnmock('../../shared/security/secret-string.js');
    vi.resetModules();
  });

  it('reads the secret named by NATIONAL_ID_PEPPER_SECRET_ARN when no pepper is set', async () => {
    const arn = 'arn:aws:secretsmanager:me-central-1:111122223333:secret:tatawwu/national-id-pepper-AbCdEf';
    const secretString = vi.fn(async () => 'a-long-pepper-from-secrets-manager');
    vi.doMock('../../shared/security/secret-string.js', () => ({ secretString }));
    vi.stubEnv('NATIONAL_ID_PEPPER', '');
    vi.stubEnv('NATIONAL_ID_PEPPER_SECRET_ARN', arn);
    vi.resetModules();
    const { nationalIdPepper } = await import('../../shared/security/national-id-pepper.js');
    await expect(nationalIdPepper()).resolves.toBe('a-long-pepper-from-secrets-manager');
    expect(secretString).toHaveBeenCalledWith(arn, expect.any(Number));
  });

  it('refuses a short pepper in the cloud', async () => {
    vi.doMock('../../shared/security/secret-string.js', () => ({ secretString: async () => 'short' }));
    vi.stubEnv('NATIONAL_ID_PEPPER', '');
    vi.stubEnv('TATAWWU_MODE', 'cloud');
    vi.stubEnv('NATIONAL_ID_PEPPER_SECRET_ARN', 'arn:aws:secretsmanager:me-central-1:111122223333:secret:p');
    vi.resetModules();
    const { nationalIdPepper } = await import('../../shared/security/national-id-pepper.js');
    await expect(nationalIdPepper()).rejects.toThrow(/too short \(5 characters/);
  });
});
