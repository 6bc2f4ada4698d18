import { describe, expect, it } from 'vitest';
import { isArabicWord, normaliseArabic, stripArabicPrefixes } from '@/lib/engine/nlp/arabic';

describe('Arabic normalisation', () => {
  it('removes tashkeel and tatweel and folds alef, ya and ta-marbuta forms', () => {
    expect(normaliseArabic('مُمْتَاز')).toBe('ممتاز');
    expect(normaliseArabic('جمـــيل')).toBe('جميل');
    expect(normaliseArabic('إلى')).toBe('الي');
    expect(normaliseArabic('آسف')).toBe('اسف');
    expect(normaliseArabic('شركة')).toBe('شركه');
  });

  it('strips "and" and the article when enough of the word is left', () => {
    expect(stripArabicPrefixes('والخدمه')).toBe('خدمه');
    expect(stripArabicPrefixes('بالخدمه')).toBe('خدمه');
    expect(stripArabicPrefixes('للشركه')).toBe('شركه');
    expect(stripArabicPrefixes('الخدمه')).toBe('خدمه');
    // Too short to be و + word, or article + word: left as they are.
    expect(stripArabicPrefixes('ولد')).toBe('ولد');
    expect(stripArabicPrefixes('الم')).toBe('الم');
  });

  it('touches only Arabic words', () => {
    expect(isArabicWord('خدمة')).toBe(true);
    expect(isArabicWord('service')).toBe(false);
    expect(isArabicWord('नहीं')).toBe(false);
  });
});
