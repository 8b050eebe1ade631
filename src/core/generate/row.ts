/** A generated row keyed by column name; `toColumns` orders it as the contract does. */
export type GeneratedRow = Readonly<Record<string, unknown>>;

export function toColumns(row: GeneratedRow, columns: readonly string[]): unknown[] {
  const values = new Array<unknown>(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    const v = row[c];
    if (v === undefined) throw new RangeError(`Generated row has no value for column ${c}.`);
    values[i] = v;
  }
  return values;
}
