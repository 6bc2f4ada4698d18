import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/demo/random';
import { chooseBaseline, chooseBlockSize, cusum, DEFAULT_CUSUM, type DriftAlarm, toBlocks } from '@/lib/stats/drift';

const BLOCK = 25;

/** A 0/1 stream, one event a minute, rate `before` until `changeAt` and `after` from then on. */
function stream(seed: number, n: number, before: number, after = before, changeAt = n) {
  const random = seededRandom(seed);
  const times = Array.from({ length: n }, (_, i) => i * 60_000);
  const values = times.map((_, i) => (random() < (i < changeAt ? before : after) ? 1 : 0));
  return { times, values };
}

function run(s: ReturnType<typeof stream>, baselineObservations = 200) {
  return cusum(toBlocks(s.times, s.values, BLOCK), { ...DEFAULT_CUSUM, blockSize: BLOCK, baselineObservations });
}

// Stated delays (k = 0.5, h = 8, blocks of 25 events): a rise of 0.30 → 0.45 (about 1.6 standard
// deviations of a block mean) is detected within 20 observations (500 events) of the change; the
// estimated start is within 10 observations of the true one.
describe('CUSUM drift detector', () => {
  it('raises no alarm on stationary streams (20,000 events, several seeds and rates)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const p of [0.05, 0.3, 0.6]) {
        const result = run(stream(seed, 20_000, p));
        expect(result.ready).toBe(true);
        expect(result.alarms, `seed ${seed} p ${p}`).toEqual([]);
      }
    }
  });

  it('detects a rise in the override rate within the stated delay and dates its start', () => {
    const changeAt = 12_000;
    const changeBlock = changeAt / BLOCK;
    for (const seed of [11, 12, 13]) {
      const result = run(stream(seed, 20_000, 0.3, 0.45, changeAt));
      expect(result.alarms.length).toBeGreaterThanOrEqual(1);
      const alarm = result.alarms[0] as DriftAlarm;
      expect(alarm.direction).toBe('up');
      expect(alarm.detectIndex).toBeGreaterThanOrEqual(changeBlock);
      expect(alarm.detectIndex - changeBlock).toBeLessThanOrEqual(20);
      expect(Math.abs(alarm.startIndex - changeBlock)).toBeLessThanOrEqual(10);
      expect(alarm.endedAt).toBeNull();
      expect(alarm.level).toBeGreaterThan(0.4);
      expect(alarm.baseline).toBeCloseTo(0.3, 1);
    }
  });

  it('detects a fall as a downward alarm', () => {
    const result = run(stream(21, 20_000, 0.4, 0.2, 10_000));
    expect(result.alarms[0]?.direction).toBe('down');
    expect((result.alarms[0]?.detectIndex ?? -1) - 400).toBeLessThanOrEqual(10);
  });

  it('closes an alarm when the rate returns to the baseline', () => {
    const random = seededRandom(31);
    const n = 20_000;
    const times = Array.from({ length: n }, (_, i) => i);
    const values = times.map((i) => (random() < (i >= 8_000 && i < 10_000 ? 0.6 : 0.3) ? 1 : 0));
    const result = run({ times, values });
    expect(result.alarms).toHaveLength(1);
    expect(result.alarms[0]?.endedAt).toEqual(expect.any(Number));
  });

  it('never alarms before 30 observations, however large the jump', () => {
    const s = stream(41, 29 * BLOCK, 0.1, 0.9, 5 * BLOCK);
    const result = run(s, 10);
    expect(result.ready).toBe(false);
    expect(result.alarms).toEqual([]);
    // 31 observations with a jump right after a baseline forced up to 30: the first alarm is at index 30 or later.
    const t = run(stream(42, 40 * BLOCK, 0.1, 0.9, 30 * BLOCK), 5);
    expect(t.baselineCount).toBe(30);
    expect(t.alarms[0]?.detectIndex).toBeGreaterThanOrEqual(30);
  });

  it('does not blow up when the baseline rate is zero', () => {
    const s = stream(51, 10_000, 0, 0.02, 8_000);
    const result = run(s);
    expect(Number.isFinite(result.baselineSd)).toBe(true);
    expect(result.baselineSd).toBeGreaterThan(0);
  });

  it('chooses blocks and baselines that keep the chart small and the estimate steady', () => {
    expect(chooseBlockSize(100)).toBe(25);
    expect(chooseBlockSize(100_000)).toBe(334);
    expect(chooseBaseline(50)).toBe(30);
    expect(chooseBaseline(300)).toBe(90);
    expect(chooseBaseline(5_000)).toBe(200);
  });
});
