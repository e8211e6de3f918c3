// Lets the gateway tell "foreign CA" apart when OpenSSL reports another error last
// (e.g. UNABLE_TO_GET_CRL for a foreign chain once CRL checking is on).
import type { CertificateAuthority } from './certificate-authority.js';
import type { CertificateInput } from './icp-identity.js';
import { pemToDer } from './pem.js';
import { x509 } from './x509.js';

/** True when `certificate` names this authority's intermediate as issuer and its signature verifies with that key. */
export async function isIssuedByAuthority(ca: CertificateAuthority, certificate: CertificateInput): Promise<boolean> {
  let cert: x509.X509Certificate;
  try {
    cert = new x509.X509Certificate(typeof certificate === 'string' ? pemToDer(certificate, 'CERTIFICATE') : certificate);
    if (cert.issuer !== ca.intermediate.cert.subject) return false;
    return await cert.verify({ publicKey: ca.intermediate.cert.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}
