/**
 * Paints drawables and laser pointers onto the overlay canvas, mapped through the current crop onto the
 * displayed video (see mapping.ts). The 2D context is an interface so tests can record what is drawn.
 */
import type { Size } from '../crop/geometry';
import { type CropGeometry, type Point, sourceToView, viewScale } from './mapping';
import { type Drawable, isFreehand, VANISH_MS } from './model';

export type Overlay2D = Pick<
  CanvasRenderingContext2D,
  | 'save' | 'restore' | 'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'fill' | 'arc' | 'ellipse' | 'strokeRect'
  | 'fillText' | 'clearRect' | 'closePath'
> & {
  strokeStyle: string | CanvasGradient | CanvasPattern;
  fillStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  globalAlpha: number;
  font: string;
};

/** A remote or local laser pointer: where, whose color, and a name to show next to it. */
export interface LaserPointer {
  position: Point;
  color: string;
  label: string;
}

/**
 * The colours of the pointers a page draws for others (its own is drawn in the tool's colour): the other side's
 * (the agent's on the customer's and the observer's pages, the customer's on the agent's own share) in one fixed
 * red that reads on any screen; a colleague's (another agent's or an observer's, on the console) in blue, so the
 * agent tells the two apart.
 */
export const POINTER_COLORS = { otherSide: '#e5302a', colleague: '#1f5fd6' } as const;

export function renderOverlay(
  ctx: Overlay2D,
  box: Size,
  geometry: CropGeometry,
  drawables: readonly Drawable[],
  pointers: readonly LaserPointer[],
  now: number,
): void {
  ctx.clearRect(0, 0, box.w, box.h);
  const scale = viewScale(geometry, box);
  const map = (p: Point) => sourceToView(p, geometry, box);
  for (const d of drawables) {
    const alpha = opacity(d, now);
    if (alpha <= 0) continue;
    ctx.save();
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = d.color;
    ctx.fillStyle = d.color;
    ctx.lineWidth = Math.max(1, d.width * scale * (d.tool === 'highlighter' ? 3 : 1));
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    drawOne(ctx, d, map, scale);
    ctx.restore();
  }
  for (const p of pointers) drawLaser(ctx, map(p.position), p);
}

/** Highlighter is translucent; vanishing ink fades out linearly over VANISH_MS after it was finished. */
export function opacity(d: Drawable, now: number): number {
  if (d.tool === 'highlighter') return 0.35;
  if (d.tool === 'vanish') return Math.max(0, 1 - (now - d.createdAt) / VANISH_MS);
  return 1;
}

function drawOne(ctx: Overlay2D, d: Drawable, map: (p: Point) => Point, scale: number): void {
  const pts = d.points.map(map);
  if (pts.length === 0) return;
  if (isFreehand(d.tool)) {
    ctx.beginPath();
    ctx.moveTo(pts[0].x, pts[0].y);
    for (const p of pts.slice(1)) ctx.lineTo(p.x, p.y);
    ctx.stroke();
    return;
  }
  const [a, b = a] = pts;
  switch (d.tool) {
    case 'rect':
      ctx.strokeRect(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.abs(b.x - a.x), Math.abs(b.y - a.y));
      break;
    case 'ellipse':
      ctx.beginPath();
      ctx.ellipse((a.x + b.x) / 2, (a.y + b.y) / 2, Math.abs(b.x - a.x) / 2, Math.abs(b.y - a.y) / 2, 0, 0, 2 * Math.PI);
      ctx.stroke();
      break;
    case 'arrow':
      drawArrow(ctx, a, b);
      break;
    case 'text':
      ctx.font = `${Math.max(10, Math.round(d.width * 6 * scale))}px system-ui, sans-serif`;
      ctx.fillText(d.text ?? '', a.x, a.y);
      break;
  }
}

function drawArrow(ctx: Overlay2D, a: Point, b: Point): void {
  const angle = Math.atan2(b.y - a.y, b.x - a.x);
  const head = Math.max(10, ctx.lineWidth * 4);
  ctx.beginPath();
  ctx.moveTo(a.x, a.y);
  ctx.lineTo(b.x, b.y);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(b.x, b.y);
  ctx.lineTo(b.x - head * Math.cos(angle - Math.PI / 6), b.y - head * Math.sin(angle - Math.PI / 6));
  ctx.lineTo(b.x - head * Math.cos(angle + Math.PI / 6), b.y - head * Math.sin(angle + Math.PI / 6));
  ctx.closePath();
  ctx.fill();
}

function drawLaser(ctx: Overlay2D, at: Point, p: LaserPointer): void {
  ctx.save();
  ctx.fillStyle = p.color;
  ctx.globalAlpha = 0.35;
  ctx.beginPath();
  ctx.arc(at.x, at.y, 14, 0, 2 * Math.PI);
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.beginPath();
  ctx.arc(at.x, at.y, 5, 0, 2 * Math.PI);
  ctx.fill();
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillText(p.label, at.x + 16, at.y + 4);
  ctx.restore();
}
