import type { LineageItem, LineageLayout } from '../../src/protocol/lineage';
import type { Link } from './edges';

/** The items of one answer, by id, with their edges and what each is drawn from and feeds (no DOM). */
export class LineageItems {
  readonly byId: ReadonlyMap<string, LineageItem>;
  readonly links: readonly Link[];

  constructor(layout: Pick<LineageLayout, 'layers'>) {
    this.byId = new Map(layout.layers.flatMap((l) => l.items.map((i) => [i.id, i] as const)));
    this.links = [...this.byId.values()].flatMap((i) => i.to.filter((to) => this.byId.has(to)).map((to) => ({ from: i.id, to })));
  }

  /** The item and everything it is drawn from, in this answer. */
  upstream(id: string): Set<string> {
    return this.closure(id, 'from');
  }

  /** The item and everything it feeds, in this answer. */
  downstream(id: string): Set<string> {
    return this.closure(id, 'to');
  }

  private closure(id: string, dir: 'from' | 'to'): Set<string> {
    const out = new Set<string>([id]);
    const queue = [id];
    for (let cur = queue.pop(); cur !== undefined; cur = queue.pop()) {
      for (const next of this.byId.get(cur)?.[dir] ?? []) {
        if (out.has(next)) continue;
        out.add(next);
        queue.push(next);
      }
    }
    return out;
  }
}
