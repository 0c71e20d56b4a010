/**
 * The client's drawing model: what the overlay renders. Points are normalized to the source (see mapping.ts),
 * widths are in source pixels. When the annotation-service messages exist (contracts' JSON Schemas, generated
 * into src/generated), annotations/ maps them onto this model; the renderer never sees wire messages.
 */
import type { Point } from './mapping';
import { type MessageKey } from '../i18n';

/** The wire's names (contracts' stroke `tool` and shape `kind`), so nothing translates between the two. */
export type FreehandTool = 'pen' | 'highlighter' | 'vanish';
export type ShapeTool = 'arrow' | 'rect' | 'ellipse' | 'text';
export type Tool = 'laser' | FreehandTool | ShapeTool;

/** Tools that leave something on the board (the laser pointer is volatile, never state). */
export type DrawingTool = Exclude<Tool, 'laser'>;

export interface Drawable {
  id: string;
  authorId: string;
  tool: DrawingTool;
  color: string;
  /** Line width in source pixels. */
  width: number;
  /** Freehand tools: every point; shapes: [start, end]; text: [anchor]. */
  points: Point[];
  text?: string;
  /** Local time the drawable was finished, ms: vanishing ink fades from then. */
  createdAt: number;
}

/** A drawable of a freehand tool: what live ink streams. */
export type FreehandDrawable = Drawable & { tool: FreehandTool };

export function isFreehandDrawable(d: Drawable): d is FreehandDrawable {
  return isFreehand(d.tool);
}

/** Freehand tools keep every point; the others are defined by a start and an end. */
export function isFreehand(tool: DrawingTool): tool is FreehandTool {
  return tool === 'pen' || tool === 'highlighter' || tool === 'vanish';
}

/** How long vanishing ink stays before it has faded completely, ms. */
export const VANISH_MS = 3000;

/** Some vanishing ink is still fading at `now`: a canvas showing it must paint the next frame too. */
export function fading(drawables: readonly Drawable[], now: number): boolean {
  return drawables.some((d) => d.tool === 'vanish' && now - d.createdAt < VANISH_MS);
}

/**
 * Each tool's name (what a screen reader announces and the tooltip shows), the shorter text on its button so
 * the toolbar fits one row at 1280 px, and its keyboard shortcut.
 */
export const TOOLS: readonly { tool: Tool; label: MessageKey; short: MessageKey; key: string }[] = [
  { tool: 'laser', label: 'tool.laser', short: 'toolShort.laser', key: 'l' },
  { tool: 'pen', label: 'tool.pen', short: 'toolShort.pen', key: 'p' },
  { tool: 'highlighter', label: 'tool.highlighter', short: 'toolShort.highlighter', key: 'h' },
  { tool: 'vanish', label: 'tool.vanish', short: 'toolShort.vanish', key: 'v' },
  { tool: 'arrow', label: 'tool.arrow', short: 'toolShort.arrow', key: 'a' },
  { tool: 'rect', label: 'tool.rect', short: 'toolShort.rect', key: 'r' },
  { tool: 'ellipse', label: 'tool.ellipse', short: 'toolShort.ellipse', key: 'e' },
  { tool: 'text', label: 'tool.text', short: 'toolShort.text', key: 't' },
];
