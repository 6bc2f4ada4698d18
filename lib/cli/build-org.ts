import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { extensionIdFromPublicKey, packCrx3, publicKeyBase64, readPrivateKey, updateManifestXml } from '../deploy/crx';
import { PROJECT_CHROMIUM_KEY } from '../deploy/flavour';
import { hostsFromFile, resolveOrgHosts, splitHostList } from '../deploy/org-hosts';

/**
 * `npm run build:org -- --hosts https://help.acme.com,http://intranet.acme.local:8080 --key acme.pem
 * --base-url https://intranet.acme.com/replyguard/ --out .output-org`
 *
 * An organisation's own ReplyGuard package: its custom helpdesk hosts are host permissions in the
 * manifest, so a browser that force-installs it grants them at install with no prompt; the package
 * is signed with the organisation's key (its own extension id: see POLICY.md, "Organisation
 * build"). Writes the CRX, the update manifest to serve beside it, the unpacked folder, and with
 * --gecko-id a Firefox package to sign. See `--help`.
 */

const HELP = `Usage: npm run build:org -- [options]

  --hosts LIST        custom helpdesk hosts, comma-separated (repeatable): help.acme.com,
                      *.desk.acme.com, http://intranet.acme.local:8080
  --hosts-file FILE   more hosts: one per line, or your policy JSON (its customHelpdesks patterns)
  --key FILE          the organisation's private key (PEM). It fixes the extension id: keep it safe
  --new-key           create --key FILE first (refused if it exists)
  --base-url URL      where you will publish the files, such as https://intranet.acme.com/replyguard/
  --out DIR           output folder (not .output: that one keeps ReplyGuard's own key)
  --revision N        a fourth version number, to roll out a rebuild of the same release
  --gecko-id ID       also build for Firefox, with your own add-on id (such as replyguard@acme.com)
`;

const root = path.resolve(import.meta.dirname, '../..');

function fail(message: string): never {
  process.stderr.write(`build:org: ${message}\n`);
  process.exit(2);
}

