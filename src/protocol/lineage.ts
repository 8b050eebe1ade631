/** The layers of the lineage page, left to right: source -> rule -> target -> views -> consumers. */
export type LineageLayerKey = 'oltp' | 'rule' | 'dw' | 'view' | 'consumer' | 'dangling';

export interface LineageItem {
  readonly id: string;
  readonly kind: 'column' | 'rule' | 'panel' | 'check' | 'dangling';
  readonly label: string;
  /** A second line: the rule's summary, the role, the reason it is unresolved. */
  readonly detail?: string;
  /** `file:line` as the reader sees it (relative to the project); the page asks the host to open it by `id`. */
  readonly where?: string;
  /** Whether the question was about this item. */
  readonly root: boolean;
  /** Items this one is drawn from / feeds, in this answer. */
  readonly from: readonly string[];
  readonly to: readonly string[];
}

export interface LineageLayer {
  readonly key: LineageLayerKey;
  readonly items: readonly LineageItem[];
}

/** What the lineage page shows: the answer laid out in layers, and where each item is. */
export interface LineageLayout {
  readonly direction: 'upstream' | 'downstream';
  readonly title: string;
  readonly layers: readonly LineageLayer[];
  /** Absolute file:line of each item that has one (kept by the host; the page sends ids only). */
  readonly locations: Readonly<Record<string, { readonly file: string; readonly line: number }>>;
}

/** What the lineage page gets in its HTML: the layout without the absolute paths (the host keeps those). */
export interface LineageInitialState {
  readonly language: string;
  readonly layout: Omit<LineageLayout, 'locations'>;
}

/** The page asks the host to open the file:line of one of its items (by id; the host knows where). */
export interface LineageOpenMessage {
  readonly type: 'lineage/open';
  readonly id: string;
}

export function isLineageOpenMessage(m: unknown): m is LineageOpenMessage {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'lineage/open' && typeof (m as { id?: unknown }).id === 'string';
}
