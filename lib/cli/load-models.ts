import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installModels, MODEL_FILE, modelsInstalled } from '../engine/signals/models';

/**
 * Installs the shipped models in a Node process (CLI, benchmarks, unit tests): the blob beside
 * this file (the bundled CLI: scripts/build-cli.mjs copies it to build/cli/), else the
 * repository's `public/` (running from source). Cheap to call again.
 */
export function loadModelsFromDisk(): void {
  if (modelsInstalled()) return;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, MODEL_FILE), path.join(here, '..', '..', 'public', MODEL_FILE)];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new Error(`ReplyGuard models not found (looked for ${candidates.join(', ')})`);
  const buf = readFileSync(file);
  installModels(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
}
