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

  it('goes above a full-width composer', () => {
    const p = placePanel({ top: 600, left: 0, width: 1280, height: 200 }, viewport, 300);
    expect(p.side).toBe('above');
    expect(p.top + (p.maxHeight ?? 300)).toBeLessThanOrEqual(600);
  });

  it("steers clear of the helpdesk's controls (an AI card's insert button beside the composer)", () => {
    const anchor = { top: 500, left: 88, width: 760, height: 200 };
    const insert = { top: 520, left: 900, width: 80, height: 30 };
    const p = placePanel(anchor, viewport, 300, [insert]);
    expect(p.side).not.toBe('right');
    const box = { top: p.top, left: p.left, width: p.width, height: p.maxHeight ?? 300 };
    const clear =
      box.left + box.width <= insert.left ||
      box.top + box.height <= insert.top ||
      box.top >= insert.top + insert.height;
    expect(clear).toBe(true);
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
