/**
 * Loaders for the labelled public data in ../shared/datasets (beside the checkout). Nothing
 * from there is committed or bundled; benchmarks and the fit script read it at run time.
 * Override the location with REPLYGUARD_DATASETS.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (two levels above tests/bench). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The datasets directory, or null when it is missing. */
export function datasetsDir(): string | null {
  const dir = process.env.REPLYGUARD_DATASETS || path.resolve(repoRoot, '..', 'shared', 'datasets');
  return existsSync(dir) ? dir : null;
}

/** Prints why the benchmark cannot run and exits 0 (missing data is not a failure). */
export function requireDatasets(): string {
  const dir = datasetsDir();
  if (dir) return dir;
  const tried = process.env.REPLYGUARD_DATASETS || path.resolve(repoRoot, '..', 'shared', 'datasets');
  console.log(`Datasets not found at ${tried}. Put ../shared/datasets beside the checkout or set REPLYGUARD_DATASETS.`);
  process.exit(0);
}

function read(dir: string, ...parts: string[]): string {
  return readFileSync(path.join(dir, ...parts), 'utf8').replace(/^\uFEFF/, '');
}

/** RFC 4180-style CSV: quoted fields, doubled quotes, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export type Polarity = 'negative' | 'neutral' | 'positive';

/** A labelled sentiment example. */
export interface SentimentExample {
  text: string;
  label: Polarity;
}

/** A labelled sarcasm example. */
export interface SarcasmExample {
  text: string;
  sarcastic: boolean;
}

/** TweetEval sentiment, test split (eval only). */
export function tweetEval(dir: string): SentimentExample[] {
  const texts = read(dir, 'tweeteval-sentiment', 'test_text.txt').split('\n');
  const labels = read(dir, 'tweeteval-sentiment', 'test_labels.txt').split('\n');
  const names: Polarity[] = ['negative', 'neutral', 'positive'];
  const out: SentimentExample[] = [];
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]?.trim();
    if (!l) continue;
    out.push({ text: texts[i] ?? '', label: names[Number(l)] as Polarity });
  }
  return out;
}

/** Sentiment140 hand-labelled test set, 3 classes (eval only). */
export function sentiment140(dir: string): SentimentExample[] {
  const rows = parseCsv(read(dir, 'sentiment140-test', 'testdata.manual.2009.06.14.csv'));
  const map: Record<string, Polarity> = { '0': 'negative', '2': 'neutral', '4': 'positive' };
  return rows
    .slice(1)
    .filter((r) => r.length >= 6 && map[r[0] as string])
    .map((r) => ({ text: r[5] as string, label: map[r[0] as string] as Polarity }));
}

/** SST-2 GLUE dev (eval only). */
export function sst2(dir: string): SentimentExample[] {
  return read(dir, 'sst2', 'glue_dev_872.tsv')
    .split('\n')
    .slice(1)
    .filter((l) => l.includes('\t'))
    .map((l) => {
      const [text, label] = l.split('\t');
      return { text: text ?? '', label: label?.trim() === '1' ? 'positive' : 'negative' };
    });
}

/** UCI sentiment labelled sentences (eval only); split on \n only (imdb has U+0085). */
export function uci(dir: string, source: 'amazon' | 'yelp' | 'imdb'): SentimentExample[] {
  const file = { amazon: 'amazon_cells_labelled.txt', yelp: 'yelp_labelled.txt', imdb: 'imdb_labelled.txt' }[source];
  return read(dir, 'uci-sentiment-labelled-sentences', file)
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => /\t[01]\s*$/.test(l))
    .map((l) => {
      const tab = l.lastIndexOf('\t');
      return { text: l.slice(0, tab), label: l.slice(tab + 1).trim() === '1' ? 'positive' : 'negative' };
    });
}

/** VADER ground truth snippets with mean human rating -4..4 (train ok). */
export function vaderGroundTruth(dir: string): { text: string; rating: number; source: string }[] {
  const out: { text: string; rating: number; source: string }[] = [];
  for (const source of ['tweets', 'amazonReviewSnippets', 'movieReviewSnippets', 'nytEditorialSnippets']) {
    for (const line of read(dir, 'vader-ground-truth', `${source}_GroundTruth.txt`).split('\n')) {
      const parts = line.replace(/\r$/, '').split('\t');
      if (parts.length < 3) continue;
      const rating = Number(parts[1]);
      if (!Number.isFinite(rating)) continue;
      out.push({ text: parts.slice(2).join('\t'), rating, source });
    }
  }
  return out;
}

/** iSarcasmEval train split (train ok). */
export function isarcasmTrain(dir: string): SarcasmExample[] {
  const rows = parseCsv(read(dir, 'isarcasmeval', 'train__train.En.csv'));
  return rows
    .slice(1)
    .filter((r) => r.length >= 3 && (r[1] ?? '').trim() !== '')
    .map((r) => ({ text: r[1] as string, sarcastic: r[2] === '1' }));
}

/** iSarcasmEval test task A (eval only: report on it, never fit on it). */
export function isarcasmTest(dir: string): SarcasmExample[] {
  const rows = parseCsv(read(dir, 'isarcasmeval', 'test__task_A_En_test.csv'));
  return rows
    .slice(1)
    .filter((r) => r.length >= 2)
    .map((r) => ({ text: r[0] as string, sarcastic: r[1]?.trim() === '1' }));
}

