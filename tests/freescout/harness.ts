import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import selfsigned from 'selfsigned';

/**
 * A real, self-hosted FreeScout on this machine, for end-to-end tests against the helpdesk itself
 * rather than our fixture of it. From the pristine release in `../shared/helpdesks/freescout`
 * (never bundled, never committed): MariaDB, php-fpm and nginx started on loopback only (a unix
 * socket for the database, 127.0.0.1 for https), FreeScout installed and seeded idempotently in a
 * work folder, and everything it started stopped by `stop()`.
 *
 * Chromium reaches it under `FREESCOUT_HOST` through `--host-resolver-rules`, as the demo helpdesk
 * is reached, so the extension sees a custom domain exactly as an admin's would be.
 */

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
/** The harness's PHP scripts; copied into the work folder, which the php-fpm user can read. */
const PHP_SOURCES = path.join(import.meta.dirname, 'php');

/** The host name the tests give the FreeScout install (an admin's custom helpdesk domain). */
export const FREESCOUT_HOST = 'freescout.acme-support.com';
export const AGENT = { email: 'agent@replyguard.test', password: 'replyguard-test-only', first: 'Ada', last: 'Agent' };

/** Debian packages FreeScout needs (its README for Debian 12): PHP 8.2, MariaDB 10.11, nginx. */
export const FREESCOUT_PACKAGES = [
  'php-cli',
  'php-fpm',
  'php-mysql',
  'php-mbstring',
  'php-xml',
  'php-imap',
  'php-zip',
  'php-gd',
  'php-curl',
  'php-intl',
  'php-bcmath',
  'mariadb-server',
  'mariadb-client',
  'nginx',
] as const;
const PHP_MODULES = ['pdo_mysql', 'mbstring', 'xml', 'imap', 'zip', 'gd', 'curl', 'intl', 'bcmath', 'tokenizer'];

/** The FreeScout release tarball beside the checkout, or null when it is not there. */
export function freescoutRelease(): string | null {
  const dir = process.env.REPLYGUARD_FREESCOUT_DIR ?? path.resolve(root, '../shared/helpdesks/freescout');
  if (!existsSync(dir)) return null;
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tar.gz'));
  return tarball ? path.join(dir, tarball) : null;
}

const isRoot = () => process.getuid?.() === 0;

async function which(command: string): Promise<string | null> {
  try {
    return (await run('sh', ['-c', `command -v ${command}`])).stdout.trim() || null;
  } catch {
    return null;
  }
}

async function phpFpm(): Promise<string | null> {
  const found = existsSync('/usr/sbin') ? readdirSync('/usr/sbin').filter((f) => /^php-fpm[\d.]*$/.test(f)) : [];
  return found.length ? path.join('/usr/sbin', found.sort().at(-1) as string) : which('php-fpm');
}

async function missingPieces(): Promise<string[]> {
  const missing: string[] = [];
  for (const bin of ['php', 'mariadbd', 'mariadb', 'mariadb-install-db', 'nginx']) {
    if (!(await which(bin)) && !existsSync(`/usr/sbin/${bin}`)) missing.push(bin);
  }
  if (!(await phpFpm())) missing.push('php-fpm');
  if (!missing.includes('php')) {
    const modules = (await run('php', ['-m'])).stdout.toLowerCase();
    for (const m of PHP_MODULES) if (!modules.includes(m)) missing.push(`php module ${m}`);
  }
  return missing;
}

/**
 * Installs the Debian packages FreeScout needs when any is missing (as root, with apt-get);
 * otherwise says exactly what to install.
 */
