/** Brazilian taxpayer numbers: CPF (people, 11 digits) and CNPJ (companies, 14 digits). */

function mod11Digit(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

const CPF_W1 = [10, 9, 8, 7, 6, 5, 4, 3, 2];
const CPF_W2 = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_W1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_W2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

const toDigits = (text: string): number[] => [...text.replace(/\D/g, '')].map(Number);
const allSame = (d: readonly number[]): boolean => d.every((x) => x === d[0]);

/** The CPF for a 9-digit base, with its two check digits, as 11 digits. */
export function cpfFromBase(base9: string): string {
  const d = toDigits(base9);
  if (d.length !== 9) throw new RangeError('A CPF base has 9 digits.');
  d.push(mod11Digit(d, CPF_W1));
  d.push(mod11Digit(d, CPF_W2));
  return d.join('');
}

/** The CNPJ for a 12-digit base (8 root + 4 branch), with its two check digits, as 14 digits. */
export function cnpjFromBase(base12: string): string {
  const d = toDigits(base12);
  if (d.length !== 12) throw new RangeError('A CNPJ base has 12 digits.');
  d.push(mod11Digit(d, CNPJ_W1));
  d.push(mod11Digit(d, CNPJ_W2));
  return d.join('');
}

export function isValidCpf(text: string): boolean {
  const d = toDigits(text);
  if (d.length !== 11 || allSame(d)) return false;
  return cpfFromBase(d.slice(0, 9).join('')) === d.join('');
}

export function isValidCnpj(text: string): boolean {
  const d = toDigits(text);
  if (d.length !== 14 || allSame(d)) return false;
  return cnpjFromBase(d.slice(0, 12).join('')) === d.join('');
}

export function formatCpf(digits: string): string {
  return `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6, 9)}-${digits.slice(9)}`;
}

export function formatCnpj(digits: string): string {
  return `${digits.slice(0, 2)}.${digits.slice(2, 5)}.${digits.slice(5, 8)}/${digits.slice(8, 12)}-${digits.slice(12)}`;
}
