import { MAX_KEPT_RESULTS_CHARS, type ResultSetView, type ResultsHostMessage, type ResultsRun, type ResultsSavedState } from '../../src/protocol/results';

/**
 * About the length of the set as JSON (cells, quotes and commas), counted until it passes
 * `budget`: deciding whether a 10-million-row set fits needs only its first few MB.
 */
export function jsonChars(set: ResultSetView, budget: number): number {
  let chars = 200 + set.source.length + set.columns.reduce((n, c) => n + c.length + 9, 0);
  for (const row of set.rows) {
    if (chars > budget) return chars;
    chars += 3;
    for (const cell of row) chars += cell === null ? 5 : cell.length + 3;
  }
  return chars;
}

type RunMessage = Extract<ResultsHostMessage, { type: 'run-started' | 'restored' }>;

/** What the view does with a set that arrived: show it (and scroll), or only list it. */
export interface Arrival {
  readonly show: boolean;
  /** The first set of the run: the grid replaces the empty note. */
  readonly first: boolean;
  readonly scrollTop?: number;
}

/**
 * The state of the results view, without the DOM: the run, its sets, the one shown, what a
 * reload keeps (`saved`), and which set and scroll position a restored view goes back to.
 */
export class ResultsSession {
  private sets: ResultSetView[] = [];
  private current: ResultSetView | undefined;
  private run: ResultsRun | undefined;
  /** Size of the sets kept for a reload; once past MAX_KEPT_RESULTS_CHARS, `droppedChars` instead. */
  private keptChars = 0;
  private droppedChars: number | undefined;
  /** A restored view: the set that was shown and its scroll position. */
  private wantedId: number | undefined;
  private wantedScroll: number | undefined;

  get results(): readonly ResultSetView[] {
    return this.sets;
  }

  get shown(): ResultSetView | undefined {
    return this.current;
  }

  /** A new run, or the one a reload gave back (its sets follow). */
  begin(m: RunMessage): void {
    this.sets = [];
    this.current = undefined;
    this.run = m.run;
    this.keptChars = 0;
    this.droppedChars = m.type === 'restored' ? m.droppedChars : undefined;
    this.wantedId = m.type === 'restored' ? m.shownId : undefined;
    this.wantedScroll = m.type === 'restored' ? m.scrollTop : undefined;
  }

  add(set: ResultSetView): Arrival {
    this.sets.push(set);
    this.keep(set);
    const first = this.current === undefined;
    if (!first && set.id !== this.wantedId) return { show: false, first };
    this.current = set;
    const scroll = this.wantedScroll !== undefined && (this.wantedId === undefined || set.id === this.wantedId) ? this.wantedScroll : undefined;
    return { show: true, first, ...(scroll === undefined ? {} : { scrollTop: scroll }) };
  }

  /** The picker chose a set: it, when it is another one than shown. */
  select(id: number): ResultSetView | undefined {
    const set = this.sets.find((s) => s.id === id);
    if (set === undefined || set === this.current) return undefined;
    this.current = set;
    return set;
  }

  /** What setState keeps for a reload; undefined before the first run. */
  saved(scrollTop: number): ResultsSavedState | undefined {
    if (this.run === undefined) return undefined;
    if (this.droppedChars !== undefined) return { run: this.run, sets: [], droppedChars: this.droppedChars };
    return { run: this.run, sets: this.sets, ...(this.current === undefined ? {} : { shownId: this.current.id, scrollTop }) };
  }

  /** Keeps the set for a reload while the kept sets stay under the limit; past it, none. */
  private keep(set: ResultSetView): void {
    const budget = this.droppedChars === undefined ? MAX_KEPT_RESULTS_CHARS - this.keptChars : 0;
    const chars = jsonChars(set, budget);
    if (chars <= budget) {
      this.keptChars += chars;
      return;
    }
    // Past the limit: the size is counted in full once, for the message after a reload.
    this.droppedChars = (this.droppedChars ?? this.keptChars) + jsonChars(set, Number.MAX_SAFE_INTEGER);
  }
}
