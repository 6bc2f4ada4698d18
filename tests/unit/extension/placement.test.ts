import { describe, expect, it } from 'vitest';
import { PANEL_WIDTH, placePanel } from '@/lib/overlay/placement';

const viewport = { width: 1280, height: 860 };

describe('placePanel', () => {
  it('goes to the right of the composer when there is room', () => {
    const p = placePanel({ top: 500, left: 88, width: 760, height: 200 }, viewport, 300);
    expect(p).toMatchObject({ side: 'right', left: 856, top: 500, width: PANEL_WIDTH });
  });

  it('goes to the left when the composer hugs the right edge', () => {
    const p = placePanel({ top: 300, left: 500, width: 760, height: 200 }, viewport, 300);
    expect(p.side).toBe('left');
    expect(p.left + p.width).toBeLessThanOrEqual(500);
  });

  it('goes above a full-width composer, never below it where the send controls are', () => {
    const p = placePanel({ top: 600, left: 0, width: 1280, height: 200 }, viewport, 300);
    expect(p.side).toBe('above');
    expect(p.top + (p.maxHeight ?? 300)).toBeLessThanOrEqual(600);
  });

  it('docks in the corner when a full-width composer fills the top of the screen', () => {
    const p = placePanel({ top: 40, left: 0, width: 1280, height: 700 }, viewport, 300);
    expect(p.side).toBe('corner');
  });

  it('keeps a tall panel inside the viewport', () => {
    const p = placePanel({ top: 800, left: 88, width: 600, height: 40 }, viewport, 400);
    expect(p.top + 400).toBeLessThanOrEqual(viewport.height);
  });
});
