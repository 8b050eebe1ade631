import { randomInt } from 'node:crypto';

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
// No quotes, '$', '\\' or spaces: the value goes through .env files, compose interpolation and
// sqlcmd without escaping.
const SYMBOLS = '-_.!#%+=@';

/**
 * SQL Server's password policy: at least 8 characters (the stack asks for 12) and characters from
 * at least three of upper case, lower case, digits and symbols.
 */
export function meetsSqlServerPasswordPolicy(password: string, minLength = 12): boolean {
  if (password.length < minLength) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return classes >= 3;
}

/** A crypto-random password with every character class, so it passes the policy on any server. */
export function generateStackPassword(length = 24): string {
  if (length < 12) throw new RangeError('A stack password has at least 12 characters.');
  const classes = [LOWER, UPPER, DIGITS, SYMBOLS];
  const all = classes.join('');
  const chars = classes.map(pick);
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

function pick(alphabet: string): string {
  return alphabet.charAt(randomInt(alphabet.length));
}

/** Replaces every known secret value with ****, in every line and message that leaves core. */
export class SecretMasker {
  private readonly secrets = new Set<string>();

  constructor(values: Iterable<string> = []) {
    for (const v of values) this.add(v);
  }

  add(value: string): void {
    // Very short values would mask ordinary words; stack secrets are never that short.
    if (value.length >= 4) this.secrets.add(value);
  }

  mask(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is masked whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('****');
    return out;
  }
}
