// Serial numbers are handled as upper-case hex without the DER sign byte: the same form Node
// reports in `getPeerCertificate().serialNumber`, so callers can compare them directly.

/** Normalises a hex serial number (any case, optional `:` separators) to Node's form. */
export function normalizeSerialNumber(hex: string): string {
  const clean = hex.replace(/[:\s]/g, '').toUpperCase();
  if (!/^[0-9A-F]+$/.test(clean)) throw new RangeError(`Serial number must be hexadecimal: ${hex}`);
  let value = clean.replace(/^0+/, '');
  if (value === '') throw new RangeError('Serial number must be positive');
  if (value.length % 2 === 1) value = `0${value}`;
  if (value.length > 40) throw new RangeError('Serial number longer than 20 octets');
  return value;
}

/** 16 random octets, top bit clear and first octet >= 0x10 so the hex form is stable. */
export function randomSerialNumber(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = 0x10 + (bytes[0]! % 0x70);
  return Buffer.from(bytes).toString('hex').toUpperCase();
}

export function serialNumberFromDer(raw: ArrayBuffer | Uint8Array): string {
  const bytes = raw instanceof Uint8Array ? raw : new Uint8Array(raw);
  const hex = Buffer.from(bytes).toString('hex');
  // A zero serial is not valid X.509 but must not make parsing a peer certificate throw.
  return /^0*$/.test(hex) ? '00' : normalizeSerialNumber(hex);
}
