import { isRecord, type Validation } from './rpc';

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

/** What a lineage panel shows: the lineage or impact of a name, or the whole warehouse (no name). */
export interface LineageQuestion {
  readonly direction: 'upstream' | 'downstream';
  /** A table, `table.column`, panel or check as people type it; absent: the whole warehouse. */
  readonly name?: string;
}

/** Pan and zoom of the graph: the graph's point (0, 0) sits at (x, y) of the frame, drawn `scale` times its size. */
export interface LineageView {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

export const MIN_LINEAGE_SCALE = 0.05;
export const MAX_LINEAGE_SCALE = 4;

/** What the lineage page gets in its HTML: the layout without the absolute paths (the host keeps those). */
export interface LineageInitialState {
  readonly language: string;
  readonly layout: Omit<LineageLayout, 'locations'>;
  /** The question asked, kept by the page so a reload can ask it again. */
  readonly question?: LineageQuestion;
  /** Pan and zoom to start from (a restored panel); absent: the graph's top left at 100%. */
  readonly view?: LineageView;
  /** Why there is no answer (a restored question whose name no longer resolves), shown as an alert. */
  readonly problem?: string;
}

/** What the page keeps with `setState`, and the serializer gets back after a window reload. */
export interface LineageSavedState {
  readonly question: LineageQuestion;
  readonly view: LineageView;
}

const MAX_NAME_LENGTH = 300;
const MAX_OFFSET = 1e7;

export function isLineageView(x: unknown): x is LineageView {
  if (!isRecord(x)) return false;
  const { x: left, y: top, scale } = x;
  return typeof left === 'number' && typeof top === 'number' && typeof scale === 'number'
    && Math.abs(left) <= MAX_OFFSET && Math.abs(top) <= MAX_OFFSET && scale >= MIN_LINEAGE_SCALE && scale <= MAX_LINEAGE_SCALE;
}

export function isLineageQuestion(x: unknown): x is LineageQuestion {
  if (!isRecord(x) || (x['direction'] !== 'upstream' && x['direction'] !== 'downstream')) return false;
  const name = x['name'];
  return name === undefined || (typeof name === 'string' && name.trim() !== '' && name.length <= MAX_NAME_LENGTH && !/[\u0000-\u001f\u007f]/.test(name));
}

/** Checks the state a webview saved (it comes back from VS Code's storage: trusted no more than a message). */
export function validateLineageSavedState(x: unknown): Validation<LineageSavedState> {
  if (!isRecord(x)) return { ok: false, reason: 'the saved state must be an object' };
  if (!isLineageQuestion(x['question'])) return { ok: false, reason: 'the saved question is not a direction with a name' };
  if (!isLineageView(x['view'])) return { ok: false, reason: 'the saved view is not a pan and zoom' };
  return { ok: true, value: { question: x['question'], view: x['view'] } };
}

/** The page asks the host to open the file:line of one of its items (by id; the host knows where). */
export interface LineageOpenMessage {
  readonly type: 'lineage/open';
  readonly id: string;
}

export function isLineageOpenMessage(m: unknown): m is LineageOpenMessage {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'lineage/open' && typeof (m as { id?: unknown }).id === 'string';
}
