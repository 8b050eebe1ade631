import type { Dialect, Queryable, Row, SqlParam } from '../engine/types';
import type { FactFreshness, Period } from '../../protocol/period';
import { addMonths } from '../../protocol/period';
import { addDays } from '../../protocol/sales';
import { cellText, dateFromId, dateId, isoTimestamp } from '../sales/load';
import { FACT_DIALECTS, literalSql, type FactSqlDialect, type LiteralValue } from './factDialect';
import { freshnessSla, type SlaSettings } from './freshness';

/** Options of the targets and discounts queries. */
export interface FactDashboardOptions {
  readonly sla: SlaSettings;
  /** The clock the SLA is judged by (tests move it). */
  readonly now?: () => Date;
}

/** A count as a number (drivers hand back bigint text). */
export const count = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
/** Part over whole as a percent with two decimals (0 without a whole). */
export const pct = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10000) / 100);
/** A ratio (ROI) with four decimals. */
export const ratio = (v: unknown): number => (v === null || v === undefined ? 0 : Math.round(Number(v) * 10000) / 10000);
export const text = (v: string | null): SqlParam => ({ value: v, type: { kind: 'text', length: 200 } });
export const int = (v: number): SqlParam => ({ value: v, type: { kind: 'int' } });
export const dateRange = (p: Period): SqlParam[] => [int(dateId(p.from)), int(dateId(p.to))];

/** The sorted distinct values of one kind in an options query's (kind, value) rows. */
export function optionsOf(rows: readonly Row[], kind: string): string[] {
  return rows.filter((r) => r['kind'] === kind && r['value'] !== null).map((r) => cellText(r['value'])).sort((a, b) => a.localeCompare(b));
}

/** A freshness row (first/last date_id, last_success_at, last_status) judged against the SLA. */
export function freshnessFrom(row: Row | undefined, now: Date, sla: SlaSettings): FactFreshness {
  const lastLoadAt = isoTimestamp(row?.['last_success_at']);
  const status = row?.['last_status'];
  return {
    firstDate: dateFromId(row?.['first_date_id']),
    lastDate: dateFromId(row?.['last_date_id']),
    lastLoadAt,
    lastLoadStatus: status === null || status === undefined ? null : cellText(status),
    sla: freshnessSla(lastLoadAt, now, sla),
  };
}

/** The last `months` whole months up to the month of `last` (the dashboards' default period). */
export function lastMonths(last: string, months: number): Period {
  const end = addDays(`${addMonths(last.slice(0, 7), 1)}-01`, -1);
  return { from: `${addMonths(last.slice(0, 7), -(months - 1))}-01`, to: end };
}

/**
 * One dashboard's SQL texts for both dialects, run by panel id with the parameters the panel
 * takes, and shown ("Show SQL") with a header naming them or with the filters written in.
 */
export class FactQueryTexts<Q extends string> {
  private readonly texts: Readonly<Record<Dialect, Readonly<Record<Q, string>>>>;

  constructor(private readonly title: string, private readonly build: (d: FactSqlDialect) => Readonly<Record<Q, string>>, private readonly parameters: string) {
    this.texts = { postgres: build(FACT_DIALECTS.postgres), sqlserver: build(FACT_DIALECTS.sqlserver) };
  }

  async run(db: Queryable, dialect: Dialect, id: Q, params: readonly SqlParam[]): Promise<Row[]> {
    return (await db.query(this.texts[dialect][id], [...params])).rows;
  }

  stream(db: Queryable, dialect: Dialect, id: Q, params: readonly SqlParam[]): AsyncIterable<Row> {
    return db.stream(this.texts[dialect][id], [...params]);
  }

  /** The text with a header naming its parameters. */
  text(dialect: Dialect, id: Q): string {
    return `-- ${this.title}: ${id} (${dialect})\n-- Parameters: ${this.parameters}\n-- A filter that is not set is passed as NULL.\n${this.texts[dialect][id]}\n`;
  }

  /** The text with `values` (parameters 1..n) written in, and `what` (the filters) in its header. */
  literal(dialect: Dialect, id: Q, values: readonly LiteralValue[], what: string): string {
    return `-- ${this.title}: ${id} (${dialect}), ${what.replace(/[\r\n]+/g, ' ')}\n-- Read-only view of the query the dashboard runs, with its current filters written in.\n${literalSql(dialect, (d) => this.build(d)[id], values)}\n`;
  }
}
