/**
 * `npm run bench:idb`: two ways to read every record of an object store in Debian's Chromium, side
 * by side in the same browser, on records shaped like the dashboard's: `getAll` (what Dexie's
 * `toArray` uses) against the keys first (`getAllKeys`) and then one `get` per key (what
 * `readEach` in lib/db/early-read.ts and `everyRecord` in lib/db/queries.ts do).
 *
 * The shapes, from a million-row log (bench:dashboard --rows 1000000): 116 days' totals of about
 * 4 KB, their decision times of about 15 KB, and packed days of about 200 KB. Each record holds
 * random bytes (nothing for a compressor to shrink) and a small typed array, as the real ones do.
 * Each way reads each store `REPEATS` times, alternating; the median is the figure.
 *
 * The page is served by Playwright's router under an http origin (IndexedDB needs one); nothing
 * leaves the machine.
 */
import { chromium } from 'playwright-core';
import { chromiumPath } from '../fixtures/browser';

const REPEATS = 9;
const SHAPES = [
  { name: 'day totals', records: 116, bytes: 4_000 },
  { name: 'decision times', records: 116, bytes: 15_000 },
  { name: 'packed days', records: 116, bytes: 200_000 },
];

/** Runs in the page: fills a store with `records` records, then times both reads alternately. */
const PAGE_SCRIPT = `
window.measure = async ({ records, bytes, repeats }) => {
  const name = 'bench-' + bytes;
  await new Promise((done) => { const q = indexedDB.deleteDatabase(name); q.onsuccess = q.onerror = () => done(); });
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('days', { keyPath: 'day' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const fill = db.transaction('days', 'readwrite');
  for (let i = 0; i < records; i++) {
    const data = new Uint8Array(bytes);
    crypto.getRandomValues(data.subarray(0, Math.min(bytes, 65536)));
    for (let k = 65536; k < bytes; k += 65536) data.set(data.subarray(0, Math.min(65536, bytes - k)), k);
    fill.objectStore('days').put({ day: 20000 + i, data, ends: new Uint32Array(40) });
  }
  await new Promise((done) => { fill.oncomplete = done; });
  const ways = {
    getAll: (store) => { const q = store.getAll(); return () => q.result; },
    keysThenGets: (store) => {
      const gets = [];
      const keys = store.getAllKeys();
      keys.onsuccess = () => { for (const key of keys.result) gets.push(store.get(key)); };
      return () => gets.map((g) => g.result);
    },
  };
  const times = { getAll: [], keysThenGets: [] };
  for (let r = 0; r < repeats; r++) {
    for (const way of r % 2 ? ['keysThenGets', 'getAll'] : ['getAll', 'keysThenGets']) {
      const started = performance.now();
      const tx = db.transaction('days', 'readonly');
      const result = ways[way](tx.objectStore('days'));
      await new Promise((done) => { tx.oncomplete = done; });
      if (result().length !== records) throw new Error(way + ' read ' + result().length + ' records');
      times[way].push(performance.now() - started);
    }
  }
  db.close();
  return times;
};`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.route('http://bench.invalid/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><script>${PAGE_SCRIPT}</script>` }),
    );
    await page.goto('http://bench.invalid/');
    console.log('$ npm run bench:idb\n');
    console.log('Reading every record of a store in one transaction (Chromium, median of %d, ms)\n', REPEATS);
    console.log('| records | getAll | keys, then a get per key | ratio |');
    console.log('|---|---:|---:|---:|');
    for (const shape of SHAPES) {
      const times = (await page.evaluate(`window.measure(${JSON.stringify({ ...shape, repeats: REPEATS })})`)) as {
        getAll: number[];
        keysThenGets: number[];
      };
      const a = median(times.getAll);
      const b = median(times.keysThenGets);
      const size = shape.bytes >= 1000 ? `${shape.bytes / 1000} KB` : `${shape.bytes} B`;
      console.log(
        `| ${shape.records} ${shape.name} of ${size} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(a / b).toFixed(2)}× |`,
      );
    }
  } finally {
    await browser.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
