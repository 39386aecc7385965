/**
 * `npm run phone-metadata`: writes shared/domain/reference/phone-metadata.generated.ts (the
 * libphonenumber-js `min` metadata as one JSON string per calling code, infra/phone-metadata.ts)
 * from the installed libphonenumber-js; run it after upgrading the library.
 */
import { writeFileSync } from 'node:fs';
import { installedPhoneMetadata, phoneMetadataFile, phoneMetadataModule } from '../infra/phone-metadata.js';

const installed = installedPhoneMetadata();
writeFileSync(new URL(`../${phoneMetadataFile}`, import.meta.url), phoneMetadataModule(installed));
console.log(`${phoneMetadataFile}: written from libphonenumber-js ${installed.library}`);
