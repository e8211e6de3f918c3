// CPF and CNPJ generation/validation (modulo-11 check digits).

export type RandomSource = () => number;

const CPF_WEIGHTS_1 = [10, 9, 8, 7, 6, 5, 4, 3, 2];
const CPF_WEIGHTS_2 = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

// The alphanumeric CNPJ (IN RFB 2.229/2024, from July 2026) uses the same weights with each
// character worth its ASCII code minus 48, so digits keep their value.
function charValue(ch: string): number {
  return ch.charCodeAt(0) - 48;
}

function checkDigit(base: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += charValue(base[i]!) * weights[i]!;
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/** Removes the usual punctuation (`.`, `-`, `/`, spaces) and upper-cases. */
export function normalizeDocumentNumber(value: string): string {
  return value.replace(/[.\-/\s]/g, '').toUpperCase();
}

export function isValidCpf(value: string): boolean {
  const cpf = normalizeDocumentNumber(value);
  if (!/^\d{11}$/.test(cpf) || /^(\d)\1{10}$/.test(cpf)) return false;
  const d1 = checkDigit(cpf, CPF_WEIGHTS_1);
  const d2 = checkDigit(cpf.slice(0, 9) + d1, CPF_WEIGHTS_2);
  return cpf.endsWith(`${d1}${d2}`);
}

export function isValidCnpj(value: string): boolean {
  const cnpj = normalizeDocumentNumber(value);
  if (!/^[0-9A-Z]{12}\d{2}$/.test(cnpj) || /^(\d)\1{13}$/.test(cnpj)) return false;
  const d1 = checkDigit(cnpj, CNPJ_WEIGHTS_1);
  const d2 = checkDigit(cnpj.slice(0, 12) + d1, CNPJ_WEIGHTS_2);
  return cnpj.endsWith(`${d1}${d2}`);
}

function randomDigits(count: number, random: RandomSource): string {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.min(9, Math.floor(random() * 10)).toString();
  return out;
}

/** Generates a valid CPF (11 digits, no punctuation). Pass a seeded `random` for determinism. */
export function generateCpf(random: RandomSource = Math.random): string {
  let base: string;
  do base = randomDigits(9, random);
  while (/^(\d)\1{8}$/.test(base));
  const d1 = checkDigit(base, CPF_WEIGHTS_1);
  const d2 = checkDigit(base + d1, CPF_WEIGHTS_2);
  return `${base}${d1}${d2}`;
}

/** Generates a valid numeric CNPJ of a head office (branch `0001`), 14 digits, no punctuation. */
export function generateCnpj(random: RandomSource = Math.random): string {
  let root: string;
  do root = randomDigits(8, random);
  while (/^(\d)\1{7}$/.test(root));
  const base = `${root}0001`;
  const d1 = checkDigit(base, CNPJ_WEIGHTS_1);
  const d2 = checkDigit(base + d1, CNPJ_WEIGHTS_2);
  return `${base}${d1}${d2}`;
}

/** Small deterministic PRNG (mulberry32) for reproducible test data. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
