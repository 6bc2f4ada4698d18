import { describe, expect, it } from 'vitest';
import { isArabicWord, normaliseArabic, stripArabicPrefixes } from '@/lib/engine/nlp/arabic';

describe('Arabic normalisation', () => {
  it.each([
    ['مُمْتَاز', 'ممتاز', 'tashkeel removed'],
    ['جمـــيل', 'جميل', 'tatweel removed'],
    ['إلى', 'الي', 'alef and ya folded'],
    ['آسف', 'اسف', 'alef madda folded'],
    ['شركة', 'شركه', 'ta-marbuta folded'],
  ])('normalises %s to %s (%s)', (word, normal) => {
    expect(normaliseArabic(word)).toBe(normal);
  });

  it.each([
    ['والخدمه', 'خدمه'],
    ['بالخدمه', 'خدمه'],
    ['للشركه', 'شركه'],
    ['الخدمه', 'خدمه'],
    // Too short to be و + word, or article + word: left as they are.
    ['ولد', 'ولد'],
    ['الم', 'الم'],
  ])('strips "and" and the article from %s only when enough is left: %s', (word, stem) => {
    expect(stripArabicPrefixes(word)).toBe(stem);
  });

  it.each([
    ['خدمة', true],
    ['service', false],
    ['नहीं', false],
  ])('reads %s as an Arabic word: %s', (word, arabic) => {
    expect(isArabicWord(word)).toBe(arabic);
  });
});
