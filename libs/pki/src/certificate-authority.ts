// The simulator's test PKI: a root and one issuing intermediate, both clearly marked test-only.
import { exportPrivateKeyPem, generateKeyPair, importPrivateKeyPem, SIGNING_ALGORITHM, type CryptoKey } from './keys.js';
import { pemToDer } from './pem.js';
import { randomSerialNumber } from './serial-number.js';
import { x509 } from './x509.js';

export interface PemKeyPair {
  certPem: string;
  /** PKCS#8 PEM (`BEGIN PRIVATE KEY`). */
  keyPem: string;
}

/** Serialisable form of the authority (persist it as JSON). */
export interface CaBundle {
  root: PemKeyPair;
  intermediate: PemKeyPair;
}

export interface CaCertificate extends PemKeyPair {
  cert: x509.X509Certificate;
  privateKey: CryptoKey;
  /** Hex key identifier, used as the AuthorityKeyIdentifier of what this CA signs. */
  keyId: string;
}

export interface CertificateAuthority {
  readonly bundle: CaBundle;
  readonly root: CaCertificate;
  /** Issues every leaf certificate and the leaf CRL. */
  readonly intermediate: CaCertificate;
  /** Intermediate then root: what a leaf sends after itself. */
  readonly chainPem: string;
  /** Root and intermediate PEMs, ready for a TLS `ca` option (clients often send only the leaf). */
  readonly caPems: readonly string[];
}

export interface CreateCertificateAuthorityOptions {
  now: Date;
  /** Label inside the CA names; default `pucomex-sim`. */
  name?: string;
  /** Default `ICP-Brasil SIMULADA`. */
  organization?: string;
  rootValidityYears?: number;
  intermediateValidityYears?: number;
}

export const DEFAULT_CA_LABEL = 'pucomex-sim';
const DAY_MS = 24 * 60 * 60 * 1000;

export function rootCommonName(label = DEFAULT_CA_LABEL): string {
  return `AC Raiz SIMULADA ${label} - SOMENTE TESTES`;
}

export function intermediateCommonName(label = DEFAULT_CA_LABEL): string {
  return `AC SIMULADA ${label} v1 - SOMENTE TESTES`;
}

function addYears(date: Date, years: number): Date {
  const out = new Date(date.getTime());
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

export async function createCertificateAuthority(options: CreateCertificateAuthorityOptions): Promise<CaBundle> {
  const { now } = options;
  const label = options.name ?? DEFAULT_CA_LABEL;
  const organization = options.organization ?? 'ICP-Brasil SIMULADA';
  // Back-dated a day so a clock slightly behind `now` still accepts the CA.
  const notBefore = new Date(now.getTime() - DAY_MS);
  const [rootKeys, intermediateKeys] = await Promise.all([generateKeyPair(), generateKeyPair()]);

  const rootName = new x509.Name([{ C: ['BR'] }, { O: [organization] }, { CN: [rootCommonName(label)] }]);
  const rootSki = await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey);
  const root = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialNumber(),
    subject: rootName,
    issuer: rootName,
    notBefore,
    notAfter: addYears(now, options.rootValidityYears ?? 10),
    publicKey: rootKeys.publicKey,
    signingKey: rootKeys.privateKey,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      rootSki,
      new x509.AuthorityKeyIdentifierExtension(rootSki.keyId),
    ],
  });

  const intermediateName = new x509.Name([
    { C: ['BR'] },
    { O: [organization] },
    { OU: [rootCommonName(label)] },
    { CN: [intermediateCommonName(label)] },
  ]);
  const intermediate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialNumber(),
    subject: intermediateName,
    issuer: root.subjectName,
    notBefore,
    notAfter: addYears(now, options.intermediateValidityYears ?? 5),
    publicKey: intermediateKeys.publicKey,
    signingKey: rootKeys.privateKey,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(intermediateKeys.publicKey),
      new x509.AuthorityKeyIdentifierExtension(rootSki.keyId),
    ],
  });

  return {
    root: { certPem: root.toString('pem') + '\n', keyPem: await exportPrivateKeyPem(rootKeys.privateKey) },
    intermediate: {
      certPem: intermediate.toString('pem') + '\n',
      keyPem: await exportPrivateKeyPem(intermediateKeys.privateKey),
    },
  };
}

async function loadCaCertificate(pair: PemKeyPair, role: string): Promise<CaCertificate> {
  const cert = new x509.X509Certificate(pemToDer(pair.certPem, 'CERTIFICATE'));
  const basic = cert.getExtension(x509.BasicConstraintsExtension);
  if (!basic?.ca) throw new Error(`The ${role} certificate is not a CA`);
  const ski = cert.getExtension(x509.SubjectKeyIdentifierExtension);
  const keyId = ski?.keyId ?? (await x509.SubjectKeyIdentifierExtension.create(cert.publicKey)).keyId;
  const privateKey = await importPrivateKeyPem(pair.keyPem);
  // A bundle with a swapped key would only fail later, at the first TLS handshake.
  const probe = new TextEncoder().encode('pucomex-sim key check');
  const signature = await globalThis.crypto.subtle.sign(SIGNING_ALGORITHM, privateKey, probe);
  const publicKey = await cert.publicKey.export(SIGNING_ALGORITHM, ['verify']);
  if (!(await globalThis.crypto.subtle.verify(SIGNING_ALGORITHM, publicKey, signature, probe))) {
    throw new Error(`The ${role} private key does not match its certificate`);
  }
  return { cert, certPem: normalisePem(pair.certPem), keyPem: pair.keyPem, privateKey, keyId };
}

function normalisePem(pem: string): string {
  return pem.endsWith('\n') ? pem : `${pem}\n`;
}

/** Rebuilds a usable authority (imported CryptoKeys, parsed certificates) from its bundle. */
export async function loadCertificateAuthority(bundle: CaBundle): Promise<CertificateAuthority> {
  const [root, intermediate] = await Promise.all([
    loadCaCertificate(bundle.root, 'root'),
    loadCaCertificate(bundle.intermediate, 'intermediate'),
  ]);
  if (intermediate.cert.issuer !== root.cert.subject) {
    throw new Error('The intermediate certificate was not issued by the root');
  }
  if (!(await intermediate.cert.verify({ publicKey: root.cert.publicKey, signatureOnly: true }))) {
    throw new Error('The intermediate certificate signature does not verify against the root');
  }
  return {
    bundle,
    root,
    intermediate,
    chainPem: intermediate.certPem + root.certPem,
    caPems: [root.certPem, intermediate.certPem],
  };
}
