// ICP-Brasil client certificates (e-CNPJ, e-CPF, equipment) per DOC-ICP-04, good and deliberately bad.
import { AsnConvert } from '@peculiar/asn1-schema';
import { GeneralName, OtherName, SubjectAlternativeName, id_ce_subjectAltName } from '@peculiar/asn1-x509';
import { generateCnpj, generateCpf, isValidCnpj, isValidCpf, normalizeDocumentNumber, type RandomSource } from '#brazilian-ids';
import { createCertificateAuthority, loadCertificateAuthority, type CertificateAuthority } from './certificate-authority.js';
import { DER_TAG, encodeTlv } from './der.js';
import {
  EKU_CLIENT_AUTH,
  EKU_EMAIL_PROTECTION,
  formatCei,
  formatPersonData,
  formatTituloEleitor,
  ICP_OTHER_NAME,
  NON_A1_A3_POLICY_OID,
  SUBJECT_SERIAL_NUMBER_OID,
  TEST_POLICY_OID,
  toPrintableText,
  type IcpNivel,
  type IcpTipo,
} from './icp-brasil.js';
import { DAY_MS, signLeaf, validityFor, type IssuedCertificate } from './leaf.js';
import { toArrayBuffer } from './pem.js';
import { buildPkcs12, type Pkcs12Algorithm } from './pkcs12.js';
import { x509 } from './x509.js';

export type CertificateDefect =
  | 'EXPIRADO'
  | 'AINDA_NAO_VALIDO'
  | 'SEM_CLIENT_AUTH'
  | 'SEM_IDENTIDADE'
  | 'UTF8STRING'
  | 'AC_ESTRANGEIRA'
  | 'POLITICA_INVALIDA';

export const CERTIFICATE_DEFECTS: readonly CertificateDefect[] = [
  'EXPIRADO',
  'AINDA_NAO_VALIDO',
  'SEM_CLIENT_AUTH',
  'SEM_IDENTIDADE',
  'UTF8STRING',
  'AC_ESTRANGEIRA',
  'POLITICA_INVALIDA',
];

export type OtherNameEncoding = 'PrintableString' | 'OctetString';

/** Where the CPF/CNPJ goes: the otherName SANs (today), the subject serialNumber (post-2028 plan) or both. */
export type IdentityLocation = 'otherName' | 'subjectSerialNumber' | 'both';

export interface ResponsavelInput {
  nome: string;
  cpf: string;
  /** `aaaa-mm-dd`, `ddmmaaaa` or a Date (UTC). */
  dataNascimento: string | Date;
  nis?: string;
  rg?: string;
  rgEmissorUf?: string;
}

export interface IssueClientCertificateOptions {
  tipo: IcpTipo;
  /** Default `A1`. */
  nivel?: IcpNivel;
  /** Person name (e-CPF), company name (e-CNPJ) or, for equipment, the company name when `nomeEmpresarial` is absent. */
  nome: string;
  /** e-CNPJ / equipment; a valid one is generated when omitted. */
  cnpj?: string;
  /** e-CPF holder; a valid one is generated when omitted. */
  cpf?: string;
  /** e-CPF holder's birth date. Default 1980-01-01. */
  dataNascimento?: string | Date;
  /** e-CNPJ / equipment responsible person; generated when omitted. */
  responsavel?: ResponsavelInput;
  /** Equipment: company name for otherName `.8`. */
  nomeEmpresarial?: string;
  /** Equipment: the URL or application name used as CN. */
  cn?: string;
  email?: string;
  /** CRL distribution point (mandatory in ICP-Brasil). */
  crlUrl?: string;
  now: Date;
  /** Default 365 for A1, 1095 for A3 (the regulation's maxima are 1 and 5 years). */
  validityDays?: number;
  /** Hex; random when omitted. */
  serialNumber?: string;
  defeito?: CertificateDefect | readonly CertificateDefect[];
  /** Default `PrintableString`. */
  otherNameEncoding?: OtherNameEncoding;
  /** Default `otherName`. */
  identityLocation?: IdentityLocation;
  /** CNPJ of the registration authority (AR) shown in the subject. */
  arCnpj?: string;
  /** Identification mode shown in the subject; default `Presencial`. */
  modoIdentificacao?: string;
  /** Default {@link DEFAULT_PKCS12_PASSWORD}. */
  pkcs12Password?: string;
  pkcs12Algorithm?: Pkcs12Algorithm;
  /** Used to generate missing CPF/CNPJ; default Math.random. */
  random?: RandomSource;
}

