/**
 * shared/domain/reference/phone-metadata.generated.ts is libphonenumber-js's `min` metadata, one
 * JSON string per calling code, written by `npm run phone-metadata` (infra/phone-metadata.ts): it
 * must be what the installed version generates, so that upgrading the library without running
 * the script fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { installedPhoneMetadata, phoneMetadataFile, phoneMetadataModule } from '../../infra/phone-metadata.js';

describe('phone metadata module', () => {
  it('is what `npm run phone-metadata` generates from the installed libphonenumber-js', () => {
    const committed = readFileSync(new URL(`../../${phoneMetadataFile}`, import.meta.url), 'utf8');
    expect(committed === phoneMetadataModule(installedPhoneMetadata()), `${phoneMetadataFile} is stale: run \`npm run phone-metadata\``).toBe(true);
  });
});
