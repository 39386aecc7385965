import { describe, expect, it } from 'vitest';
import { charters, currentCharter } from '../../shared/domain/volunteers/documents/index.js';
import { CHARTER_VERSIONS, currentCharterVersion } from '../../shared/domain/volunteers/documents/versions.js';

describe('charter versions', () => {
  it('lists exactly the published charters, in order, so screening checks the charter in force', () => {
    expect(CHARTER_VERSIONS).toEqual(charters.map((charter) => charter.version));
    expect(currentCharterVersion()).toBe(currentCharter().version);
  });

  it('refuses an empty list', () => {
    expect(() => currentCharterVersion([])).toThrow('no charter has been published');
  });
});
