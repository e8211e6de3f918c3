// Reads the ICP-Brasil identity of a peer certificate. Node prints `othername:<unsupported>` for
// these entries, so the DER (`getPeerCertificate().raw`) is parsed here.
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  Certificate,
  CertificatePolicies,
  ExtendedKeyUsage,
  id_ce_certificatePolicies,
  id_ce_cRLDistributionPoints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectAltName,
  KeyUsage,
  KeyUsageFlags,
  SubjectAlternativeName,
  type Extension,
  type Name,
} from '@peculiar/asn1-x509';
import { isValidCnpj, isValidCpf } from '#brazilian-ids';
import { decodeSingleTlv, DER_TAG } from './der.js';
import {
  EKU_ANY,
  EKU_CLIENT_AUTH,
  ICP_OTHER_NAME,
  ICP_OTHER_NAME_PREFIX,
  nivelOfPolicy,
  parsePersonData,
  REQUIRED_OTHER_NAMES,
  SUBJECT_SERIAL_NUMBER_OID,
  type IcpNivel,
  type IcpTipo,
} from './icp-brasil.js';
import { pemToDer } from './pem.js';
import { serialNumberFromDer } from './serial-number.js';

export type OtherNameValueEncoding = 'PrintableString' | 'OctetString' | 'UTF8String' | 'IA5String' | 'other';

export interface IcpOtherName {
  oid: string;
  value: string;
  encoding: OtherNameValueEncoding;
}

export interface IcpIdentity {
  tipo: IcpTipo | null;
  nivel: IcpNivel | null;
  cnpj?: string;
  cpf?: string;
  /** Holder (e-CPF) or company (e-CNPJ) name from the CN; for equipment the company name. */
  nome?: string;
  nomeResponsavel?: string;
  cpfResponsavel?: string;
  nomeEmpresarial?: string;
  /** e-CPF holder's birth date as written (ddmmaaaa). */
  dataNascimento?: string;
  commonName: string;
  issuerCommonName: string;
  /** Upper-case hex, as Node reports it. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  policies: string[];
  /** Every otherName SAN, in certificate order. */
  otherNames: IcpOtherName[];
  /** Deviations from DOC-ICP-04 found while reading (empty for a compliant certificate). */
  problems: string[];
}

export type CertificateInput = Buffer | Uint8Array | ArrayBuffer | string;

const CLIENT_AUTH_PURPOSES = new Set([EKU_CLIENT_AUTH, EKU_ANY]);

function parseCertificate(input: CertificateInput): Certificate {
  const der = typeof input === 'string' ? pemToDer(input, 'CERTIFICATE') : input;
  try {
    return AsnConvert.parse(der, Certificate);
  } catch (error) {
    throw new Error('Not a DER X.509 certificate', { cause: error });
  }
}

function findExtension(cert: Certificate, oid: string): Extension | undefined {
  return cert.tbsCertificate.extensions?.find((ext) => ext.extnID === oid);
}

function nameAttributes(name: Name, oid: string): string[] {
  const out: string[] = [];
  for (const rdn of name) for (const attr of rdn) if (attr.type === oid) out.push(attr.value.toString());
  return out;
}

const CN_OID = '2.5.4.3';
const OU_OID = '2.5.4.11';

const ENCODING_BY_TAG: Record<number, OtherNameValueEncoding> = {
  [DER_TAG.printableString]: 'PrintableString',
  [DER_TAG.octetString]: 'OctetString',
  [DER_TAG.utf8String]: 'UTF8String',
  [DER_TAG.ia5String]: 'IA5String',
};

function decodeOtherName(oid: string, value: ArrayBuffer): IcpOtherName {
  const tlv = decodeSingleTlv(new Uint8Array(value));
  const encoding = ENCODING_BY_TAG[tlv.tag] ?? 'other';
  const text =
    encoding === 'UTF8String' ? new TextDecoder().decode(tlv.content) : Buffer.from(tlv.content).toString('latin1');
  return { oid, value: text, encoding };
}

