/**
 * `npm run bench:idb`: three ways to read every record of an object store in Debian's Chromium,
 * side by side in the same browser, on records shaped like the dashboard's: `getAll` (what Dexie's
 * `toArray` uses on a table), a cursor (what it uses on an index's `anyOf`), and the keys first
 * (`getAllKeys`) then one `get` per key (what `readEach` in lib/db/early-read.ts and
 * `everyRecord` in lib/db/queries.ts do). Over one day's imported records (JSON text, compressed
 * by Chromium) the three ways were within 10% of each other here, so the detail view's read of a
 * day (`importedRowsById`) keeps its cursor.
 *
 * The shapes, from a million-row log (bench:dashboard --rows 1000000): 116 days' totals of about
 * 4 KB, their decision times of about 15 KB, packed days of about 200 KB, and one day's imported
 * records of about 210 KB. Each record holds random bytes and a small typed array, as the real
 * ones do, except the imported records, which hold rows as JSON text (Chromium compresses values
 * of 64 KB and more before storing them, which random bytes defeat).
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
  { name: "imported records (a day's, JSON text)", records: 35, bytes: 210_000, json: true },
];

/** Runs in the page: fills a store with `records` records, then times both reads alternately. */
const PAGE_SCRIPT = `
window.measure = async ({ records, bytes, json, repeats }) => {
  const name = 'bench-' + bytes;
  await new Promise((done) => { const q = indexedDB.deleteDatabase(name); q.onsuccess = q.onerror = () => done(); });
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('days', { keyPath: 'day' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const fill = db.transaction('days', 'readwrite');
  // Rows as JSON text (what imported records hold, which Chromium compresses), or random bytes.
  const rowsText = (n) => {
    const rows = [];
    for (let size = 2, k = 0; size < n; k++) {
      const row = JSON.stringify({ id: 'r-' + n + '-' + k, decidedAt: 1786524091065 + k * 997, agent: 'agent-' + (k % 120),
        outcome: ['accepted', 'edited', 'rejected'][k % 3], similarity: Math.random(), ticketHash: Math.random().toString(16).slice(2) + Math.random().toString(16).slice(2),
        sentText: 'Hi Maria, we are so glad you are enjoying the new update! Let us know if there is anything else we can help with. ' + k });
      rows.push(row);
      size += row.length + 1;
    }
    return '[' + rows.join(',') + ']';
  };
  for (let i = 0; i < records; i++) {
    let data;
    if (json) data = rowsText(bytes);
    else {
      data = new Uint8Array(bytes);
      crypto.getRandomValues(data.subarray(0, Math.min(bytes, 65536)));
      for (let k = 65536; k < bytes; k += 65536) data.set(data.subarray(0, Math.min(65536, bytes - k)), k);
    }
    fill.objectStore('days').put({ day: 20000 + i, data, ends: new Uint32Array(40) });
  }
  await new Promise((done) => { fill.oncomplete = done; });
  const ways = {
    getAll: (store) => { const q = store.getAll(); return () => q.result; },
    cursor: (store) => {
      const values = [];
      const walk = store.openCursor();
      walk.onsuccess = () => { const c = walk.result; if (c) { values.push(c.value); c.continue(); } };
      return () => values;
    },
    keysThenGets: (store) => {
      const gets = [];
      const keys = store.getAllKeys();
      keys.onsuccess = () => { for (const key of keys.result) gets.push(store.get(key)); };
      return () => gets.map((g) => g.result);
    },
  };
  const times = { getAll: [], cursor: [], keysThenGets: [] };
  const order = Object.keys(times);
  for (let r = 0; r < repeats; r++) {
    // Each repeat starts with another way, so none always reads right after the fill.
    for (let k = 0; k < order.length; k++) {
      const way = order[(r + k) % order.length];
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
    console.log('| records | getAll | a cursor | keys, then a get per key | getAll / by key |');
    console.log('|---|---:|---:|---:|---:|');
    for (const shape of SHAPES) {
      const times = (await page.evaluate(`window.measure(${JSON.stringify({ ...shape, repeats: REPEATS })})`)) as {
        getAll: number[];
        cursor: number[];
        keysThenGets: number[];
      };
      const a = median(times.getAll);
      const c = median(times.cursor);
      const b = median(times.keysThenGets);
      const size = shape.bytes >= 1000 ? `${shape.bytes / 1000} KB` : `${shape.bytes} B`;
      console.log(
        `| ${shape.records} ${shape.name} of ${size} | ${a.toFixed(1)} | ${c.toFixed(1)} | ${b.toFixed(1)} | ${(a / b).toFixed(2)}× |`,
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
