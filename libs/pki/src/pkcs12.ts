// PKCS#12 (.pfx) packaging with node-forge; the result loads in Node's tls with pfx + passphrase.
import forge from 'node-forge';
import { pemBlocks } from './pem.js';

export type Pkcs12Algorithm = 'aes256' | '3des';

export interface BuildPkcs12Options {
  keyPem: string;
  certPem: string;
  /** CA certificates to include after the leaf (issuer first). */
  chainPem?: string;
  password: string;
  /** Default `aes256` (PBES2); `3des` for older consumers (e.g. Java 8, Windows 7). */
  algorithm?: Pkcs12Algorithm;
  friendlyName?: string;
}

function forgeCertificate(der: Buffer): forge.pki.Certificate {
  // forge keeps the parsed tbsCertificate and re-emits it as is, so the signature stays valid.
  return forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary'))));
}

/** Returns the PKCS#12 as base64. */
export function buildPkcs12(options: BuildPkcs12Options): string {
  if (!options.password) throw new RangeError('A PKCS#12 password is required');
  const key = forge.pki.privateKeyFromPem(options.keyPem);
  const certs = [...pemBlocks(options.certPem, 'CERTIFICATE'), ...pemBlocks(options.chainPem ?? '', 'CERTIFICATE')].map(
    forgeCertificate,
  );
  if (certs.length === 0) throw new RangeError('No certificate to package');
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, options.password, {
    algorithm: options.algorithm ?? 'aes256',
    friendlyName: options.friendlyName,
    generateLocalKeyId: true,
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary').toString('base64');
}
