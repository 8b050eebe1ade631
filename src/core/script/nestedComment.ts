/** A /* *\/ comment, which nests in both T-SQL and PostgreSQL. */
export class NestedComment {
  depth = 0;

  /** Scans `text[from, to)` and returns the offset after the closing `*\/`, or `to`. */
  scan(text: string, from: number, to: number): number {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 42 && text.charCodeAt(i + 1) === 47) {
        i++;
        if (--this.depth === 0) return i + 1;
      } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
        i++;
        this.depth++;
      }
    }
    return to;
  }
}
