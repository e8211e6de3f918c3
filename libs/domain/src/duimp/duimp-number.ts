/**
 * Duimp numbers: 15 characters `AABRSSSSSSSSSSD` — the year (2 digits), `BR`, a 10-digit sequence within
 * the year and a modulo-11 check digit over the 12 numeric characters.
 */
export const DUIMP_NUMBER_PATTERN = /^(\d{2})BR(\d{10})(\d)$/;

/**
 * The check digit: the 12 digits (year + sequence) weighted 2, 3, ..., 13 from right to left, with no
 * cycling; r = sum mod 11; DV = 0 when r < 2, otherwise 11 − r. It accepts the official examples
 * 20BR00001001899 and 19BR00000004677.
 */
export function duimpCheckDigit(year: string, sequence: string): number {
  const digits = `${year}${sequence}`;
  if (!/^\d{12}$/.test(digits)) throw new Error(`Duimp year + sequence must be 12 digits, got ${digits}`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[11 - i]) * (i + 2);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

export function isValidDuimpNumber(value: string): boolean {
  const match = DUIMP_NUMBER_PATTERN.exec(value);
  return match !== null && duimpCheckDigit(match[1]!, match[2]!) === Number(match[3]);
}

/** Builds the number of the `sequence`-th Duimp of a year (`year` is the 2-digit form). */
export function buildDuimpNumber(year: string, sequence: number): string {
  if (!/^\d{2}$/.test(year)) throw new Error(`Duimp year must be 2 digits, got ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9_999_999_999) throw new Error(`Duimp sequence out of range: ${sequence}`);
  const padded = String(sequence).padStart(10, '0');
  return `${year}BR${padded}${duimpCheckDigit(year, padded)}`;
}

/** The sequence part of a valid number. */
export function duimpSequence(value: string): number {
  const match = DUIMP_NUMBER_PATTERN.exec(value);
  if (!match) throw new Error(`Not a Duimp number: ${value}`);
  return Number(match[2]);
}

/** Versions are written `0001` in the Duimp covers and as integers in the events API. */
export function formatDuimpVersion(version: number): string {
  return String(version).padStart(4, '0');
}
