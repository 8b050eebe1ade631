import type { Engine } from '../../engine/types';
import { etlDialect } from '../dialect';
import type { EtlPlan } from './events';

/** The plan a run uses, and where the pushdown reads the source from. */
export interface PlanChoice {
  readonly plan: EtlPlan;
  /**
   * Set when source and target are two databases of one server: the pushdown, running in the
   * target, reads the source as `[database].[schema].[table]`.
   */
  readonly sourceDatabase?: string;
}

/** One side of the run as its connection and its server describe it. */
export interface PlanSide {
  readonly dialect: Engine['dialect'];
  /** `host:port` of the connection (the data directory for PGlite). */
  readonly address: string;
  readonly database: string;
  /** The server's own name for itself and the login the connection runs as (SQL Server). */
  readonly instance?: string;
  readonly login?: string;
}

export interface PlanFacts {
  /** Source and target are one Engine object. */
  readonly sameEngine: boolean;
  readonly source?: PlanSide;
  readonly target?: PlanSide;
  /** The target's login may read the source database (SQL Server: HAS_DBACCESS). */
  readonly targetReadsSource?: boolean;
}

export type PlanRequest = 'auto' | EtlPlan | undefined;

const same = (a: string | undefined, b: string | undefined): boolean => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/**
 * The plan decision, pure. Pushdown when the target's connection can read the source in place:
 * one engine; or one database reached by two connections; or (SQL Server) two databases of one
 * instance, with the same server, port and login on both connections and the login allowed into
 * the source database. Transfer otherwise, or when asked for.
 */
export function choosePlan(request: PlanRequest, facts: PlanFacts): PlanChoice {
  if (request === 'transfer') return { plan: 'transfer' };
  if (facts.sameEngine) return { plan: 'pushdown' };
  const { source: s, target: t } = facts;
  if (s !== undefined && t !== undefined && s.dialect === t.dialect && same(s.address, t.address)) {
    if (same(s.database, t.database)) return { plan: 'pushdown' };
    const oneInstance = s.dialect === 'sqlserver' && same(s.instance, t.instance) && same(s.login, t.login);
    if (oneInstance && facts.targetReadsSource === true) return { plan: 'pushdown', sourceDatabase: s.database };
  }
  return { plan: 'transfer' };
}

/** Why a requested pushdown cannot run, for the error. */
export function pushdownRefusal(facts: PlanFacts): string {
  const where = (p: PlanSide | undefined): string => (p === undefined ? '?' : `${p.address}/${p.database}`);
  return `the pushdown plan needs the source readable from the target's connection: one database, or two databases of one SQL Server instance with the same login (source ${where(facts.source)}, target ${where(facts.target)}); use the transfer plan`;
}

async function sideOf(engine: Engine): Promise<PlanSide> {
  const info = await engine.serverInfo();
  const probe = etlDialect(engine.dialect).identitySql;
  const id = probe === undefined ? undefined : (await engine.query<Record<string, unknown>>(probe)).rows[0];
  return {
    dialect: engine.dialect,
    address: info.address,
    database: info.database,
    ...(typeof id?.['instance'] === 'string' ? { instance: id['instance'] } : {}),
    ...(typeof id?.['login'] === 'string' ? { login: id['login'] } : {}),
  };
}

/** Reads what `choosePlan` needs from the two engines (a few catalogue queries when they differ). */
export async function planFacts(source: Engine, target: Engine, request: PlanRequest): Promise<PlanFacts> {
  if (source === target || request === 'transfer') return { sameEngine: source === target };
  const [s, t] = await Promise.all([sideOf(source), sideOf(target)]);
  const access = etlDialect(target.dialect).databaseAccessSql;
  const targetReadsSource =
    access === undefined || s.dialect !== t.dialect
      ? false
      : Number((await target.query<Record<string, unknown>>(access, [s.database])).rows[0]?.['ok'] ?? 0) === 1;
  return { sameEngine: false, source: s, target: t, targetReadsSource };
}

/** The plan of a run; a requested pushdown that cannot run is refused with the reason. */
export async function resolvePlan(o: { readonly source: Engine; readonly target: Engine; readonly plan?: PlanRequest }): Promise<PlanChoice> {
  const facts = await planFacts(o.source, o.target, o.plan);
  const choice = choosePlan(o.plan, facts);
  if (o.plan === 'pushdown' && choice.plan !== 'pushdown') throw new Error(pushdownRefusal(facts));
  return choice;
}
