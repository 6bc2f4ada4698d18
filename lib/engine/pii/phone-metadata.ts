import { setPhoneMetadata } from './phone';
import json from './phone-metadata.json';

/**
 * libphonenumber-js's metadata for every region, formatting rules left out (written by
 * `scripts/phone-metadata.mjs`). Importing this module installs it for the phone checks; the
 * background hands the same object to content scripts (`content→background:phone-metadata`).
 */
export const PHONE_METADATA: unknown = json;

setPhoneMetadata(json);
