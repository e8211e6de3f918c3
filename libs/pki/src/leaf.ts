// Shared leaf signing: key pair, SKI/AKI and the returned PEM set.
import type { CaCertificate } from './certificate-authority.js';
import { exportPrivateKeyPem, generateKeyPair, SIGNING_ALGORITHM } from './keys.js';
import { normalizeSerialNumber, randomSerialNumber } from './serial-number.js';
import { x509 } from './x509.js';

export interface IssuedCertificate {
  /** Upper-case hex, as Node's `getPeerCertificate().serialNumber`. */
  serialNumber: string;
  certPem: string;
  /** PKCS#8 PEM. */
  keyPem: string;
  /** Issuing intermediate then root. */
  chainPem: string;
  notBefore: Date;
  notAfter: Date;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Leaves start a few minutes before `now` to tolerate a peer clock slightly behind. */
export const BACKDATE_MS = 5 * 60 * 1000;

export interface SignLeafParams {
  issuer: CaCertificate;
  /** Chain to return with the leaf (issuer first). */
  chainPem: string;
  subject: x509.JsonName | x509.JsonNameParams | x509.Name;
  serialNumber?: string;
  notBefore: Date;
  notAfter: Date;
  extensions: x509.Extension[];
}

export async function signLeaf(params: SignLeafParams): Promise<IssuedCertificate> {
  if (params.notAfter.getTime() <= params.notBefore.getTime()) {
    throw new RangeError('notAfter must be later than notBefore');
  }
  const serialNumber = params.serialNumber ? normalizeSerialNumber(params.serialNumber) : randomSerialNumber();
  const keys = await generateKeyPair();
  const subject = params.subject instanceof x509.Name ? params.subject : new x509.Name(params.subject);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber,
    subject,
    issuer: params.issuer.cert.subjectName,
    notBefore: params.notBefore,
    notAfter: params.notAfter,
    publicKey: keys.publicKey,
    signingKey: params.issuer.privateKey,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      ...params.extensions,
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      new x509.AuthorityKeyIdentifierExtension(params.issuer.keyId),
    ],
  });
  return {
    serialNumber,
    certPem: cert.toString('pem') + '\n',
    keyPem: await exportPrivateKeyPem(keys.privateKey),
    chainPem: params.chainPem,
    // Certificates carry whole seconds: report what was actually encoded.
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
  };
}

export function validityFor(now: Date, validityDays: number): { notBefore: Date; notAfter: Date } {
  if (!(validityDays > 0)) throw new RangeError('validityDays must be positive');
  return {
    notBefore: new Date(now.getTime() - BACKDATE_MS),
    notAfter: new Date(now.getTime() + validityDays * DAY_MS),
  };
}
