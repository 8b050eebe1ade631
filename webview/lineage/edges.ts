import type { Box, Size } from './transform';

const SVG = 'http://www.w3.org/2000/svg';

/** An edge of the answer: `from` feeds `to`. */
export interface Link {
  readonly from: string;
  readonly to: string;
}

/** A column of the layout: its horizontal extent and its items' vertical extents, top to bottom. */
export interface Column {
  readonly x: number;
  readonly right: number;
  /** [top, bottom] of each item, sorted by top. */
  readonly spans: readonly (readonly [number, number])[];
}

/** The columns of a set of item boxes: items that share their left edge share a column. */
export function columnsOf(boxes: Iterable<Box>): Column[] {
  const byX = new Map<number, { right: number; spans: [number, number][] }>();
  for (const b of boxes) {
    const c = byX.get(b.x) ?? { right: b.x, spans: [] };
    c.right = Math.max(c.right, b.x + b.width);
    c.spans.push([b.y, b.y + b.height]);
    byX.set(b.x, c);
  }
  return [...byX].sort((p, q) => p[0] - q[0]).map(([x, c]) => ({ x, right: c.right, spans: c.spans.sort((p, q) => p[0] - q[0]) }));
}

/** Clearance kept between an edge that crosses a column and the items above and below it. */
const CLEARANCE = 4;

/**
 * The height nearest `y` at which a line can cross the column without passing behind an item:
 * `y` itself when it falls between items, else the middle of the nearest gap between items or
 * just below the last (above the first only where there is no other: the heading is there).
 */
export function gapNear(c: Column, y: number): number {
  const spans = c.spans;
  // The last item whose top is at or above y (binary search: a column can hold hundreds).
  let lo = 0;
  let hi = spans.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![0] <= y) {
      at = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (at < 0 || spans[at]![1] + CLEARANCE <= y) {
    // Between items (or above the first): y is clear unless the next item starts within the clearance.
    const next = spans[at + 1];
    if (next === undefined || y <= next[0] - CLEARANCE) return y;
  }
  // Above the first item is the column's heading: taken only when no gap below an item is.
  const candidates: number[] = [];
  let above: number | undefined;
  const gapBetween = (upper: readonly [number, number] | undefined, lower: readonly [number, number] | undefined): void => {
    if (upper === undefined && lower === undefined) return;
    if (upper === undefined) above = lower![0] - CLEARANCE * 2;
    else if (lower === undefined) candidates.push(upper[1] + CLEARANCE * 2);
    else candidates.push((upper[1] + lower[0]) / 2);
  };
  const i = Math.max(at, 0);
  gapBetween(spans[i - 1], spans[i]);
  gapBetween(spans[i], spans[i + 1]);
  if (at >= 0 && at + 1 < spans.length) gapBetween(spans[at + 1], spans[at + 2]);
  if (candidates.length === 0) return above ?? y;
  return candidates.reduce((best, g) => (Math.abs(g - y) < Math.abs(best - y) ? g : best));
}

/**
 * The SVG path of an edge between two item boxes (graph coordinates): from the right side of the
 * source to the left side of a target in a later column; between items of one column a loop on
 * their right; to an earlier column from the source's left to the target's right. An edge that
 * skips columns crosses each of them through a gap between its items (`columns`: the layout's
 * columns), never behind an item, where it would seem to enter and leave that item.
 */
export function edgePath(a: Box, b: Box, columns: readonly Column[] = []): string {
  const ay = a.y + a.height / 2;
  const by = b.y + b.height / 2;
  const aRight = a.x + a.width;
  const bRight = b.x + b.width;
  const n = (v: number): string => String(Math.round(v * 10) / 10);
  const curve = (x0: number, y0: number, x1: number, y1: number): string => {
    const bend = Math.max(16, Math.abs(x1 - x0) / 2) * Math.sign(x1 - x0);
    return `C${n(x0 + bend)} ${n(y0)} ${n(x1 - bend)} ${n(y1)} ${n(x1)} ${n(y1)}`;
  };
  if (b.x >= aRight) {
    let d = `M${n(aRight)} ${n(ay)}`;
    let x = aRight;
    let y = ay;
    for (const c of columns) {
      if (c.x < aRight || c.right > b.x) continue;
      // Aim at the straight line from source to target where it meets this column.
      const aim = ay + ((by - ay) * (c.x - aRight)) / (b.x - aRight);
      const gy = gapNear(c, aim);
      d += `${curve(x, y, c.x, gy)}L${n(c.right)} ${n(gy)}`;
      x = c.right;
      y = gy;
    }
    return d + curve(x, y, b.x, by);
  }
  if (bRight <= a.x) {
    return `M${n(a.x)} ${n(ay)}${curve(a.x, ay, bRight, by)}`;
  }
  const out = Math.max(aRight, bRight) + 14;
  return `M${n(aRight)} ${n(ay)}C${n(out)} ${n(ay)} ${n(out)} ${n(by)} ${n(bRight)} ${n(by)}`;
}

/**
 * The edges of the graph, drawn under the items in one SVG the size of the stage: all of them as
 * one path, and those on the paths through the focused item as a second one over it. Two
 * elements whatever the graph's size: the whole warehouse has about 1,900 edges, and one
 * element per edge cost more to create and style than the items themselves. Decorative for
 * assistive technology (the items and their marks on focus carry the same facts).
 */
export class EdgeLayer {
  readonly svg: SVGSVGElement;
  private readonly all: SVGPathElement;
  private readonly related: SVGPathElement;
  private drawn: { readonly link: Link; readonly d: string }[] = [];

  constructor(private readonly links: readonly Link[]) {
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('class', 'edges');
    this.svg.setAttribute('aria-hidden', 'true');
    this.svg.setAttribute('data-testid', 'edges');
    this.all = document.createElementNS(SVG, 'path');
    this.all.setAttribute('data-testid', 'edges-all');
    this.related = document.createElementNS(SVG, 'path');
    this.related.setAttribute('class', 'related');
    this.related.setAttribute('data-testid', 'edges-related');
    this.svg.append(this.all, this.related);
  }

  /**
   * Draws every link whose two ends are shown, given their boxes (graph coordinates) and the
   * stage's size. One subpath per edge, in the order of the links.
   */
  draw(boxes: ReadonlyMap<string, Box>, size: Size): void {
    this.svg.setAttribute('width', String(size.width));
    this.svg.setAttribute('height', String(size.height));
    this.drawn = [];
    const columns = columnsOf(boxes.values());
    for (const link of this.links) {
      const a = boxes.get(link.from);
      const b = boxes.get(link.to);
      if (a !== undefined && b !== undefined) this.drawn.push({ link, d: edgePath(a, b, columns) });
    }
    this.all.setAttribute('d', this.drawn.map((e) => e.d).join(''));
    this.related.setAttribute('d', '');
  }

  /** Marks the edges on a path through the focused item: among what feeds it, and among what it feeds. */
  mark(upstream: ReadonlySet<string>, downstream: ReadonlySet<string>): void {
    const on = ({ from, to }: Link): boolean => (upstream.has(from) && upstream.has(to)) || (downstream.has(from) && downstream.has(to));
    this.related.setAttribute('d', this.drawn.filter((e) => on(e.link)).map((e) => e.d).join(''));
  }
}