export interface ClientCertificate extends IssuedCertificate {
  /** Password-protected PKCS#12 (key, certificate and chain), base64. */
  pkcs12Base64: string;
  pkcs12Password: string;
  tipo: IcpTipo;
  nivel: IcpNivel;
  commonName: string;
  /** Identity used, generated values included. With `SEM_IDENTIDADE` it appears only in the CN (a trap for parsers that read the CN). */
  cnpj?: string;
  cpf?: string;
  cpfResponsavel?: string;
  defeitos: CertificateDefect[];
}

export const DEFAULT_CRL_URL = 'http://127.0.0.1:8080/admin/pki/crl.pem';
export const DEFAULT_PKCS12_PASSWORD = 'pucomex-sim';
/** Synthetic, valid CNPJ used as the registration authority's. */
export const DEFAULT_AR_CNPJ = '11222333000181';

const DEFAULT_BIRTH_DATE = '1980-01-01';

const MAX_CN = 64; // X.520 ub-common-name

// `NAME:DOCUMENT`; long names are cut so the document always fits in the 64-character CN.
function nameWithDocument(nome: string, document: string): string {
  return `${nome.slice(0, MAX_CN - document.length - 1).trimEnd()}:${document}`;
}

// Real certificates usually carry an RG and its issuer/UF; some parsers in the wild expect them.
function simulatedRg(random: RandomSource): { rg: string; rgEmissorUf: string } {
  let rg = '';
  for (let i = 0; i < 9; i++) rg += Math.min(9, Math.floor(random() * 10)).toString();
  return { rg, rgEmissorUf: 'SSPSP' };
}

function requireDocument(value: string | undefined, kind: 'CPF' | 'CNPJ', generate: () => string): string {
  if (value === undefined) return generate();
  const clean = normalizeDocumentNumber(value);
  const valid = kind === 'CPF' ? isValidCpf(clean) : isValidCnpj(clean);
  if (!valid) throw new RangeError(`Invalid ${kind}: ${value}`);
  return clean;
}

function otherNameValue(text: string, encoding: OtherNameEncoding | 'UTF8String'): ArrayBuffer {
  const tag =
    encoding === 'OctetString'
      ? DER_TAG.octetString
      : encoding === 'UTF8String'
        ? DER_TAG.utf8String
        : DER_TAG.printableString;
  const bytes = encoding === 'UTF8String' ? new TextEncoder().encode(text) : new Uint8Array(Buffer.from(text, 'latin1'));
  return toArrayBuffer(encodeTlv(tag, bytes));
}

/** subjectAltName built with the low-level types: @peculiar's JSON API cannot express otherName. */
function subjectAltNameExtension(
  otherNames: readonly (readonly [string, string])[],
  encoding: OtherNameEncoding | 'UTF8String',
  email: string | undefined,
): x509.Extension | null {
  const names = otherNames.map(
    ([typeId, text]) => new GeneralName({ otherName: new OtherName({ typeId, value: otherNameValue(text, encoding) }) }),
  );
  if (email) {
    if (!/^[\x21-\x7e]+@[\x21-\x7e]+$/.test(email)) throw new RangeError(`Invalid e-mail address: ${email}`);
    names.push(new GeneralName({ rfc822Name: email }));
  }
  if (names.length === 0) return null;
  return new x509.Extension(id_ce_subjectAltName, false, AsnConvert.serialize(new SubjectAlternativeName(names)));
}

// Throw-away CA per authority for `AC_ESTRANGEIRA`, created on first use.
const foreignAuthorities = new WeakMap<CertificateAuthority, Promise<CertificateAuthority>>();

function foreignAuthority(ca: CertificateAuthority, now: Date): Promise<CertificateAuthority> {
  let pending = foreignAuthorities.get(ca);
  if (!pending) {
    pending = createCertificateAuthority({ now, name: 'ESTRANGEIRA', organization: 'AC ESTRANGEIRA NAO CONFIAVEL' }).then(
      loadCertificateAuthority,
    );
    pending.catch(() => foreignAuthorities.delete(ca));
    foreignAuthorities.set(ca, pending);
  }
  return pending;
}

