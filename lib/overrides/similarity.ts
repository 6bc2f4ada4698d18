import { diffWords } from 'diff';

/** Folds what no reader would call an edit: runs of white space, zero-width characters, edge spaces. */
export function normalizeForCompare(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** How a sent text differs from the suggestion. */
export interface TextComparison {
  /** 2·common / (a + b) over characters of the word diff; 1 means identical after normalising white space. */
  similarity: number;
  /** Characters inserted plus deleted. */
  editSize: number;
}

/** Compares suggestion and sent text with a word diff (jsdiff), ignoring white-space-only changes. */
export function compareTexts(suggestion: string, sent: string): TextComparison {
  const a = normalizeForCompare(suggestion);
  const b = normalizeForCompare(sent);
  if (a === b) return { similarity: 1, editSize: 0 };
  let common = 0;
  let changed = 0;
  for (const part of diffWords(a, b)) {
    if (part.added || part.removed) changed += part.value.length;
    else common += part.value.length;
  }
  return { similarity: Math.round(((2 * common) / (a.length + b.length)) * 1000) / 1000, editSize: changed };
}

/** Shorthand for `compareTexts(...).similarity`. */
export function similarity(suggestion: string, sent: string): number {
  return compareTexts(suggestion, sent).similarity;
}
