/**
 * Compares language-identification libraries from npm on the XLM-T test tweets (eight languages
 * x 870; eval only, nothing is fitted here) for accuracy, speed and bundle size. It chose the
 * detector ReplyGuard ships (README, "Languages").
 *
 *   npm run bench:languages
 *
 * Only the shipped detector is a dependency; to compare the others, install them without saving
 * (`npm install --no-save franc franc-min tinyld eld lande cld3-asm languagedetect`) or point
 * REPLYGUARD_LANGDET_DIR at a folder whose node_modules holds them. Missing ones are listed as such.
 * Mentions, links and hashtag signs are removed first, as the engine does before detecting.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { detectLanguage } from '../../lib/engine/language/detect';
import { decodeEscapes, repoRoot, requireDatasets } from './datasets';

const ISO3: Record<string, string> = {
  arb: 'ar',
  ara: 'ar',
  deu: 'de',
  spa: 'es',
  fra: 'fr',
  hin: 'hi',
  ita: 'it',
  por: 'pt',
  eng: 'en',
};
const NAMES: Record<string, string> = {
  arabic: 'ar',
  german: 'de',
  spanish: 'es',
  french: 'fr',
  hindi: 'hi',
  italian: 'it',
  portuguese: 'pt',
  english: 'en',
};

interface Candidate {
  name: string;
  /** Package directory name under node_modules. */
  pkg: string;
  /** Entry file inside the package, for import and for the size measure. */
  entry: string;
  make(mod: Record<string, unknown>): Promise<(text: string) => string>;
}

type Fn = (...args: unknown[]) => unknown;

const CANDIDATES: Candidate[] = [
  {
    name: 'franc-min 6.2.0 (82 languages)',
    pkg: 'franc-min',
    entry: 'index.js',
    make: async (m) => (t) => ISO3[(m.franc as Fn)(t, { minLength: 1 }) as string] ?? 'other',
  },
  {
    name: 'franc 6.2.0 (187 languages)',
    pkg: 'franc',
    entry: 'index.js',
    make: async (m) => (t) => ISO3[(m.franc as Fn)(t, { minLength: 1 }) as string] ?? 'other',
  },
  {
    name: 'tinyld 1.3.4 light',
    pkg: 'tinyld',
    entry: 'dist/tinyld.light.node.mjs',
    make: async (m) => (t) => ((m.detect as Fn)(t) as string) || 'other',
  },
  {
    name: 'tinyld 1.3.4 heavy',
    pkg: 'tinyld',
    entry: 'dist/tinyld.heavy.node.mjs',
    make: async (m) => (t) => ((m.detect as Fn)(t) as string) || 'other',
  },
  {
    name: 'eld 2.1.0 extrasmall',
    pkg: 'eld',
    entry: 'src/entries/static.extrasmall.js',
    make: async (m) => {
      const eld = m.eld as { detect(t: string): { language: string } };
      return (t) => eld.detect(t).language || 'other';
    },
  },
  {
    name: 'eld 2.1.0 small',
    pkg: 'eld',
    entry: 'src/entries/static.small.js',
    make: async (m) => {
      const eld = m.eld as { detect(t: string): { language: string } };
      return (t) => eld.detect(t).language || 'other';
    },
  },
  {
    name: 'lande 1.0.10',
    pkg: 'lande',
    entry: 'standalone/t50.js',
    make: async (m) => (t) => ISO3[((m.default as Fn)(t) as [string, number][])[0]?.[0] ?? ''] ?? 'other',
  },
  {
    name: 'languagedetect 2.0.0',
    pkg: 'languagedetect',
    entry: 'index.js',
    make: async (m) => {
      const LD = m.default as new () => { detect(t: string, n: number): [string, number][] };
      const d = new LD();
      return (t) => NAMES[d.detect(t, 1)[0]?.[0] ?? ''] ?? 'other';
    },
  },
  {
    name: 'cld3-asm 4.0.0 (WebAssembly)',
    pkg: 'cld3-asm',
    entry: 'dist/cjs/index.js',
    make: async (m) => {
      const load = ((m.default as Record<string, unknown>)?.loadModule ?? m.loadModule) as () => Promise<{
        create(min: number, max: number): { findLanguage(t: string): { language: string } };
      }>;
      const factory = await load();
      const id = factory.create(0, 1000);
      return (t) => {
        const code = id.findLanguage(t).language;
        return code === 'und' ? 'other' : code;
      };
    },
  },
];

function clean(text: string): string {
  return decodeEscapes(text)
    .replace(/https?:\/\/\S+|www\.\S+/g, ' ')
    .replace(/@\w+/g, ' ')
    .replace(/#/g, ' ')
    .replace(/\bRT\b/g, ' ')
    .trim();
}

async function size(file: string): Promise<{ raw: number; gzip: number }> {
  const out = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    loader: { '.wasm': 'binary' },
    external: ['fs', 'path', 'crypto', 'module', 'url'],
  });
  const bytes = Buffer.concat(out.outputFiles.map((f) => Buffer.from(f.contents)));
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

async function main(): Promise<void> {
  const dir = requireDatasets();
  const base = process.env.REPLYGUARD_LANGDET_DIR ?? repoRoot;
  const rows = readFileSync(path.join(dir, 'xlm-t-sentiment-test', 'test.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { text: string; lang: string })
    .map((r) => ({ text: clean(r.text), lang: NAMES[r.lang] as string }));
  const langs = [...new Set(rows.map((r) => r.lang))];
  console.log(`# Language detectors on XLM-T test (${rows.length} tweets, ${langs.join(', ')})\n`);
  console.log(`Command: npm run bench:languages. Node ${process.version}; mentions, links and "#" removed first.\n`);
  const head = ['detector', 'accuracy', ...langs, 'texts/s', 'bundle (min+gzip)'];
  const table: string[][] = [];
  const detectors: { name: string; detect: (t: string) => string; file?: string }[] = [
    { name: 'ReplyGuard (lib/engine/language, as shipped)', detect: (t) => detectLanguage(t).language },
  ];
  for (const c of CANDIDATES) {
    const file = path.join(base, 'node_modules', c.pkg, c.entry);
    if (!existsSync(file)) {
      table.push([c.name, 'not installed', ...langs.map(() => ''), '', '']);
      continue;
    }
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    detectors.push({ name: c.name, detect: await c.make(mod), file });
  }
  for (const d of detectors) {
    for (const r of rows.slice(0, 200)) d.detect(r.text);
    const correct = new Map<string, number>();
    let all = 0;
    const t0 = performance.now();
    for (const r of rows) {
      if (d.detect(r.text) === r.lang) {
        all++;
        correct.set(r.lang, (correct.get(r.lang) ?? 0) + 1);
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    const perLang = langs.map((l) => ((correct.get(l) ?? 0) / rows.filter((r) => r.lang === l).length).toFixed(3));
    const s = d.file ? await size(d.file) : null;
    table.push([
      d.name,
      (all / rows.length).toFixed(3),
      ...perLang,
      Math.round(rows.length / seconds).toLocaleString('en'),
      s ? `${(s.gzip / 1024).toFixed(0)} KB` : 'see bench:accuracy',
    ]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log([line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.map(line)].join('\n'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
