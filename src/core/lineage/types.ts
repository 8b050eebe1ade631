/** The lineage graph's data: plain JSON, the same for the CLI, VS Code and the MCP server. */
export type LineageNodeKind = 'column' | 'panel' | 'check' | 'dangling';

/** A place in a file (1-based line). */
export interface LineageLocation {
  readonly file: string;
  readonly line: number;
}

export interface LineageNode {
  /** `schema.table.column` in lower case, `panel:sales.kpis`, `check:<name>`, `dangling:<n>`. */
  readonly id: string;
  readonly kind: LineageNodeKind;
  /** How people spell it: `dim.DIM_CLIENTE.email`, `sales dashboard: kpis`. */
  readonly label: string;
  /** Column nodes: the table or view (`dim.DIM_CLIENTE`) and what it is. */
  readonly object?: string;
  readonly objectKind?: 'table' | 'view';
  readonly layer?: 'oltp' | 'dw' | 'view';
  readonly column?: string;
  /** Dangling nodes: why the edge could not be resolved, and what it was for. */
  readonly reason?: string;
  readonly context?: string;
  readonly location?: LineageLocation;
}

/** value: the column's value flows on; filter: it chooses rows (WHERE/JOIN); lookup: a key matched in a dimension. */
export type LineageRole = 'value' | 'filter' | 'lookup';

/** What carries an edge: an entity's rule, a view, a dashboard panel or a check. */
export interface LineageVia {
  readonly kind: 'rule' | 'view' | 'panel' | 'check';
  readonly entity?: string;
  readonly rule?: string;
  readonly ruleKind?: 'scalar' | 'lookup' | 'soft-delete';
  /** The rule's summary, or its lookup dimension (`dim.dim_cliente by cliente_original_id`). */
  readonly detail?: string;
  /** The derived column of the definition the value comes through. */
  readonly derived?: string;
  readonly name?: string;
}

export interface LineageEdge {
  readonly from: string;
  readonly to: string;
  readonly role: LineageRole;
  readonly via: LineageVia;
  readonly location?: LineageLocation;
}

/** A part of the graph: the answer to a lineage or impact question. */
export interface LineageSubgraph {
  readonly roots: readonly string[];
  readonly direction: 'upstream' | 'downstream';
  readonly nodes: readonly LineageNode[];
  readonly edges: readonly LineageEdge[];
}
