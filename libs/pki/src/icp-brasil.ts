// ICP-Brasil certificate profile facts (DOC-ICP-04 §1.2.2, §7.1.2.3–7.1.2.4).

export type IcpTipo = 'e-CNPJ' | 'e-CPF' | 'EQUIPAMENTO';
export type IcpNivel = 'A1' | 'A3';

/** otherName type ids in the subjectAltName. */
export const ICP_OTHER_NAME = {
  /** e-CPF holder: birth date + CPF + NIS + RG + RG issuer/UF. */
  titularPf: '2.16.76.1.3.1',
  /** e-CNPJ / equipment: name of the responsible person. */
  nomeResponsavel: '2.16.76.1.3.2',
  cnpj: '2.16.76.1.3.3',
  /** e-CNPJ / equipment: responsible person's data, same layout as `titularPf`. */
  responsavel: '2.16.76.1.3.4',
  tituloEleitor: '2.16.76.1.3.5',
  ceiPf: '2.16.76.1.3.6',
  ceiPj: '2.16.76.1.3.7',
  nomeEmpresarial: '2.16.76.1.3.8',
} as const;

export const ICP_OTHER_NAME_PREFIX = '2.16.76.1.3.';

/** Required otherName entries, in the required order. */
export const REQUIRED_OTHER_NAMES: Readonly<Record<IcpTipo, readonly string[]>> = {
  'e-CNPJ': [ICP_OTHER_NAME.responsavel, ICP_OTHER_NAME.nomeResponsavel, ICP_OTHER_NAME.cnpj, ICP_OTHER_NAME.ceiPj],
  EQUIPAMENTO: [
    ICP_OTHER_NAME.nomeEmpresarial,
    ICP_OTHER_NAME.cnpj,
    ICP_OTHER_NAME.nomeResponsavel,
    ICP_OTHER_NAME.responsavel,
  ],
  'e-CPF': [ICP_OTHER_NAME.titularPf, ICP_OTHER_NAME.ceiPf, ICP_OTHER_NAME.tituloEleitor],
};

/** Policy arcs: A1 `2.16.76.1.2.1.n`, A3 `2.16.76.1.2.3.n`; `n` is per CA, `.999` for the test CA. */
export const POLICY_ARC: Readonly<Record<IcpNivel, string>> = {
  A1: '2.16.76.1.2.1',
  A3: '2.16.76.1.2.3',
};

export const TEST_POLICY_OID: Readonly<Record<IcpNivel, string>> = {
  A1: `${POLICY_ARC.A1}.999`,
  A3: `${POLICY_ARC.A3}.999`,
};

/** An ICP-Brasil A2-style policy: a real arc, but neither A1 nor A3. */
export const NON_A1_A3_POLICY_OID = '2.16.76.1.2.2.999';

/** Subject serialNumber attribute (2.5.4.5): where the CPF/CNPJ may move after 2028. */
export const SUBJECT_SERIAL_NUMBER_OID = '2.5.4.5';

export const EKU_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
export const EKU_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
export const EKU_ANY = '2.5.29.37.0';

export function nivelOfPolicy(oid: string): IcpNivel | null {
  if (oid.startsWith(`${POLICY_ARC.A1}.`)) return 'A1';
  if (oid.startsWith(`${POLICY_ARC.A3}.`)) return 'A3';
  return null;
}

/**
 * Upper-case ASCII restricted to the PrintableString alphabet: accents are stripped, `&` becomes
 * `E`, other characters become spaces.
 */
export function toPrintableText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/&/g, 'E')
    .replace(/[^A-Z0-9 '()+,\-./:=?]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function digitsOnly(value: string): string {
  return value.replace(/\D/g, '');
}

/** ddmmaaaa from a Date (UTC), an ISO `aaaa-mm-dd` string or an already formatted `ddmmaaaa`. */
export function formatBirthDate(value: Date | string | undefined): string {
  if (value === undefined) return '00000000';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('Invalid birth date');
    const dd = String(value.getUTCDate()).padStart(2, '0');
    const mm = String(value.getUTCMonth() + 1).padStart(2, '0');
    return `${dd}${mm}${String(value.getUTCFullYear()).padStart(4, '0')}`;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return `${iso[3]}${iso[2]}${iso[1]}`;
  if (/^\d{8}$/.test(value)) return value;
  throw new RangeError(`Birth date must be aaaa-mm-dd or ddmmaaaa: ${value}`);
}

export interface PersonDataInput {
  dataNascimento?: Date | string;
  cpf?: string;
  nis?: string;
  rg?: string;
  /** RG issuer and UF, e.g. `SSPSP` (up to 10 characters). */
  rgEmissorUf?: string;
}

function fixedNumber(value: string | undefined, width: number, field: string): string {
  const clean = value === undefined ? '' : digitsOnly(value);
  if (clean.length > width) throw new RangeError(`${field} longer than ${width} digits`);
  return clean.padStart(width, '0');
}

/** Layout of `.1` and `.4`: ddmmaaaa(8) + CPF(11) + NIS(11) + RG(15) + issuer/UF(≤10). */
export function formatPersonData(input: PersonDataInput): string {
  const rg = (input.rg ?? '').toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (rg.length > 15) throw new RangeError('RG longer than 15 characters');
  const issuer = (input.rgEmissorUf ?? '').toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, 10);
  return (
    formatBirthDate(input.dataNascimento) +
    fixedNumber(input.cpf, 11, 'CPF') +
    fixedNumber(input.nis, 11, 'NIS') +
    rg.padStart(15, '0') +
    issuer
  );
}

export interface PersonData {
  dataNascimento: string;
  cpf: string;
  nis: string;
  rg: string;
  rgEmissorUf: string;
}

/** Slices the fixed positions; the issuer/UF is "the rest" because widths varied over time. */
export function parsePersonData(value: string): PersonData | null {
  if (value.length < 19) return null;
  return {
    dataNascimento: value.slice(0, 8),
    cpf: value.slice(8, 19),
    nis: value.slice(19, 30),
    rg: value.slice(30, 45),
    rgEmissorUf: value.slice(45),
  };
}

/** Layout of `.5`: título(12) + zona(3) + seção(4) + município/UF(≤22). */
export function formatTituloEleitor(input: { numero?: string; zona?: string; secao?: string; municipioUf?: string } = {}): string {
  const municipio = toPrintableText(input.municipioUf ?? '').replace(/[^A-Z0-9]/g, '').slice(0, 22);
  return (
    fixedNumber(input.numero, 12, 'Título de eleitor') +
    fixedNumber(input.zona, 3, 'Zona eleitoral') +
    fixedNumber(input.secao, 4, 'Seção eleitoral') +
    municipio
  );
}

export function formatCei(value?: string): string {
  return fixedNumber(value, 12, 'CEI');
}
