import type { Dialect } from '../../engine/types';

/** The family of a value, as far as a rule cares: enough to refuse impossible conversions. */
export type ValueFamily = 'text' | 'integer' | 'decimal' | 'boolean' | 'date' | 'timestamp';

/** What a rule made of one source value: the target value, or why the row must be rejected. */
export type RuleOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: string };

/** A rule's SQL form over one expression: the value, and a condition that is true when it rejects. */
export interface RuleSql {
  readonly value: string;
  /** A boolean SQL condition; absent when the rule never rejects. */
  readonly rejects?: string;
}

/**
 * A named transformation from the mapping contract (`oltp_to_dw_mapping.csv`). Each rule has a
 * TypeScript form (the transfer plan) and a SQL form per dialect (the pushdown plan); tests
 * check the two agree on the same inputs.
 */
export interface ScalarRule {
  readonly name: string;
  readonly kind: 'scalar';
  readonly summary: string;
  /** Source families the rule can read; a mapping from anything else is refused. */
  readonly accepts: readonly ValueFamily[];
  /** Target family produced; 'source' means the rule keeps the source's family. */
  readonly produces: ValueFamily | 'source';
  apply(value: unknown): RuleOutcome;
  readonly sql: Readonly<Record<Dialect, (expr: string) => RuleSql>>;
}

/**
 * A surrogate-key lookup into a dimension already in the target: resolved set-based in the
 * merge (a join on the natural key), with -1 (the unknown member) when nothing matches.
 */
export interface LookupRule {
  readonly name: string;
  readonly kind: 'lookup';
  readonly summary: string;
  readonly dimension: { readonly table: string; readonly naturalKey: string; readonly surrogateKey: string };
  /** 'date' lookups match a date's `YYYYMMDD` key instead of a natural-key column. */
  readonly match: 'natural-key' | 'date';
}

export type Rule = ScalarRule | LookupRule;

export const accepted = (value: unknown): RuleOutcome => ({ ok: true, value });
export const rejected = (reason: string): RuleOutcome => ({ ok: false, reason });