function readOtherNames(cert: Certificate, problems: string[]): IcpOtherName[] {
  const ext = findExtension(cert, id_ce_subjectAltName);
  if (!ext) return [];
  let san: SubjectAlternativeName;
  try {
    san = AsnConvert.parse(ext.extnValue, SubjectAlternativeName);
  } catch {
    problems.push('subjectAltName cannot be decoded');
    return [];
  }
  const out: IcpOtherName[] = [];
  for (const name of san) {
    if (!name.otherName) continue;
    try {
      const entry = decodeOtherName(name.otherName.typeId, name.otherName.value);
      out.push(entry);
      if (entry.oid.startsWith(ICP_OTHER_NAME_PREFIX) && entry.encoding !== 'PrintableString' && entry.encoding !== 'OctetString') {
        problems.push(`otherName ${entry.oid} is a ${entry.encoding}; DOC-ICP-04 requires PrintableString or OCTET STRING`);
      }
    } catch {
      problems.push(`otherName ${name.otherName.typeId} cannot be decoded`);
    }
  }
  return out;
}

function usesClientAuth(cert: Certificate): boolean {
  const ext = findExtension(cert, id_ce_extKeyUsage);
  if (!ext) return false;
  const usages = AsnConvert.parse(ext.extnValue, ExtendedKeyUsage);
  return usages.some((oid) => CLIENT_AUTH_PURPOSES.has(oid));
}

/** True when the extendedKeyUsage extension lists clientAuth (or anyExtendedKeyUsage). ICP-Brasil requires the extension, so its absence is false. */
export function hasClientAuth(certificate: CertificateInput): boolean {
  return usesClientAuth(parseCertificate(certificate));
}

function inferTipo(oids: Set<string>): IcpTipo | null {
  if (oids.has(ICP_OTHER_NAME.cnpj) && oids.has(ICP_OTHER_NAME.nomeEmpresarial)) return 'EQUIPAMENTO';
  if (oids.has(ICP_OTHER_NAME.cnpj)) return 'e-CNPJ';
  if (oids.has(ICP_OTHER_NAME.titularPf)) return 'e-CPF';
  return null;
}

function checkRequiredOtherNames(tipo: IcpTipo, otherNames: IcpOtherName[], problems: string[]): void {
  const required = REQUIRED_OTHER_NAMES[tipo];
  const present = otherNames.map((o) => o.oid).filter((oid) => required.includes(oid));
  const missing = required.filter((oid) => !present.includes(oid));
  if (missing.length > 0) problems.push(`${tipo} certificate lacks otherName ${missing.join(', ')}`);
  else if (present.join() !== required.join()) {
    problems.push(`${tipo} otherName entries are not in the required order (${required.join(', ')})`);
  }
}

const onlyMeaningful = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== '' && !/^0+$/.test(value) ? value.trim() : undefined;