export async function ensureFreeScoutPackages(log: (line: string) => void = () => {}): Promise<void> {
  const missing = await missingPieces();
  if (missing.length === 0) return;
  if (!isRoot()) {
    throw new Error(
      `FreeScout needs ${missing.join(', ')}. Install them with: sudo apt-get install -y ${FREESCOUT_PACKAGES.join(' ')}`,
    );
  }
  log(`installing ${FREESCOUT_PACKAGES.join(' ')} (missing: ${missing.join(', ')})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-qq'], { env, maxBuffer: 64 << 20 });
  await run('apt-get', ['install', '-y', '-qq', ...FREESCOUT_PACKAGES], { env, maxBuffer: 64 << 20 });
  const still = await missingPieces();
  if (still.length) throw new Error(`FreeScout still lacks ${still.join(', ')} after apt-get install`);
}

/** A conversation to create: the customer and the thread, oldest message first. */
export interface ConversationSpec {
  subject: string;
  customer: { email: string; first: string; last: string };
  messages: { from: 'customer' | 'agent'; text: string }[];
}

/** A thread as FreeScout stored it. */
export interface StoredThread {
  id: number;
  type: 'customer' | 'message' | 'note' | string;
  body: string;
}

export interface FreeScoutServer {
  /** `https://FREESCOUT_HOST`, as the browser addresses it. */
  url: string;
  host: string;
  /** The loopback port nginx listens on; map the host to `127.0.0.1:port`. */
  port: number;
  newConversation(spec: ConversationSpec): Promise<number>;
  threads(conversationId: number): Promise<StoredThread[]>;
  stop(): Promise<void>;
}

interface Paths {
  work: string;
  php: string;
  app: string;
  data: string;
  run: string;
  log: string;
}

function pathsOf(work: string): Paths {
  return {
    work,
    php: path.join(work, 'php'),
    app: path.join(work, 'app'),
    data: path.join(work, 'mysql'),
    run: path.join(work, 'run'),
    log: path.join(work, 'log'),
  };
}

/** Runs a command in the app folder as the php-fpm user (the app tree is theirs). */
function asWebUser(p: Paths, command: string, args: string[], input?: string): Promise<string> {
  const [file, argv] = isRoot() ? ['runuser', ['-u', 'www-data', '--', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const child = execFile(file, argv as string[], { cwd: p.app, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`FreeScout harness: ${what} did not come up within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Stops daemons a crashed earlier run left behind (their pid files are in the work folder). */
async function stopLeftovers(p: Paths): Promise<void> {
  if (!existsSync(p.run)) return;
  for (const file of readdirSync(p.run).filter((f) => f.endsWith('.pid'))) {
    let pid = Number.NaN;
    try {
      pid = Number(readFileSync(path.join(p.run, file), 'utf8').trim());
    } catch {
      continue; // its daemon removed it while stopping
    }
    if (!Number.isInteger(pid) || pid <= 0) continue;
    try {
      process.kill(pid, 'SIGTERM');
      await waitFor(`${file} to stop`, async () => {
        try {
          process.kill(pid, 0);
          return false;
        } catch {
          return true;
        }
      });
    } catch {
      // Not running any more.
    }
  }
}

/** Unpacks the release once per release (a marker names it), owned by the php-fpm user. */
async function installApp(p: Paths, release: string, log: (line: string) => void): Promise<void> {
  const marker = path.join(p.app, '.replyguard-release');
  const stamp = `${path.basename(release)} ${(await readFile(release)).length}`;
  if (existsSync(marker) && (await readFile(marker, 'utf8')) === stamp) return;
  log(`unpacking ${path.basename(release)}`);
  await rm(p.app, { recursive: true, force: true });
  await rm(p.data, { recursive: true, force: true });
  await mkdir(p.app, { recursive: true });
  await run('tar', ['xzf', release, '-C', p.app], { maxBuffer: 16 << 20 });
  await writeFile(marker, stamp);
  if (isRoot()) await run('chown', ['-R', 'www-data:www-data', p.app]);
}

const spawned: ChildProcess[] = [];
process.once('exit', () => {
  for (const child of spawned) child.kill('SIGTERM');
});

function daemon(p: Paths, name: string, file: string, args: string[]): ChildProcess {
  const child = spawn(file, args, { stdio: 'ignore' });
  spawned.push(child);
  child.once('exit', () => spawned.splice(spawned.indexOf(child), 1));
  if (child.pid) void writeFile(path.join(p.run, `${name}.pid`), String(child.pid));
  return child;
}

async function startDatabase(p: Paths, log: (line: string) => void): Promise<string> {
  const socket = path.join(p.run, 'mysql.sock');
  const user = isRoot() ? ['--user=root'] : [];
  if (!existsSync(path.join(p.data, 'mysql'))) {
    log('initialising MariaDB');
    await mkdir(p.data, { recursive: true });
    await run('mariadb-install-db', [`--datadir=${p.data}`, ...user, '--auth-root-authentication-method=normal'], {
      maxBuffer: 16 << 20,
    });
  }
  daemon(p, 'mysql', 'mariadbd', [
    `--datadir=${p.data}`,
    `--socket=${socket}`,
    '--skip-networking',
    `--pid-file=${path.join(p.run, 'mysqld.pid')}`,
    `--log-error=${path.join(p.log, 'mysql.err')}`,
    ...user,
  ]);
  await waitFor('MariaDB', async () => {
    await run('mariadb', [`--socket=${socket}`, '-uroot', '-e', 'select 1']);
    return true;
  });
  await run('mariadb', [
    `--socket=${socket}`,
    '-uroot',
    '-e',
    "create database if not exists freescout character set utf8mb4 collate utf8mb4_unicode_ci; create user if not exists 'freescout'@'localhost' identified by 'freescout'; grant all on freescout.* to 'freescout'@'localhost';",
  ]);
  return socket;
}

/** Writes `.env`, then key, migrations, the agent, the mailbox: each a no-op when already done. */
async function configureApp(p: Paths, socket: string, log: (line: string) => void): Promise<void> {
  const envFile = path.join(p.app, '.env');
  const previous = existsSync(envFile) ? await readFile(envFile, 'utf8') : '';
  const key = /^APP_KEY=(.+)$/m.exec(previous)?.[1] ?? '';
  const env = [
    `APP_URL=https://${FREESCOUT_HOST}`,
    'APP_FORCE_HTTPS=true',
    'DB_CONNECTION=mysql',
    `DB_SOCKET=${socket}`,
    'DB_HOST=localhost',
    'DB_DATABASE=freescout',
    'DB_USERNAME=freescout',
    'DB_PASSWORD=freescout',
    `APP_KEY=${key}`,
    '',
  ].join('\n');
  await writeFile(envFile, env);
  if (isRoot()) await chown(envFile, ...(await webUserIds()));
  if (!key) await asWebUser(p, 'php', ['artisan', 'key:generate', '--force']);
  log('migrating');
  await asWebUser(p, 'php', ['artisan', 'migrate', '--force']);
  try {
    await asWebUser(p, 'php', [
      'artisan',
      'freescout:create-user',
      '--role=admin',
      `--firstName=${AGENT.first}`,
      `--lastName=${AGENT.last}`,
      `--email=${AGENT.email}`,
      `--password=${AGENT.password}`,
      '--no-interaction',
    ]);
  } catch (error) {
    // Created by an earlier run.
    if (!/exists|taken|already/i.test(String(error))) throw error;
  }
  if (!existsSync(path.join(p.app, 'public', 'storage'))) await asWebUser(p, 'php', ['artisan', 'storage:link']);
  await asWebUser(p, 'php', [path.join(p.php, 'seed.php'), AGENT.email]);
  await asWebUser(p, 'php', ['artisan', 'freescout:clear-cache']);
}

async function webUserIds(): Promise<[number, number]> {
  const uid = Number((await run('id', ['-u', 'www-data'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'www-data'])).stdout.trim());
  return [uid, gid];
}

async function startWeb(p: Paths): Promise<number> {
  const fpmSocket = path.join(p.run, 'fpm.sock');
  const webUser = isRoot() ? 'www-data' : os.userInfo().username;
  await writeFile(
    path.join(p.run, 'fpm.conf'),
    `[global]
pid = ${path.join(p.run, 'fpm-master.pid')}
error_log = ${path.join(p.log, 'fpm.log')}
daemonize = no
[freescout]
${isRoot() ? 'user = www-data\ngroup = www-data\n' : ''}listen = ${fpmSocket}
listen.mode = 0666
pm = static
pm.max_children = 4
`,
  );
  const fpm = await phpFpm();
  if (!fpm) throw new Error('php-fpm not found');
  daemon(p, 'fpm', fpm, ['-y', path.join(p.run, 'fpm.conf'), '-F']);
  await waitFor('php-fpm', async () => existsSync(fpmSocket));

  const pems = await selfsigned.generate([{ name: 'commonName', value: FREESCOUT_HOST }], { keyType: 'ec' });
  await writeFile(path.join(p.run, 'cert.pem'), pems.cert);
  await writeFile(path.join(p.run, 'key.pem'), pems.private);
  await chmod(path.join(p.run, 'key.pem'), 0o600);
  const port = await freePort();
  const temp = (name: string) => `${name}_temp_path ${path.join(p.run, name)};`;
  await writeFile(
    path.join(p.run, 'nginx.conf'),
    `pid ${path.join(p.run, 'nginx-master.pid')};
error_log ${path.join(p.log, 'nginx.err')};
${isRoot() ? `user ${webUser};` : ''}
worker_processes 1;
daemon off;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log ${path.join(p.log, 'access.log')};
  ${temp('client_body')} ${temp('fastcgi')} ${temp('proxy')} ${temp('uwsgi')} ${temp('scgi')}
  server {
    listen 127.0.0.1:${port} ssl;
    server_name ${FREESCOUT_HOST};
    ssl_certificate ${path.join(p.run, 'cert.pem')};
    ssl_certificate_key ${path.join(p.run, 'key.pem')};
    root ${path.join(p.app, 'public')};
    index index.php;
    client_max_body_size 20m;
    location / { try_files $uri $uri/ /index.php?$query_string; }
    location ~ \\.php$ {
      fastcgi_split_path_info ^(.+\\.php)(/.+)$;
      fastcgi_pass unix:${fpmSocket};
      fastcgi_index index.php;
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;
      fastcgi_param HTTPS on;
    }
  }
}
`,
  );
  daemon(p, 'nginx', 'nginx', ['-c', path.join(p.run, 'nginx.conf')]);
  await waitFor('nginx serving FreeScout', () => loginPageAnswers(port));
  return port;
}

function loginPageAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = https.get(
      { host: '127.0.0.1', port, path: '/login', headers: { host: FREESCOUT_HOST }, rejectUnauthorized: false },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on('error', () => resolve(false));
    req.setTimeout(5_000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

/**
 * Starts (installing first, when needed) FreeScout from the shared release. Throws when the
 * release is not there; callers check `freescoutRelease()` first and skip with a message.
 */
export async function startFreeScout(
  options: { workDir?: string; log?: (line: string) => void } = {},
): Promise<FreeScoutServer> {
  const log = options.log ?? (() => {});
  const release = freescoutRelease();
  if (!release) throw new Error('FreeScout release not found (../shared/helpdesks/freescout)');
  await ensureFreeScoutPackages(log);
  const p = pathsOf(options.workDir ?? DEFAULT_WORK_DIR);
  await mkdir(p.work, { recursive: true });
  await stopLeftovers(p);
  await rm(p.run, { recursive: true, force: true });
  await mkdir(p.run, { recursive: true });
  await mkdir(p.log, { recursive: true });
  // php-fpm workers (www-data) reach the database socket and their own socket in here.
  await chmod(p.work, 0o755);
  await chmod(p.run, 0o755);
  await installApp(p, release, log);
  await rm(p.php, { recursive: true, force: true });
  await cp(PHP_SOURCES, p.php, { recursive: true });
  await chmod(p.php, 0o755);
  const socket = await startDatabase(p, log);
  await configureApp(p, socket, log);
  const port = await startWeb(p);
  log(`FreeScout up at https://${FREESCOUT_HOST} (127.0.0.1:${port})`);

  return {
    url: `https://${FREESCOUT_HOST}`,
    host: FREESCOUT_HOST,
    port,
    ...freescoutData(p.work),
    async stop() {
      await stopLeftovers(p);
    },
  };
}

/** The default work folder: the same for the harness and the tests that talk to its database. */
export const DEFAULT_WORK_DIR = path.join(os.tmpdir(), 'replyguard-freescout');

/**
 * Creating conversations and reading what FreeScout stored, through its own models (PHP scripts
 * that boot the app), for a FreeScout the harness started in `workDir`. Usable from test files,
 * which run apart from the process that started the server.
 */
export function freescoutData(
  workDir: string = DEFAULT_WORK_DIR,
): Pick<FreeScoutServer, 'newConversation' | 'threads'> {
  const p = pathsOf(workDir);
  return {
    async newConversation(spec) {
      const out = await asWebUser(p, 'php', [path.join(p.php, 'conversation.php')], JSON.stringify(spec));
      return Number(out.trim());
    },
    async threads(id) {
      return JSON.parse(await asWebUser(p, 'php', [path.join(p.php, 'threads.php'), String(id)])) as StoredThread[];
    },
  };
}
