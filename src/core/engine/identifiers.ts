import type { Dialect } from './types';

/**
 * Identifier quoting, one per dialect, for every SQL builder: the name is always delimited and
 * its closing delimiter doubled, so no name from a project file or a catalog can end the
 * identifier early.
 */
export function pgIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function tsqlIdentifier(name: string): string {
  return `[${name.replace(/]/g, ']]')}]`;
}

export function quoteIdentifier(dialect: Dialect, name: string): string {
  return dialect === 'postgres' ? pgIdentifier(name) : tsqlIdentifier(name);
}

/** `schema.name` (or any dotted path) with each part quoted. */
export function quoteQualified(dialect: Dialect, dotted: string): string {
  return dotted.split('.').map((part) => quoteIdentifier(dialect, part)).join('.');
}
