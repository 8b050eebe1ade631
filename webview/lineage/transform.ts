import { MAX_LINEAGE_SCALE, MIN_LINEAGE_SCALE, type LineageView } from '../../src/protocol/lineage';

/** Pan and zoom as data: the graph's point (gx, gy) is drawn at (x + gx * scale, y + gy * scale) of the frame. */
export type ViewTransform = LineageView;

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** A box in graph coordinates (the layout's own pixels, before any zoom). */
export interface Box extends Size {
  readonly x: number;
  readonly y: number;
}

export const IDENTITY: ViewTransform = { x: 0, y: 0, scale: 1 };
/** One press of +/- or a zoom button. */
export const ZOOM_STEP = 1.25;
/** How far the graph must stay in the frame, so panning can never lose it. */
const KEEP_VISIBLE = 48;

const clampScale = (s: number): number => Math.min(MAX_LINEAGE_SCALE, Math.max(MIN_LINEAGE_SCALE, s));

/**
 * Keeps at least KEEP_VISIBLE pixels of the graph (or all of it, when smaller) inside the frame
 * on each axis.
 */
export function bounded(t: ViewTransform, graph: Size, frame: Size): ViewTransform {
  const axis = (offset: number, content: number, room: number): number => {
    const keep = Math.min(KEEP_VISIBLE, content, room);
    return Math.min(room - keep, Math.max(keep - content, offset));
  };
  return { x: axis(t.x, graph.width * t.scale, frame.width), y: axis(t.y, graph.height * t.scale, frame.height), scale: t.scale };
}

/** Zooms by `factor` keeping the frame's point (px, py) over the same point of the graph. */
export function zoomAt(t: ViewTransform, factor: number, px: number, py: number): ViewTransform {
  const scale = clampScale(t.scale * factor);
  const k = scale / t.scale;
  return { x: px - (px - t.x) * k, y: py - (py - t.y) * k, scale };
}

export function panBy(t: ViewTransform, dx: number, dy: number): ViewTransform {
  return { x: t.x + dx, y: t.y + dy, scale: t.scale };
}

/**
 * Where the zoom buttons and keys zoom around: the middle of the part of the graph that is in the
 * frame (the frame's middle would push a small graph at the top left out of view), or the
 * frame's middle when none of it is.
 */
export function zoomAnchor(t: ViewTransform, graph: Size, frame: Size): [number, number] {
  const axis = (offset: number, content: number, room: number): number => {
    const a = Math.max(0, offset);
    const b = Math.min(room, offset + content * t.scale);
    return b > a ? (a + b) / 2 : room / 2;
  };
  return [axis(t.x, graph.width, frame.width), axis(t.y, graph.height, frame.height)];
}

/** The whole graph in the frame, never enlarged past 100%, with a margin, at the top left. */
export function fitTo(graph: Size, frame: Size, margin = 8): ViewTransform {
  if (graph.width <= 0 || graph.height <= 0) return IDENTITY;
  const scale = clampScale(Math.min(1, (frame.width - 2 * margin) / graph.width, (frame.height - 2 * margin) / graph.height));
  return { x: margin, y: margin, scale };
}

/**
 * The smallest pan that brings `box` (graph coordinates) into the frame with a margin: what
 * keyboard navigation does when the focused item is off screen. A box larger than the frame
 * shows its top left.
 */
export function reveal(t: ViewTransform, box: Box, frame: Size, margin = 16): ViewTransform {
  const axis = (offset: number, start: number, length: number, room: number): number => {
    const a = offset + start * t.scale;
    const b = a + length * t.scale;
    if (a < margin) return offset + (margin - a);
    if (b > room - margin) return offset - Math.min(b - (room - margin), a - margin);
    return offset;
  };
  return { x: axis(t.x, box.x, box.width, frame.width), y: axis(t.y, box.y, box.height, frame.height), scale: t.scale };
}

/** The zoom factor of one wheel event (a notch of about 100 px is 1.2x; trackpads send small deltas). */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 33 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-Math.max(-300, Math.min(300, pixels)) * 0.0018);
}
