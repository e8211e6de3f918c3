// PEM <-> DER conversions. Labels matter to Node: CRLs must be `X509 CRL`, keys `PRIVATE KEY`.

export function toPem(der: ArrayBuffer | Uint8Array, label: string): string {
  const base64 = Buffer.from(der instanceof Uint8Array ? der : new Uint8Array(der)).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Returns the DER of every PEM block with `label` (or any label when omitted), in order. */
export function pemBlocks(pem: string, label?: string): Buffer[] {
  const out: Buffer[] = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  for (const match of pem.matchAll(re)) {
    if (label !== undefined && match[1] !== label) continue;
    out.push(Buffer.from(match[2]!.replace(/\s+/g, ''), 'base64'));
  }
  return out;
}

/** DER of the first PEM block with `label`; throws when there is none. */
export function pemToDer(pem: string, label: string): Buffer {
  const [first] = pemBlocks(pem, label);
  if (!first) throw new Error(`No PEM block labelled ${label}`);
  return first;
}

export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
