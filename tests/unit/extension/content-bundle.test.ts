import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** Resolves the project's `@/` alias; WXT's virtual modules and CSS stay outside the graph. */
const projectResolve: Plugin = {
  name: 'project-resolve',
  setup(b) {
    b.onResolve({ filter: /^@\// }, async (args) =>
      b.resolve(`./${args.path.slice(2)}`, { resolveDir: root, kind: args.kind }),
    );
    b.onResolve({ filter: /^#imports$|^wxt\/|\.css(\?inline)?$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/** Every module the content script's entry pulls in, as project-relative paths. */
async function contentScriptInputs(): Promise<string[]> {
  const result = await build({
    entryPoints: [path.join(root, 'entrypoints/helpdesk.content/index.tsx')],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    logLevel: 'silent',
    plugins: [projectResolve],
  });
  return Object.keys(result.metafile.inputs);
}

describe('content script bundle', () => {
  it('carries no language model: the customer reading runs in the background', async () => {
    const inputs = await contentScriptInputs();
    // The graph is real: the controller and the reply rules are in it.
    expect(inputs).toContain('lib/content/controller.ts');
    expect(inputs).toContain('lib/engine/rules/reply-checker.ts');
    const heavy = inputs.filter((p) =>
      /(^|\/)node_modules\/compromise\/|^lib\/engine\/(signals|nlp)\/|^lib\/engine\/analyze\.ts$|phone-metadata/.test(
        p,
      ),
    );
    expect(heavy).toEqual([]);
  }, 30_000);

  it('carries no Public Suffix List: custom domains are checked where they are registered', async () => {
    const inputs = await contentScriptInputs();
    expect(inputs).toContain('lib/settings/custom-helpdesks.ts');
    expect(inputs.filter((p) => /node_modules\/tldts|^lib\/settings\/public-suffix\.ts$/.test(p))).toEqual([]);
  }, 30_000);
});
