import { diffWords } from 'diff';

/** Folds what no reader would call an edit: runs of white space, zero-width characters, edge spaces. */
export function normalizeForCompare(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * How much of the suggestion survived into the sent text: 2·common / (a + b) over characters of
 * the word diff. 1 means identical after normalising white space.
 */
export function similarity(suggestion: string, sent: string): number {
  const a = normalizeForCompare(suggestion);
  const b = normalizeForCompare(sent);
  if (a === b) return 1;
  if (a.length + b.length === 0) return 1;
  let common = 0;
  for (const part of diffWords(a, b)) if (!part.added && !part.removed) common += part.value.length;
  return Math.round(((2 * common) / (a.length + b.length)) * 1000) / 1000;
}
