import { describe, expect, it } from 'vitest';
import { rangeFor } from '@/lib/hosts/text-model';
import { HighlightPainter } from '@/lib/overlay/highlights';
import { TextareaMirror } from '@/lib/overlay/textarea-mirror';

describe('TextareaMirror', () => {
  it('copies the field value into a text node that ranges can reach, leaving the field untouched', () => {
    document.body.innerHTML = '<textarea id="t"></textarea><div id="host"></div>';
    const field = document.getElementById('t') as HTMLTextAreaElement;
    field.value = 'Hi {{first_name}}, here is your refund.';
    const host = document.getElementById('host') as HTMLElement;
    const mirror = new TextareaMirror(field, host);
    const model = mirror.sync();
    expect(model.text).toBe(field.value);
    const start = field.value.indexOf('{{first_name}}');
    expect(rangeFor(model, start, start + 14)?.toString()).toBe('{{first_name}}');
    expect(host.querySelectorAll('.rg-mirror')).toHaveLength(1);
    expect(field.outerHTML).toBe('<textarea id="t"></textarea>');

    field.value = 'Edited.';
    expect(mirror.sync().text).toBe('Edited.');
    mirror.dispose();
    expect(host.querySelectorAll('.rg-mirror')).toHaveLength(0);
  });
});

describe('HighlightPainter without the Highlight API', () => {
  it('falls back to positioned boxes in our own layer', async () => {
    document.body.innerHTML = '<p id="p">We guarantee a refund.</p><div id="layer"></div>';
    const layer = document.getElementById('layer') as HTMLElement;
    const win = window as unknown as Window & typeof globalThis;
    const painter = new HighlightPainter(win, () => layer);
    expect(painter.supported).toBe(false);
    const text = document.getElementById('p')?.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 3);
    range.setEnd(text, 12);
    range.getClientRects = () => [{ top: 10, left: 20, width: 60, height: 16 }] as unknown as DOMRectList;
    painter.paint('warning', [range]);
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const box = layer.querySelector<HTMLElement>('[data-rg-box="warning"]');
    expect(box?.style.top).toBe('10px');
    expect(box?.style.width).toBe('60px');
    painter.clear();
    expect(layer.querySelectorAll('[data-rg-box]')).toHaveLength(0);
    painter.dispose();
  });
});
