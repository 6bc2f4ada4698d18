import { type LinearModel, readBlob } from './linear-model';

/**
 * The shipped models: one binary blob (`public/replyguard-models.bin`, written by
 * tests/bench/fit-signals.ts; format in linear-model.ts). The engine stays pure, so whoever runs it
 * reads the bytes and hands them over once: the background fetches the packaged file
 * (entrypoints/background.ts), the CLI and the benchmarks read it from disk
 * (lib/cli/load-models.ts), the unit tests in their setup. Installing is a header parse: every
 * table is a typed-array view of the bytes, so the load costs a file read and nothing per weight.
 */
let models: Map<string, LinearModel> | null = null;

/** File name of the blob, in the extension package and beside the bundled CLI. */
export const MODEL_FILE = 'replyguard-models.bin';

/** Installs the blob's models (replacing any installed before). */
export function installModels(bytes: Uint8Array): void {
  models = readBlob(bytes);
}

/** Whether `installModels` has run. */
export function modelsInstalled(): boolean {
  return models !== null;
}

/**
 * A shipped model by name: `sentiment:<language>` (ISO 639-1) or `sarcasm`; null when the blob has
 * none of that name. Reading a customer before the models are installed is a wiring mistake, so it
 * throws instead of quietly scoring with the lexicon alone.
 */
export function shippedModel(name: string): LinearModel | null {
  if (!models) throw new Error('ReplyGuard models are not installed: call installModels() with the model blob first');
  return models.get(name) ?? null;
}
