import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type FixtureServer, startFixtureServer } from '../fixtures/server';

const root = path.resolve(import.meta.dirname, '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    fixturePort: number;
    extensionDir: string;
  }
}

let server: FixtureServer | undefined;

/**
 * Builds the production extension once (skip with E2E_SKIP_BUILD=1 when CI just built it) and
 * starts the demo helpdesk for every end-to-end file.
 */
export async function setup(project: TestProject): Promise<void> {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    // Vitest sets NODE_ENV=test, which would make WXT build React's development JSX runtime.
    execFileSync(path.join(root, 'node_modules', '.bin', 'wxt'), ['build'], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const outDir = path.resolve(root, process.env.REPLYGUARD_OUT_DIR || '.output');
  server = await startFixtureServer({ assetsDir: path.join(outDir, 'fixtures') });
  project.provide('fixturePort', server.port);
  project.provide('extensionDir', path.join(outDir, 'chrome-mv3'));
}

export async function teardown(): Promise<void> {
  await server?.close();
}
