/**
 * Writes lib/engine/pii/phone-metadata.json: libphonenumber-js's own `metadata.min.json`, every
 * region, with each region's formatting rules emptied. The content script only validates numbers
 * (`isValidPhoneNumber`, `isPossiblePhoneNumber`), which never reads them, and they are half the
 * file: 10 KB gzip instead of 19.5. Run after upgrading libphonenumber-js:
 * `node scripts/phone-metadata.mjs`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const metadata = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.min.json'), 'utf8'));
/** Position of the formats list in a region's entry of the minified metadata. */
const FORMATS = 4;
for (const group of [metadata.countries, metadata.nonGeographic ?? {}]) {
  for (const entry of Object.values(group)) if (Array.isArray(entry[FORMATS])) entry[FORMATS] = [];
}
writeFileSync(path.join(root, 'lib', 'engine', 'pii', 'phone-metadata.json'), `${JSON.stringify(metadata)}\n`);
console.log('wrote lib/engine/pii/phone-metadata.json');