function collectDefects(defeito: IssueClientCertificateOptions['defeito']): CertificateDefect[] {
  const list: CertificateDefect[] = defeito === undefined ? [] : typeof defeito === 'string' ? [defeito] : [...defeito];
  for (const item of list) {
    if (!CERTIFICATE_DEFECTS.includes(item)) throw new RangeError(`Unknown certificate defect: ${String(item)}`);
  }
  if (list.includes('EXPIRADO') && list.includes('AINDA_NAO_VALIDO')) {
    throw new RangeError('A certificate cannot be both expired and not yet valid');
  }
  return [...new Set(list)];
}

export async function issueClientCertificate(
  ca: CertificateAuthority,
  options: IssueClientCertificateOptions,
): Promise<ClientCertificate> {
  const { tipo, now } = options;
  if (tipo !== 'e-CNPJ' && tipo !== 'e-CPF' && tipo !== 'EQUIPAMENTO') throw new RangeError(`Unknown tipo: ${String(tipo)}`);
  const nivel = options.nivel ?? 'A1';
  if (nivel !== 'A1' && nivel !== 'A3') throw new RangeError(`Unknown nivel: ${String(nivel)}`);
  const defects = collectDefects(options.defeito);
  const random = options.random ?? Math.random;
  const nome = toPrintableText(options.nome);
  if (!nome) throw new RangeError('nome is required');

  const issuingCa = defects.includes('AC_ESTRANGEIRA') ? await foreignAuthority(ca, now) : ca;
  const identityLocation = options.identityLocation ?? 'otherName';
  const withIdentity = !defects.includes('SEM_IDENTIDADE');
  const inOtherName = withIdentity && identityLocation !== 'subjectSerialNumber';
  const inSubject = withIdentity && identityLocation !== 'otherName';

  let cnpj: string | undefined;
  let cpf: string | undefined;
  let cpfResponsavel: string | undefined;
  let commonName: string;
  let otherNames: (readonly [string, string])[];
  let rfbUnit: string | null;

  if (tipo === 'e-CPF') {
    cpf = requireDocument(options.cpf, 'CPF', () => generateCpf(random));
    commonName = nameWithDocument(nome, cpf);
    rfbUnit = `RFB e-CPF ${nivel}`;
    otherNames = [
      [
        ICP_OTHER_NAME.titularPf,
        formatPersonData({ dataNascimento: options.dataNascimento ?? DEFAULT_BIRTH_DATE, cpf, ...simulatedRg(random) }),
      ],
      [ICP_OTHER_NAME.ceiPf, formatCei()],
      [ICP_OTHER_NAME.tituloEleitor, formatTituloEleitor()],
    ];
  } else {
    cnpj = requireDocument(options.cnpj, 'CNPJ', () => generateCnpj(random));
    const responsavel = options.responsavel ?? {
      nome: 'RESPONSAVEL SIMULADO',
      cpf: generateCpf(random),
      dataNascimento: DEFAULT_BIRTH_DATE,
      ...simulatedRg(random),
    };
    cpfResponsavel = requireDocument(responsavel.cpf, 'CPF', () => generateCpf(random));
    const nomeResponsavel = toPrintableText(responsavel.nome);
    if (!nomeResponsavel) throw new RangeError('responsavel.nome is required');
    const dadosResponsavel = formatPersonData({ ...responsavel, cpf: cpfResponsavel });
    if (tipo === 'e-CNPJ') {
      commonName = nameWithDocument(nome, cnpj);
      rfbUnit = `RFB e-CNPJ ${nivel}`;
      otherNames = [
        [ICP_OTHER_NAME.responsavel, dadosResponsavel],
        [ICP_OTHER_NAME.nomeResponsavel, nomeResponsavel],
        [ICP_OTHER_NAME.cnpj, cnpj],
        [ICP_OTHER_NAME.ceiPj, formatCei()],
      ];
    } else {
      // Equipment: the CN is the URL or application name, kept as given.
      commonName = options.cn?.trim() || nome;
      rfbUnit = null;
      const nomeEmpresarial = toPrintableText(options.nomeEmpresarial ?? options.nome);
      otherNames = [
        [ICP_OTHER_NAME.nomeEmpresarial, nomeEmpresarial],
        [ICP_OTHER_NAME.cnpj, cnpj],
        [ICP_OTHER_NAME.nomeResponsavel, nomeResponsavel],
        [ICP_OTHER_NAME.responsavel, dadosResponsavel],
      ];
    }
  }
  if (commonName.length > MAX_CN) throw new RangeError(`The common name is longer than ${MAX_CN} characters`);

  const arCnpj = requireDocument(options.arCnpj ?? DEFAULT_AR_CNPJ, 'CNPJ', () => DEFAULT_AR_CNPJ);
  const subject: x509.JsonNameParams = [
    { C: ['BR'] },
    { O: ['ICP-Brasil'] },
    { OU: [issuingCa.intermediate.cert.subjectName.getField('CN')[0] ?? 'AC SIMULADA'] },
    { OU: [arCnpj] },
    { OU: [options.modoIdentificacao ?? 'Presencial'] },
  ];
  if (rfbUnit) subject.push({ OU: [rfbUnit] }, { OU: ['Secretaria da Receita Federal do Brasil - RFB'] });
  else subject.push({ OU: [`Equipamento ${nivel}`] });
  if (inSubject) subject.push({ [SUBJECT_SERIAL_NUMBER_OID]: [(cnpj ?? cpf)!] });
  subject.push({ CN: [commonName] });

  const encoding = defects.includes('UTF8STRING') ? 'UTF8String' : (options.otherNameEncoding ?? 'PrintableString');
  const san = subjectAltNameExtension(inOtherName ? otherNames : [], encoding, options.email);
  const usages = defects.includes('SEM_CLIENT_AUTH') ? [EKU_EMAIL_PROTECTION] : [EKU_CLIENT_AUTH, EKU_EMAIL_PROTECTION];
  const policy = defects.includes('POLITICA_INVALIDA') ? NON_A1_A3_POLICY_OID : TEST_POLICY_OID[nivel];
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, false),
    new x509.KeyUsagesExtension(
      x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation | x509.KeyUsageFlags.keyEncipherment,
      true,
    ),
    new x509.ExtendedKeyUsageExtension(usages, false),
    new x509.CertificatePolicyExtension([policy], false),
    new x509.CRLDistributionPointsExtension([options.crlUrl ?? DEFAULT_CRL_URL], false),
  ];
  if (san) extensions.push(san);

  const validityDays = options.validityDays ?? (nivel === 'A1' ? 365 : 1095);
  let validity = validityFor(now, validityDays);
  if (defects.includes('EXPIRADO')) {
    const notAfter = new Date(now.getTime() - DAY_MS);
    validity = { notBefore: new Date(notAfter.getTime() - validityDays * DAY_MS), notAfter };
  } else if (defects.includes('AINDA_NAO_VALIDO')) {
    const notBefore = new Date(now.getTime() + DAY_MS);
    validity = { notBefore, notAfter: new Date(notBefore.getTime() + validityDays * DAY_MS) };
  }

  const issued = await signLeaf({
    issuer: issuingCa.intermediate,
    chainPem: issuingCa.chainPem,
    subject,
    serialNumber: options.serialNumber,
    ...validity,
    extensions,
  });
  const pkcs12Password = options.pkcs12Password ?? DEFAULT_PKCS12_PASSWORD;
  const pkcs12Base64 = buildPkcs12({
    keyPem: issued.keyPem,
    certPem: issued.certPem,
    chainPem: issued.chainPem,
    password: pkcs12Password,
    algorithm: options.pkcs12Algorithm,
    friendlyName: commonName,
  });
  return {
    ...issued,
    pkcs12Base64,
    pkcs12Password,
    tipo,
    nivel,
    commonName,
    ...(cnpj === undefined ? {} : { cnpj }),
    ...(cpf === undefined ? {} : { cpf }),
    ...(cpfResponsavel === undefined ? {} : { cpfResponsavel }),
    defeitos: defects,
  };
}
