import path from 'node:path';
import { problemText, type DefinitionProblem } from '../etl/definition/errors';
import type { EtlScopeReport } from '../etl/scope/check';
import { CATEGORY } from './catalog';
import type { CheckLocation } from './locate';
import type { CheckResult } from './run';

/** The result's name for a problem of the project itself (no ctl.etl_control at all). */
const CONTROL = 'etl_control';

function locationOf(p: DefinitionProblem): CheckLocation {
  return { file: p.file, line: p.line ?? 1, column: 1 };
}

/**
 * The ETL scope as check results (family `scope`): one per entity it concerns (every active one,
 * and any other a finding names), `scope.<entity>`, passed when nothing is missing; each finding
 * keeps its own place, so Problems shows it at its definition's line.
 */
export function scopeResults(report: EtlScopeReport, projectFile: string): CheckResult[] {
  // A definition that is not JSON names no entity: its file does.
  const keyOf = (p: DefinitionProblem): string => p.entity ?? (p.file === projectFile ? CONTROL : path.basename(p.file, '.json'));
  const names = [...new Set([...report.active, ...report.findings.map(keyOf)])];
  return names.map((name) => {
    const found = report.findings.filter((p) => keyOf(p) === name);
    const first = found[0];
    return {
      check: `scope.${name}`,
      category: CATEGORY.scope,
      ok: found.length === 0,
      value: found.length,
      expected: '0',
      family: 'scope',
      severity: 'error',
      description: name === CONTROL
        ? 'ctl.etl_control holds the ETL scope (the active entities)'
        : `${name}: its definition loads, ctl.etl_control knows it, and (when active) the source and target tables and columns it names exist`,
      offending: found.map((p) => ({ file: p.file, line: p.line ?? 1, problem: problemText(p) })),
      ...(first === undefined ? {} : { location: locationOf(first) }),
      findings: found.map((p) => ({ location: locationOf(p), message: problemText(p) })),
      // One catalog read served them all.
      durationMs: report.durationMs / names.length,
    };
  });
}
