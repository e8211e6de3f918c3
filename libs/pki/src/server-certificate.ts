// TLS server certificates for integrators' notification receivers (and the simulator itself).
import { isIP } from 'node:net';
import type { CertificateAuthority } from './certificate-authority.js';
import { signLeaf, validityFor, type IssuedCertificate } from './leaf.js';
import { x509 } from './x509.js';

export interface IssueServerCertificateOptions {
  now: Date;
  dnsNames?: string[];
  ipAddresses?: string[];
  /** Default 365. */
  validityDays?: number;
  /** Hex; random when omitted. */
  serialNumber?: string;
  /** Optional CRL distribution point. */
  crlUrl?: string;
}

export type ServerCertificate = IssuedCertificate;

const DNS_NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** Server certificate issued by the intermediate. Without names: `localhost`, 127.0.0.1 and ::1. */
export async function issueServerCertificate(
  ca: CertificateAuthority,
  options: IssueServerCertificateOptions,
): Promise<ServerCertificate> {
  let dnsNames = options.dnsNames ?? [];
  let ipAddresses = options.ipAddresses ?? [];
  if (dnsNames.length === 0 && ipAddresses.length === 0) {
    dnsNames = ['localhost'];
    ipAddresses = ['127.0.0.1', '::1'];
  }
  for (const name of dnsNames) {
    if (name.length > 253 || !DNS_NAME.test(name)) throw new RangeError(`Invalid DNS name: ${name}`);
  }
  for (const ip of ipAddresses) {
    if (isIP(ip) === 0) throw new RangeError(`Invalid IP address: ${ip}`);
  }
  const names: x509.JsonGeneralNames = [
    ...dnsNames.map((value) => ({ type: 'dns' as const, value })),
    ...ipAddresses.map((value) => ({ type: 'ip' as const, value })),
  ];
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, false),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
    new x509.SubjectAlternativeNameExtension(names, false),
  ];
  if (options.crlUrl) extensions.push(new x509.CRLDistributionPointsExtension([options.crlUrl]));
  return signLeaf({
    issuer: ca.intermediate,
    chainPem: ca.chainPem,
    subject: [
      { C: ['BR'] },
      { O: ['pucomex-sim SIMULADO - SOMENTE TESTES'] },
      { CN: [dnsNames[0] ?? ipAddresses[0]!] },
    ],
    serialNumber: options.serialNumber,
    ...validityFor(options.now, options.validityDays ?? 365),
    extensions,
  });
}
