import { describe, expect, it } from 'vitest';
import { type Drawable, fading } from './model';
import { opacity, type Overlay2D, renderOverlay } from './renderer';

/** Records every call and property write on a fake 2D context. */
function recorder() {
  const calls: string[] = [];
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (_t, name: string) => (...args: number[]) => calls.push(`${name}(${args.map((a) => (typeof a === 'number' ? Math.round(a) : a)).join(',')})`),
    set: (_t, name: string, v) => {
      calls.push(`${name}=${v}`);
      return true;
    },
  }) as unknown as Overlay2D;
  return { ctx, calls };
}

const geometry = { source: { w: 1000, h: 1000 }, crop: { x: 500, y: 0, w: 500, h: 500 } };
const box = { w: 500, h: 500 };
const d = (over: Partial<Drawable>): Drawable => ({
  id: 'd', authorId: 'a', tool: 'pen', color: '#f00', width: 2, points: [], createdAt: 0, ...over,
});

describe('renderOverlay', () => {
  it('draws a pen stroke through the crop onto the video box', () => {
    const r = recorder();
    renderOverlay(r.ctx, box, geometry, [d({ points: [{ x: 0.5, y: 0 }, { x: 1, y: 0.5 }] })], [], 0);
    expect(r.calls).toContain('moveTo(0,0)');
    expect(r.calls).toContain('lineTo(500,500)');
    expect(r.calls).toContain('lineWidth=2');
  });

  it('draws shapes from their two corners', () => {
    const r = recorder();
    renderOverlay(r.ctx, box, geometry, [d({ tool: 'rect', points: [{ x: 0.6, y: 0.1 }, { x: 0.7, y: 0.3 }] })], [], 0);
    expect(r.calls).toContain('strokeRect(100,100,100,200)');
  });

  it('clears first and draws laser pointers last', () => {
    const r = recorder();
    renderOverlay(r.ctx, box, geometry, [], [{ position: { x: 0.75, y: 0.25 }, color: '#0af', label: 'Agent' }], 0);
    expect(r.calls[0]).toBe('clearRect(0,0,500,500)');
    expect(r.calls).toContain('fillText(Agent,266,254)');
  });

  it('skips vanishing ink that has faded out', () => {
    const r = recorder();
    renderOverlay(r.ctx, box, geometry, [d({ tool: 'vanish', points: [{ x: 0.6, y: 0.1 }] })], [], 10_000);
    expect(r.calls).toEqual(['clearRect(0,0,500,500)']);
  });
});

describe('opacity', () => {
  it('fades vanishing ink linearly and keeps the highlighter translucent', () => {
    expect(opacity(d({ tool: 'vanish' }), 1500)).toBeCloseTo(0.5);
    expect(opacity(d({ tool: 'highlighter' }), 0)).toBe(0.35);
    expect(opacity(d({ tool: 'pen' }), 99_999)).toBe(1);
  });
});

describe('fading', () => {
  it('asks for another frame while vanishing ink still shows, and stops once it has faded', () => {
    const ink = d({ tool: 'vanish', createdAt: 1_000 });
    expect(fading([d({}), ink], 3_999)).toBe(true);
    expect(fading([d({}), ink], 4_000)).toBe(false);
    expect(fading([d({ tool: 'pen' })], 0)).toBe(false);
  });
});
