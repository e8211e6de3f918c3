// RSA-2048 keys (the ICP-Brasil norm) through WebCrypto; generation runs off the main thread.
import type { webcrypto } from 'node:crypto';
import { pemToDer, toArrayBuffer, toPem } from './pem.js';

export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;

export const SIGNING_ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

const RSA_KEY_GEN = {
  ...SIGNING_ALGORITHM,
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
};

export function generateKeyPair(): Promise<CryptoKeyPair> {
  return globalThis.crypto.subtle.generateKey(RSA_KEY_GEN, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

export async function exportPrivateKeyPem(key: CryptoKey): Promise<string> {
  return toPem(await globalThis.crypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

export function importPrivateKeyPem(pem: string): Promise<CryptoKey> {
  const der = toArrayBuffer(pemToDer(pem, 'PRIVATE KEY'));
  return globalThis.crypto.subtle.importKey('pkcs8', der, SIGNING_ALGORITHM, true, ['sign']);
}
