import { describe, expect, it } from 'vitest';
import { type Box, PANEL_WIDTH, PILL_SIZE, placeOverlay } from '@/lib/overlay/placement';

const viewport = { width: 1280, height: 860 };
const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
const boxOf = (p: { top: number; left: number; width: number; height: number }): Box => ({
  top: p.top,
  left: p.left,
  width: p.width,
  height: p.height,
});

describe('placeOverlay', () => {
  it('puts the panel to the right of the composer, top aligned, when there is room', () => {
    const composer = { top: 500, left: 88, width: 760, height: 200 };
    const p = placeOverlay({ viewport, composer, obstacles: [], panelHeight: 300, wantPanel: true });
    expect(p).toMatchObject({ mode: 'panel', side: 'right', width: PANEL_WIDTH, height: 300 });
    expect(p.left).toBeGreaterThanOrEqual(848);
    expect(Math.abs(p.top - 500)).toBeLessThanOrEqual(8);
  });

  it('goes left of a composer that hugs the right edge', () => {
    const composer = { top: 300, left: 500, width: 770, height: 200 };
    const p = placeOverlay({ viewport, composer, obstacles: [], panelHeight: 300, wantPanel: true });
    expect(p.side).toBe('left');
    expect(p.left + p.width).toBeLessThanOrEqual(500);
  });

  it('never covers a control, the composer, or anything it was told to avoid', () => {
    const composer = { top: 200, left: 280, width: 700, height: 240 };
    // A FreeScout-like page: toolbar above, send row below, a sidebar with a link and a gear.
    const obstacles: Box[] = [
      { top: 60, left: 280, width: 700, height: 40 },
      { top: 450, left: 850, width: 130, height: 36 },
      { top: 180, left: 1020, width: 160, height: 18 },
      { top: 70, left: 1240, width: 24, height: 24 },
      { top: 520, left: 280, width: 700, height: 300 }, // the thread's messages
    ];
    for (const wantPanel of [true, false]) {
      const p = placeOverlay({ viewport, composer, obstacles, panelHeight: 360, wantPanel });
      expect(p.mode).toBe(wantPanel ? 'panel' : 'pill');
      for (const o of [composer, ...obstacles]) expect(overlaps(boxOf(p), o)).toBe(false);
    }
  });

  it('narrows and shortens the panel before giving up on it, then falls back to the pill', () => {
    const composer = { top: 100, left: 8, width: 980, height: 600 };
    const narrow = placeOverlay({ viewport, composer, obstacles: [], panelHeight: 500, wantPanel: true });
    expect(narrow.mode).toBe('panel');
    expect(narrow.width).toBeLessThan(PANEL_WIDTH);
    const crowded = placeOverlay({
      viewport,
      composer: { top: 0, left: 0, width: 1040, height: 860 },
      obstacles: [],
      panelHeight: 500,
      wantPanel: true,
    });
    expect(crowded).toMatchObject({ mode: 'pill', width: PILL_SIZE.width });
    expect(crowded.left).toBeGreaterThanOrEqual(1040);
  });

  it('shows the pill near the bottom-right corner before any composer exists', () => {
    const p = placeOverlay({ viewport, composer: null, obstacles: [], panelHeight: 300, wantPanel: true });
    expect(p.mode).toBe('pill');
    expect(p.left + p.width).toBeGreaterThan(viewport.width - 40);
    expect(p.top + p.height).toBeGreaterThan(viewport.height - 40);
  });

  it('moves off a button sitting in the bottom-right corner', () => {
    const button = { top: 800, left: 1150, width: 120, height: 50 };
    const p = placeOverlay({ viewport, composer: null, obstacles: [button], panelHeight: 300, wantPanel: true });
    expect(overlaps(boxOf(p), button)).toBe(false);
  });

  it('goes where the agent moved it while that spot is free, and as near as it can when it is not', () => {
    const preferred = { left: 40, top: 40 };
    const free = placeOverlay({
      viewport,
      composer: null,
      obstacles: [],
      panelHeight: 300,
      wantPanel: true,
      preferred,
    });
    expect([free.left, free.top]).toEqual([40, 40]);
    const menu = { top: 30, left: 30, width: 200, height: 120 };
    const moved = placeOverlay({
      viewport,
      composer: null,
      obstacles: [menu],
      panelHeight: 300,
      wantPanel: true,
      preferred,
    });
    expect(overlaps(boxOf(moved), menu)).toBe(false);
    expect(Math.hypot(moved.left - 40, moved.top - 40)).toBeLessThan(200);
  });

  it('hides rather than cover a control when the page has no free spot at all', () => {
    const wall = { top: 0, left: 0, width: 1280, height: 860 };
    expect(placeOverlay({ viewport, composer: null, obstacles: [wall], panelHeight: 300, wantPanel: true }).mode).toBe(
      'hidden',
    );
  });
});
