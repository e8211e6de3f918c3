// Minimal DER helpers for the single-value types used in ICP-Brasil otherName entries.
// Kept local so the library depends only on the @peculiar packages declared in package.json.

export const DER_TAG = {
  octetString: 0x04,
  utf8String: 0x0c,
  printableString: 0x13,
  t61String: 0x14,
  ia5String: 0x16,
  bmpString: 0x1e,
} as const;

export function encodeTlv(tag: number, content: Uint8Array): Uint8Array {
  const length = content.length;
  let header: number[];
  if (length < 0x80) {
    header = [tag, length];
  } else {
    const lengthBytes: number[] = [];
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) lengthBytes.unshift(rest & 0xff);
    header = [tag, 0x80 | lengthBytes.length, ...lengthBytes];
  }
  const out = new Uint8Array(header.length + length);
  out.set(header, 0);
  out.set(content, header.length);
  return out;
}

export interface Tlv {
  tag: number;
  content: Uint8Array;
}

/** Decodes one TLV that must span the whole input (definite length only, as DER requires). */
export function decodeSingleTlv(bytes: Uint8Array): Tlv {
  if (bytes.length < 2) throw new Error('DER value too short');
  const tag = bytes[0]!;
  let offset = 2;
  let length = bytes[1]!;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || bytes.length < 2 + count) throw new Error('Unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i]!;
    offset += count;
  }
  if (offset + length !== bytes.length) throw new Error('DER length does not match the value');
  return { tag, content: bytes.subarray(offset, offset + length) };
}
