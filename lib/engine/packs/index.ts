/**
 * Admin rule packs. Import `validatePack`/`parsePack` where packs are loaded (they pull in
 * zod); the content script needs only `compilePacks` (via checkReply) and the types.
 */
export { compilePacks, PACK_MESSAGES } from './apply';
export { CHECK_MESSAGES, checkPack, type PackCheck } from './check-pack';
export { PACK_LIMITS } from './limits';
export { packJsonSchema, packSchema } from './schema';
export type * from './types';
export { formatPackErrors, type PackError, type PackValidation, parsePack, validatePack } from './validate';
