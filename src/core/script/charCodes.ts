/** Blank within a line (space, tab, form feed, vertical tab); line ends are handled apart. */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11;
}

/** A character of a script variable name: ASCII letters, digits, underscore. */
export function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}