/** Reads tipo, nível, CNPJ/CPF and names; never trusts the CN for the CPF/CNPJ. */
export function parseIcpIdentity(certificate: CertificateInput): IcpIdentity {
  const cert = parseCertificate(certificate);
  const tbs = cert.tbsCertificate;
  const problems: string[] = [];
  const otherNames = readOtherNames(cert, problems);
  const byOid = new Map<string, string>();
  for (const entry of otherNames) if (!byOid.has(entry.oid)) byOid.set(entry.oid, entry.value.trim());

  const commonName = nameAttributes(tbs.subject, CN_OID)[0] ?? '';
  const identity: IcpIdentity = {
    tipo: inferTipo(new Set(byOid.keys())),
    nivel: null,
    commonName,
    issuerCommonName: nameAttributes(tbs.issuer, CN_OID)[0] ?? '',
    serialNumber: serialNumberFromDer(tbs.serialNumber),
    notBefore: tbs.validity.notBefore.getTime(),
    notAfter: tbs.validity.notAfter.getTime(),
    policies: [],
    otherNames,
    problems,
  };

  const acceptCnpj = (value: string | undefined, field: string): string | undefined => {
    const clean = onlyMeaningful(value);
    if (clean === undefined) return undefined;
    if (isValidCnpj(clean)) return clean;
    problems.push(`${field} is not a valid CNPJ: ${clean}`);
    return undefined;
  };
  const acceptCpf = (value: string | undefined, field: string): string | undefined => {
    const clean = onlyMeaningful(value);
    if (clean === undefined) return undefined;
    if (isValidCpf(clean)) return clean;
    problems.push(`${field} is not a valid CPF: ${clean}`);
    return undefined;
  };
  const nameFromCn = /^(.+):[0-9A-Z]{11,14}$/.exec(commonName)?.[1]?.trim();

  if (identity.tipo === 'e-CPF') {
    const holder = parsePersonData(byOid.get(ICP_OTHER_NAME.titularPf) ?? '');
    if (!holder) problems.push(`otherName ${ICP_OTHER_NAME.titularPf} is shorter than its fixed fields`);
    identity.cpf = acceptCpf(holder?.cpf, `otherName ${ICP_OTHER_NAME.titularPf}`);
    identity.dataNascimento = onlyMeaningful(holder?.dataNascimento);
    identity.nome = nameFromCn ?? (commonName || undefined);
  } else if (identity.tipo) {
    identity.cnpj = acceptCnpj(byOid.get(ICP_OTHER_NAME.cnpj), `otherName ${ICP_OTHER_NAME.cnpj}`);
    identity.nomeResponsavel = onlyMeaningful(byOid.get(ICP_OTHER_NAME.nomeResponsavel));
    const responsible = byOid.has(ICP_OTHER_NAME.responsavel) ? parsePersonData(byOid.get(ICP_OTHER_NAME.responsavel)!) : null;
    if (byOid.has(ICP_OTHER_NAME.responsavel) && !responsible) {
      problems.push(`otherName ${ICP_OTHER_NAME.responsavel} is shorter than its fixed fields`);
    }
    identity.cpfResponsavel = acceptCpf(responsible?.cpf, `otherName ${ICP_OTHER_NAME.responsavel}`);
    identity.nomeEmpresarial = onlyMeaningful(byOid.get(ICP_OTHER_NAME.nomeEmpresarial));
    identity.nome = identity.tipo === 'EQUIPAMENTO' ? identity.nomeEmpresarial : (nameFromCn ?? (commonName || undefined));
  } else {
    // Post-2028 profile: CPF/CNPJ in the subject serialNumber, the kind told by the OUs.
    const serial = onlyMeaningful(nameAttributes(tbs.subject, SUBJECT_SERIAL_NUMBER_OID)[0]?.replace(/\D/g, ''));
    const units = nameAttributes(tbs.subject, OU_OID).join('|');
    if (serial?.length === 14) {
      identity.cnpj = acceptCnpj(serial, 'subject serialNumber');
      if (identity.cnpj) identity.tipo = /equipamento/i.test(units) ? 'EQUIPAMENTO' : 'e-CNPJ';
    } else if (serial?.length === 11) {
      identity.cpf = acceptCpf(serial, 'subject serialNumber');
      if (identity.cpf) identity.tipo = 'e-CPF';
    }
    if (identity.tipo) identity.nome = identity.tipo === 'EQUIPAMENTO' ? undefined : (nameFromCn ?? (commonName || undefined));
  }
  if (identity.tipo && byOid.size > 0) checkRequiredOtherNames(identity.tipo, otherNames, problems);
  if (!identity.cnpj && !identity.cpf) problems.push('no ICP-Brasil identity (CPF/CNPJ) in the certificate');

  const policiesExt = findExtension(cert, id_ce_certificatePolicies);
  if (policiesExt) {
    try {
      identity.policies = AsnConvert.parse(policiesExt.extnValue, CertificatePolicies).map((p) => p.policyIdentifier);
    } catch {
      problems.push('certificatePolicies cannot be decoded');
    }
  }
  const niveis = new Set(identity.policies.map(nivelOfPolicy).filter((n): n is IcpNivel => n !== null));
  if (niveis.size === 1) identity.nivel = [...niveis][0]!;
  else if (niveis.size === 0) {
    problems.push(`certificate policy is neither A1 nor A3 (${identity.policies.join(', ') || 'none'})`);
  } else problems.push('certificate declares both A1 and A3 policies');

  try {
    if (!usesClientAuth(cert)) problems.push('extendedKeyUsage lacks clientAuth');
  } catch {
    problems.push('extendedKeyUsage cannot be decoded');
  }
  const keyUsageExt = findExtension(cert, id_ce_keyUsage);
  if (!keyUsageExt) problems.push('keyUsage is missing');
  else {
    if (!keyUsageExt.critical) problems.push('keyUsage is not critical');
    try {
      const flags = AsnConvert.parse(keyUsageExt.extnValue, KeyUsage).toNumber();
      if (!(flags & KeyUsageFlags.digitalSignature)) problems.push('keyUsage lacks digitalSignature');
    } catch {
      problems.push('keyUsage cannot be decoded');
    }
  }
  if (!findExtension(cert, id_ce_cRLDistributionPoints)) problems.push('cRLDistributionPoints is missing');
  return identity;
}
