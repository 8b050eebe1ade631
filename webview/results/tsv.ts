/**
 * Tab-separated text for the clipboard, as spreadsheets paste it: a field with a tab, line
 * break or quote is quoted (quotes doubled); SQL NULL is written NULL, as SSMS copies it.
 */
export function tsvField(value: string | null): string {
  if (value === null) return 'NULL';
  return /[\t\r\n"]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The rows at `indices` (in the given order), with the header line first when asked. */
export function tsvRows(columns: readonly string[], rows: readonly (readonly (string | null)[])[], indices: readonly number[], withHeader: boolean): string {
  const lines: string[] = withHeader ? [columns.map(tsvField).join('\t')] : [];
  for (const i of indices) {
    const row = rows[i];
    if (row !== undefined) lines.push(row.map(tsvField).join('\t'));
  }
  return lines.join('\r\n');
}
