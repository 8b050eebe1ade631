import type { Box, Size } from './transform';

const SVG = 'http://www.w3.org/2000/svg';

/** An edge of the answer: `from` feeds `to`. */
export interface Link {
  readonly from: string;
  readonly to: string;
}

/**
 * The SVG path of an edge between two item boxes (graph coordinates): from the right side of the
 * source to the left side of a target in a later column; between items of one column a loop on
 * their right; to an earlier column from the source's left to the target's right.
 */
export function edgePath(a: Box, b: Box): string {
  const ay = a.y + a.height / 2;
  const by = b.y + b.height / 2;
  const aRight = a.x + a.width;
  const bRight = b.x + b.width;
  const n = (v: number): string => String(Math.round(v * 10) / 10);
  if (b.x >= aRight) {
    const bend = Math.max(16, (b.x - aRight) / 2);
    return `M${n(aRight)} ${n(ay)}C${n(aRight + bend)} ${n(ay)} ${n(b.x - bend)} ${n(by)} ${n(b.x)} ${n(by)}`;
  }
  if (bRight <= a.x) {
    const bend = Math.max(16, (a.x - bRight) / 2);
    return `M${n(a.x)} ${n(ay)}C${n(a.x - bend)} ${n(ay)} ${n(bRight + bend)} ${n(by)} ${n(bRight)} ${n(by)}`;
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
    for (const link of this.links) {
      const a = boxes.get(link.from);
      const b = boxes.get(link.to);
      if (a !== undefined && b !== undefined) this.drawn.push({ link, d: edgePath(a, b) });
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
