// Certificate revocation lists ("LCR"). Node's `crl` option needs one per CA in the chain.
import { AsnConvert } from '@peculiar/asn1-schema';
import { CRLNumber, id_ce_cRLNumber } from '@peculiar/asn1-x509';
import type { CaCertificate, CertificateAuthority } from './certificate-authority.js';
import { SIGNING_ALGORITHM } from './keys.js';
import { BACKDATE_MS } from './leaf.js';
import { toPem } from './pem.js';
import { normalizeSerialNumber } from './serial-number.js';
import { x509 } from './x509.js';

export type RevocationReason =
  | 'unspecified'
  | 'keyCompromise'
  | 'cACompromise'
  | 'affiliationChanged'
  | 'superseded'
  | 'cessationOfOperation'
  | 'certificateHold'
  | 'privilegeWithdrawn'
  | 'aACompromise';

export interface RevokedCertificateEntry {
  /** Hex serial number (any case). */
  serialNumber: string;
  revokedAt: Date;
  reason?: RevocationReason;
}

export interface BuildCrlOptions {
  now: Date;
  /** Default 168 (7 days). OpenSSL rejects every certificate once the CRL's nextUpdate is past. */
  nextUpdateHours?: number;
  /** Monotonic CRL number; default: `now` in whole seconds. */
  crlNumber?: number;
}

async function signCrl(
  issuer: CaCertificate,
  entries: x509.X509CrlEntryParams[],
  options: BuildCrlOptions,
): Promise<string> {
  const hours = options.nextUpdateHours ?? 168;
  if (!(hours > 0)) throw new RangeError('nextUpdateHours must be positive');
  const crlNumber = options.crlNumber ?? Math.floor(options.now.getTime() / 1000);
  if (!Number.isSafeInteger(crlNumber) || crlNumber < 0) throw new RangeError('crlNumber must be a non-negative integer');
  const crl = await x509.X509CrlGenerator.create({
    issuer: issuer.cert.subjectName,
    // Back-dated like leaves: a thisUpdate in the verifier's future fails every certificate.
    thisUpdate: new Date(options.now.getTime() - BACKDATE_MS),
    nextUpdate: new Date(options.now.getTime() + hours * 60 * 60 * 1000),
    entries,
    signingKey: issuer.privateKey,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.AuthorityKeyIdentifierExtension(issuer.keyId),
      new x509.Extension(id_ce_cRLNumber, false, AsnConvert.serialize(new CRLNumber(crlNumber))),
    ],
  });
  // @peculiar labels it `BEGIN CRL`, which Node refuses.
  return toPem(crl.rawData, 'X509 CRL');
}

/** CRL of the issuing intermediate listing the revoked leaf certificates. */
export function buildCrl(
  ca: CertificateAuthority,
  revoked: readonly RevokedCertificateEntry[],
  options: BuildCrlOptions,
): Promise<string> {
  // One entry per serial (a serial revoked twice keeps its first revocation).
  const bySerial = new Map<string, RevokedCertificateEntry>();
  for (const entry of revoked) {
    const serialNumber = normalizeSerialNumber(entry.serialNumber);
    const previous = bySerial.get(serialNumber);
    if (!previous || entry.revokedAt < previous.revokedAt) bySerial.set(serialNumber, { ...entry, serialNumber });
  }
  const entries = [...bySerial.values()].map((entry) => ({
    serialNumber: entry.serialNumber,
    revocationDate: entry.revokedAt,
    // RFC 5280: the reason code should be absent rather than `unspecified`.
    reason: entry.reason && entry.reason !== 'unspecified' ? x509.X509CrlReason[entry.reason] : undefined,
  }));
  return signCrl(ca.intermediate, entries, options);
}

/** Empty CRL of the root (covers the intermediate), required by Node's CRL checking. */
export function buildRootCrl(ca: CertificateAuthority, options: BuildCrlOptions): Promise<string> {
  return signCrl(ca.root, [], options);
}
