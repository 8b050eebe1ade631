/** A generated row keyed by column name; `toColumns` orders it as the contract does. */
export type GeneratedRow = Readonly<Record<string, unknown>>;

export function toColumns(row: GeneratedRow, columns: readonly string[]): unknown[] {
  return columns.map((c) => {
    const v = row[c];
    if (v === undefined) throw new RangeError(`Generated row has no value for column ${c}.`);
    return v;
  });
}
