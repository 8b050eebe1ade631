import type { ErrorKind, FailureGroup } from '../../protocol/monitor';

/**
 * The error taxonomy of recent failures. The stored error text is all the audit keeps of a
 * past failure (no kind column), so classifying history means reading it; live errors keep
 * their EngineError kind and never go through here.
 */
const PATTERNS: readonly (readonly [ErrorKind, RegExp])[] = [
  ['deadlock', /deadlock|\b1205\b|40P01/i],
  ['timeout', /time ?out|timed out|\b-2\b|57014|canceling statement/i],
  ['constraint', /constraint|duplicate key|unique|foreign key|violat|23505|23503|\b2627\b|\b547\b/i],
  ['connection', /connect|network|ECONNREFUSED|ECONNRESET|socket|login failed|\b18456\b|08006/i],
  ['permission', /permission|denied|not authori[sz]ed|\b229\b|42501/i],
  ['conversion', /convert|conversion|invalid input syntax|out of range|truncat|22P02|22003|\b8114\b|\b245\b/i],
];

export function errorKindOf(message: string | null): ErrorKind {
  if (message === null) return 'other';
  for (const [kind, re] of PATTERNS) if (re.test(message)) return kind;
  return 'other';
}

export interface FailedEntityRun {
  readonly entity: string;
  readonly errorMessage: string | null;
  readonly failedAt: string;
}

/** Groups failures by kind, most frequent first; `failures` arrive newest first. */
export function groupFailures(failures: readonly FailedEntityRun[]): FailureGroup[] {
  const groups = new Map<ErrorKind, { count: number; lastAt: string; entities: Set<string>; sample: string }>();
  for (const f of failures) {
    const kind = errorKindOf(f.errorMessage);
    const g = groups.get(kind);
    if (g === undefined) {
      groups.set(kind, { count: 1, lastAt: f.failedAt, entities: new Set([f.entity]), sample: (f.errorMessage ?? '').slice(0, 500) });
    } else {
      g.count += 1;
      g.entities.add(f.entity);
      if (f.failedAt > g.lastAt) g.lastAt = f.failedAt;
    }
  }
  return [...groups.entries()]
    .map(([kind, g]) => ({ kind, count: g.count, lastAt: g.lastAt, entities: [...g.entities].sort(), sample: g.sample }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}