/** Every file under `dir`, as paths relative to it, sorted so the zip is the same for the same build. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(path.join(dir, prefix), { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out;
}

async function zipFolder(dir: string): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const rel of await listFiles(dir)) files[rel] = await readFile(path.join(dir, rel));
  // A fixed date: the same build gives the same bytes.
  return zipSync(files, { level: 9, mtime: new Date('2020-01-01T00:00:00Z') });
}

function wxtBuild(env: Record<string, string>, args: string[]): void {
  const { REPLYGUARD_STORE: _store, ...base } = process.env;
  execFileSync(path.join(root, 'node_modules', '.bin', 'wxt'), ['build', ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    // NODE_ENV=production: React's production runtime, as `npm run build` gives.
    env: { ...base, NODE_ENV: 'production', ...env },
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      hosts: { type: 'string', multiple: true },
      'hosts-file': { type: 'string', multiple: true },
      key: { type: 'string' },
      'new-key': { type: 'boolean' },
      'base-url': { type: 'string' },
      out: { type: 'string' },
      revision: { type: 'string' },
      'gecko-id': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (!values.out) fail(`--out is required.\n\n${HELP}`);
  if (!values.key) fail(`--key is required.\n\n${HELP}`);
  if (!values['base-url']) fail(`--base-url is required.\n\n${HELP}`);
  const out = path.resolve(values.out);
  let baseUrl: URL;
  try {
    baseUrl = new URL(values['base-url'].endsWith('/') ? values['base-url'] : `${values['base-url']}/`);
  } catch {
    fail(`--base-url ${values['base-url']} is not a URL.`);
  }
  const revision = values.revision;
  if (revision !== undefined && !/^\d{1,5}$/.test(revision)) fail('--revision must be a number (0 to 65535).');
  const geckoId = values['gecko-id'];
  if (geckoId !== undefined && !/^[a-z0-9._-]+@[a-z0-9.-]+$/i.test(geckoId)) {
    fail('--gecko-id must look like name@your-domain (Firefox add-on ids are email-like).');
  }

  const inputs = (values.hosts ?? []).flatMap(splitHostList);
  for (const file of values['hosts-file'] ?? []) {
    try {
      inputs.push(...hostsFromFile(await readFile(file, 'utf8')));
    } catch (error) {
      fail(`could not read hosts from ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const hosts = resolveOrgHosts(inputs);
  if (hosts.errors.length > 0) fail(`refused:\n  ${hosts.errors.join('\n  ')}`);

  const keyFile = path.resolve(values.key);
  if (values['new-key']) {
    if (existsSync(keyFile))
      fail(`${keyFile} exists: drop --new-key to build with it (a new key is a new extension id).`);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await mkdir(path.dirname(keyFile), { recursive: true });
    await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  } else if (!existsSync(keyFile)) {
    fail(`${keyFile} does not exist. Pass --new-key once to create it, then keep it: the key fixes the extension id.`);
  }
  const privateKey = readPrivateKey(await readFile(keyFile, 'utf8'));
  const publicKey = publicKeyBase64(privateKey);
  if (publicKey === PROJECT_CHROMIUM_KEY) fail("that is ReplyGuard's own key: an organisation build uses its own.");
  const id = extensionIdFromPublicKey(publicKey);

  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const version = revision ? `${pkg.version}.${revision}` : pkg.version;
  const env: Record<string, string> = {
    REPLYGUARD_ORG_HOSTS: JSON.stringify(hosts.patterns),
    REPLYGUARD_ORG_KEY: publicKey,
    REPLYGUARD_ORG_OUT_DIR: out,
    ...(revision ? { REPLYGUARD_ORG_VERSION: version } : {}),
    ...(geckoId ? { REPLYGUARD_ORG_GECKO_ID: geckoId } : {}),
  };

  for (const h of hosts.notes) for (const note of h.notes) process.stdout.write(`note: ${h.pattern}: ${note.text}\n`);
  process.stdout.write(`Building ReplyGuard ${version} for ${hosts.patterns.join(', ')} …\n`);
  wxtBuild(env, []);
  const chromeDir = path.join(out, 'chrome-mv3');
  const manifest = JSON.parse(await readFile(path.join(chromeDir, 'manifest.json'), 'utf8')) as {
    version: string;
    key?: string;
    host_permissions?: string[];
  };
  if (manifest.key !== publicKey || !hosts.patterns.every((p) => manifest.host_permissions?.includes(p))) {
    fail('the built manifest does not carry the key and hosts asked for; nothing was packed.');
  }
  const crxName = `replyguard-${manifest.version}.crx`;
  await writeFile(path.join(out, crxName), packCrx3(await zipFolder(chromeDir), privateKey));
  const updateUrl = new URL('update.xml', baseUrl).href;
  await writeFile(
    path.join(out, 'update.xml'),
    updateManifestXml({ id, version: manifest.version, crxUrl: new URL(crxName, baseUrl).href }),
  );
  const extensionSettings = {
    ExtensionSettings: { [id]: { installation_mode: 'force_installed', update_url: updateUrl } },
  };
  await writeFile(path.join(out, 'extension-settings.json'), `${JSON.stringify(extensionSettings, null, 2)}\n`);

  let firefox = '';
  if (geckoId) {
    wxtBuild(env, ['-b', 'firefox', '--mv3']);
    const xpi = `replyguard-${manifest.version}-firefox-unsigned.xpi`;
    await writeFile(path.join(out, xpi), await zipFolder(path.join(out, 'firefox-mv3')));
    firefox = `\nFirefox: ${path.join(out, xpi)} (id ${geckoId}): sign it for your organisation (web-ext sign --channel unlisted), then publish it (POLICY.md).`;
  }

  process.stdout.write(
    [
      '',
      `Extension id: ${id}`,
      `Publish these two files at ${baseUrl.href}:`,
      `  ${path.join(out, crxName)}`,
      `  ${path.join(out, 'update.xml')}`,
      `Policy (Chrome, Edge): ${path.join(out, 'extension-settings.json')}, and your settings under 3rdparty → extensions → ${id}.`,
      `Unpacked, same id: ${chromeDir}${firefox}`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
