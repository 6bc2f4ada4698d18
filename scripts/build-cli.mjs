/**
 * Bundles the analysis CLI (lib/cli/analyze.ts and the engine) into one JavaScript file,
 * build/cli/analyze.mjs (with the models blob copied beside it), so `npm run analyze` starts with plain `node`: no TypeScript is compiled
 * at run time. Runs on install (package.json `postinstall`) and before the benchmarks that time
 * the CLI; run it by hand (`npm run build:cli`) after changing the engine.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'build', 'cli', 'analyze.mjs');

await build({
  entryPoints: [path.join(root, 'lib', 'cli', 'analyze.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // Some dependencies are CommonJS and call require(); give the ES module one.
  banner: {
    js: "import { createRequire as __rgRequire } from 'node:module'; const require = __rgRequire(import.meta.url);",
  },
});
// The models blob goes beside the bundle, which reads it at start (lib/cli/load-models.ts).
copyFileSync(
  path.join(root, 'public', 'replyguard-models.bin'),
  path.join(root, 'build', 'cli', 'replyguard-models.bin'),
);
if (!process.argv.includes('--quiet')) console.log(`built ${path.relative(root, outfile)}`);
