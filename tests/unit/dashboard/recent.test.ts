import { describe, expect, it } from 'vitest';
import { Recent } from '@/components/dashboard/recent';

describe('Recent (the last few filters’ results)', () => {
  it('computes once per key and keeps the most recently used', () => {
    const recent = new Recent<number>(2);
    let runs = 0;
    const square = (n: number) => () => {
      runs += 1;
      return n * n;
    };
    expect(recent.get('a', square(2))).toBe(4);
    expect(recent.get('b', square(3))).toBe(9);
    expect(recent.get('a', square(99))).toBe(4);
    expect(runs).toBe(2);
    // 'b' is now the least recently used: a third key drops it, not 'a'.
    expect(recent.get('c', square(4))).toBe(16);
    expect(recent.get('a', square(99))).toBe(4);
    expect(recent.get('b', square(5))).toBe(25);
    expect(runs).toBe(4);
  });

  it('keeps a result that is falsy', () => {
    const recent = new Recent<number | null>();
    let runs = 0;
    const none = () => {
      runs += 1;
      return null;
    };
    recent.get('x', none);
    recent.get('x', none);
    expect(runs).toBe(1);
  });
});
