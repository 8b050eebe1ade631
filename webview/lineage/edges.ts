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
 * The edges of the graph, drawn under the items as one SVG the size of the stage. Decorative
 * for assistive technology (the items' lists and the marks on focus carry the same facts).
 */
export class EdgeLayer {
  readonly svg: SVGSVGElement;
  private drawn: { readonly link: Link; readonly path: SVGPathElement }[] = [];

  constructor(private readonly links: readonly Link[]) {
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('class', 'edges');
    this.svg.setAttribute('aria-hidden', 'true');
    this.svg.setAttribute('data-testid', 'edges');
  }

  /** Draws every link whose two ends are shown, given their boxes (graph coordinates) and the stage's size. */
  draw(boxes: ReadonlyMap<string, Box>, size: Size): void {
    this.svg.setAttribute('width', String(size.width));
    this.svg.setAttribute('height', String(size.height));
    this.svg.setAttribute('viewBox', `0 0 ${size.width} ${size.height}`);
    const fragment = document.createDocumentFragment();
    this.drawn = [];
    for (const link of this.links) {
      const a = boxes.get(link.from);
      const b = boxes.get(link.to);
      if (a === undefined || b === undefined) continue;
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', edgePath(a, b));
      path.setAttribute('data-from', link.from);
      path.setAttribute('data-to', link.to);
      fragment.append(path);
      this.drawn.push({ link, path });
    }
    this.svg.replaceChildren(fragment);
  }

  /** Marks the edges on a path through the focused item: among what feeds it, and among what it feeds. */
  mark(upstream: ReadonlySet<string> | undefined, downstream: ReadonlySet<string> | undefined): void {
    for (const { link, path } of this.drawn) {
      const on = upstream !== undefined && downstream !== undefined
        && ((upstream.has(link.from) && upstream.has(link.to)) || (downstream.has(link.from) && downstream.has(link.to)));
      path.classList.toggle('related', on);
    }
  }

  /** How many edges are drawn now (tests read it). */
  get count(): number {
    return this.drawn.length;
  }
}
