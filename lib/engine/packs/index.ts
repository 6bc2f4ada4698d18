/**
 * Admin rule packs. Import `validatePack`/`parsePack` where packs are written (they run the
 * entries' examples and read YAML); settings use `checkPack` wherever packs are read; the content
 * script needs `compilePacks` (via checkReply) and the types.
 */
export { compilePacks, PACK_MESSAGES } from './apply';
export { CHECK_MESSAGES, checkPack, type PackCheck } from './check-pack';
export { PACK_LIMITS } from './limits';
export { packJsonSchema, packSchema } from './schema';
export type * from './types';
export { formatPackErrors, type PackError, type PackValidation, parsePack, validatePack } from './validate';
