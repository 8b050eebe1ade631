/**
 * A small seeded PRNG (sfc32) and the draws the generators make with it. Every row draws from
 * its own stream, seeded from (seed, stream, id), so any row can be rebuilt on its own: order
 * items find their product's price without holding the catalogue in memory.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a >>> 0;
    this.b = b >>> 0;
    this.c = c >>> 0;
    this.d = d >>> 0;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uniform float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    // Index loops (not reduce/for-of): this runs several times per generated row.
    let total = 0;
    for (let i = 0; i < choices.length; i++) total += choices[i]![1];
    let r = this.next() * total;
    for (let i = 0; i < choices.length; i++) {
      const choice = choices[i]!;
      r -= choice[1];
      if (r < 0) return choice[0];
    }
    const last = choices[choices.length - 1];
    if (last === undefined) throw new RangeError('weighted pick from an empty list');
    return last[0];
  }

  digits(count: number): string {
    let s = '';
    for (let i = 0; i < count; i++) s += String(this.int(0, 9));
    return s;
  }
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const streamHashes = new Map<string, number>();

/** The stream for row `id` of `stream` under `seed`. */
export function rowRandom(seed: number, stream: string, id: number): Random {
  let s = streamHashes.get(stream);
  if (s === undefined) {
    s = hashText(stream);
    streamHashes.set(stream, s);
  }
  const lo = id >>> 0;
  const hi = Math.floor(id / 4294967296) >>> 0;
  return new Random(mix(seed ^ 0x9e3779b9), mix(s ^ lo), mix(lo + 0x7f4a7c15 + hi), mix(seed + s + hi));
}