/** Riloff tweets or news headlines, train+test, alternating text/label lines (eval only). */
export function riloffHeadlines(dir: string, which: 'riloff' | 'headlines'): SarcasmExample[] {
  const out: SarcasmExample[] = [];
  for (const split of ['train', 'test']) {
    const lines = read(dir, 'sarcasm-riloff-headlines', `${which}__${split}.raw`).split('\n');
    for (let i = 0; i + 1 < lines.length; i += 2) {
      const label = lines[i + 1]?.trim();
      if (label !== '0' && label !== '1') continue;
      out.push({ text: lines[i] ?? '', sarcastic: label === '1' });
    }
  }
  return out;
}

/** Bitext customer-service utterances with intents (train ok). */
export function bitext(dir: string): { text: string; intent: string; flags: string }[] {
  const rows = parseCsv(read(dir, 'bitext-customer-service-8k', 'Bitext_Sample_Customer_Service_Training_Dataset.csv'));
  return rows
    .slice(1)
    .filter((r) => r.length >= 4)
    .map((r) => ({ flags: r[0] as string, text: r[1] as string, intent: r[3] as string }));
}

/** Stanford politeness requests with normalised politeness score (train ok). */
export function politeness(dir: string): { text: string; score: number }[] {
  const out: { text: string; score: number }[] = [];
  for (const file of ['wikipedia.annotated.csv', 'stack-exchange.annotated.csv']) {
    const rows = parseCsv(read(dir, 'stanford-politeness', file));
    for (const r of rows.slice(1)) {
      const score = Number(r[r.length - 1]);
      if (r.length >= 14 && Number.isFinite(score)) out.push({ text: r[2] as string, score });
    }
  }
  return out;
}

/**
 * Turns the literal escapes some tweet sets keep (`\u2019`, `\u002c`) back into characters, as
 * the datasets README asks, so fitting and measuring read the text a person wrote.
 */
export function decodeEscapes(text: string): string {
  if (!text.includes('\\u')) return text;
  return text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function jsonl<T>(dir: string, ...parts: string[]): T[] {
  return read(dir, ...parts)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** SemEval-2013..2016 English tweets, 3 classes (train ok; stands in for TweetEval train). */
export function semevalTrain(dir: string): (SentimentExample & { source: string })[] {
  return jsonl<{ text: string; label: Polarity; source: string }>(dir, 'semeval2017-4a-train', 'train.jsonl').map(
    (r) => ({ text: decodeEscapes(r.text), label: r.label, source: r.source }),
  );
}

/** GLUE SST-2 train phrases, 2 classes (train ok). */
export function sst2Train(dir: string): SentimentExample[] {
  return jsonl<{ text: string; label: number }>(dir, 'sst2-train', 'train.jsonl').map((r) => ({
    text: r.text,
    label: r.label === 1 ? 'positive' : 'negative',
  }));
}

/** Sentiment140 training tweets (emoticon labels), 2 classes (train ok). */
export function sentiment140Train(dir: string): SentimentExample[] {
  return jsonl<{ text: string; label: Polarity }>(dir, 'sentiment140-train-100k', 'train.jsonl').map((r) => ({
    text: r.text,
    label: r.label,
  }));
}

/** GoEmotions train split: Reddit comments with emotion labels (train ok). */
export function goEmotions(dir: string): { text: string; labels: string[] }[] {
  return jsonl<{ text: string; label: string[] }>(dir, 'goemotions-train', 'train.jsonl').map((r) => ({
    text: r.text,
    labels: r.label,
  }));
}

/** TweetEval irony train (SemEval-2018 3A), ironic 0/1 (train ok). */
export function ironyTrain(dir: string): SarcasmExample[] {
  return jsonl<{ text: string; label: number }>(dir, 'tweeteval-irony-train', 'train.jsonl').map((r) => ({
    text: decodeEscapes(r.text),
    sarcastic: r.label === 1,
  }));
}

/** MUStARD TV-dialogue utterances with their context (train ok). */
export function mustard(dir: string): (SarcasmExample & { context: string[] })[] {
  return jsonl<{ text: string; label: number; context: string[] }>(dir, 'mustard-sarcasm', 'mustard.jsonl').map(
    (r) => ({ text: r.text, sarcastic: r.label === 1, context: r.context }),
  );
}

/** The XLM-T languages ReplyGuard reads, by the names the data files use. */
export const XLMT_LANGUAGES = {
  arabic: 'ar',
  french: 'fr',
  german: 'de',
  hindi: 'hi',
  italian: 'it',
  portuguese: 'pt',
  spanish: 'es',
} as const;

/** A multilingual sentiment example with its ISO 639-1 language. */
export interface LanguageExample extends SentimentExample {
  lang: string;
}

function xlmt(dir: string, folder: string): LanguageExample[] {
  const out: LanguageExample[] = [];
  for (const r of jsonl<{ text: string; label: Polarity; lang: string }>(
    dir,
    folder,
    `${folder.endsWith('test') ? 'test' : 'train'}.jsonl`,
  )) {
    const lang = XLMT_LANGUAGES[r.lang as keyof typeof XLMT_LANGUAGES];
    if (lang) out.push({ text: decodeEscapes(r.text), label: r.label, lang });
  }
  return out;
}

/** XLM-T train split, seven languages (train ok). */
export function xlmtTrain(dir: string): LanguageExample[] {
  return xlmt(dir, 'xlm-t-sentiment-train');
}

/** XLM-T test split, the same seven languages (English left out: it is in TweetEval). Eval only. */
export function xlmtTest(dir: string): LanguageExample[] {
  return xlmt(dir, 'xlm-t-sentiment-test');
}
