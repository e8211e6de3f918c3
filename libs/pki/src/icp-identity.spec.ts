// Parser behaviour on hand-made certificates the issuer API would never produce.
import { AsnConvert } from '@peculiar/asn1-schema';
import { GeneralName, id_ce_subjectAltName, OtherName, SubjectAlternativeName } from '@peculiar/asn1-x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeTlv } from './der.js';
import {
  createCertificateAuthority,
  formatBirthDate,
  formatPersonData,
  loadCertificateAuthority,
  parseIcpIdentity,
  parsePersonData,
  toPrintableText,
  type CertificateAuthority,
} from './index.js';
import { generateKeyPair, SIGNING_ALGORITHM } from './keys.js';
import { x509 } from './x509.js';

const now = new Date('2030-06-01T00:00:00Z');
let ca: CertificateAuthority;
let keys: Awaited<ReturnType<typeof generateKeyPair>>;

beforeAll(async () => {
  [ca, keys] = await Promise.all([createCertificateAuthority({ now }).then(loadCertificateAuthority), generateKeyPair()]);
});

function printable(text: string): ArrayBuffer {
  const der = encodeTlv(0x13, new Uint8Array(Buffer.from(text, 'latin1')));
  return der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer;
}

async function handMade(entries: [string, string][], extensions: x509.Extension[] = []): Promise<ArrayBuffer> {
  const san = new SubjectAlternativeName(
    entries.map(([typeId, text]) => new GeneralName({ otherName: new OtherName({ typeId, value: printable(text) }) })),
  );
  const cert = await x509.X509CertificateGenerator.create({
    subject: 'C=BR, O=ICP-Brasil, CN=EMPRESA MANUAL:11222333000181',
    issuer: ca.intermediate.cert.subjectName,
    notBefore: now,
    notAfter: new Date(now.getTime() + 86_400_000),
    publicKey: keys.publicKey,
    signingKey: ca.intermediate.privateKey,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [new x509.Extension(id_ce_subjectAltName, false, AsnConvert.serialize(san)), ...extensions],
  });
  return cert.rawData;
}

describe('parseIcpIdentity on non-conforming certificates', () => {
  it('reports the order, an invalid CNPJ and the missing profile extensions', async () => {
    const der = await handMade([
      ['2.16.76.1.3.3', '11222333000182'],
      ['2.16.76.1.3.4', formatPersonData({ dataNascimento: '1970-01-31', cpf: '52998224725' })],
      ['2.16.76.1.3.2', 'FULANO'],
      ['2.16.76.1.3.7', '000000000000'],
    ]);
    const identity = parseIcpIdentity(Buffer.from(der));
    expect(identity.tipo).toBe('e-CNPJ');
    expect(identity.cnpj).toBeUndefined();
    expect(identity.cpfResponsavel).toBe('52998224725');
    expect(identity.nomeResponsavel).toBe('FULANO');
    expect(identity.problems).toEqual(
      expect.arrayContaining([
        'otherName 2.16.76.1.3.3 is not a valid CNPJ: 11222333000182',
        expect.stringMatching(/not in the required order/),
        expect.stringMatching(/neither A1 nor A3 \(none\)/),
        'extendedKeyUsage lacks clientAuth',
        'keyUsage is missing',
        'cRLDistributionPoints is missing',
        expect.stringMatching(/no ICP-Brasil identity/),
      ]),
    );
  });

  it('reports missing required entries; ignores the CNPJ written in the CN', async () => {
    const der = await handMade([['2.16.76.1.3.3', '11222333000181']], [new x509.CertificatePolicyExtension(['2.16.76.1.2.3.7'])]);
    const identity = parseIcpIdentity(new Uint8Array(der));
    expect(identity).toMatchObject({ tipo: 'e-CNPJ', nivel: 'A3', cnpj: '11222333000181', nome: 'EMPRESA MANUAL' });
    expect(identity.problems).toContainEqual(expect.stringMatching(/lacks otherName 2\.16\.76\.1\.3\.4, 2\.16\.76\.1\.3\.2, 2\.16\.76\.1\.3\.7/));
    const noSan = parseIcpIdentity(await handMade([]));
    expect(noSan.cnpj).toBeUndefined();
    expect(noSan.tipo).toBeNull();
  });

  it('throws on something that is not a certificate', () => {
    expect(() => parseIcpIdentity(Buffer.from('not a certificate'))).toThrow(/Not a DER X\.509 certificate/);
  });
});

describe('fixed-position fields', () => {
  it('formats and slices the person data; issuer/UF is the rest of the string', () => {
    const value = formatPersonData({ dataNascimento: new Date(Date.UTC(1985, 2, 15)), cpf: '52998224725', nis: '12345678901', rg: 'MG1234567', rgEmissorUf: 'SSP/MG' });
    expect(value).toBe('15031985' + '52998224725' + '12345678901' + '000000MG1234567' + 'SSPMG');
    expect(parsePersonData(value)).toEqual({
      dataNascimento: '15031985',
      cpf: '52998224725',
      nis: '12345678901',
      rg: '000000MG1234567',
      rgEmissorUf: 'SSPMG',
    });
    // Older layouts: 6 positions for issuer/UF, or none at all.
    expect(parsePersonData(value.slice(0, 45) + 'SSP MG')?.rgEmissorUf).toBe('SSP MG');
    expect(parsePersonData(value.slice(0, 45))?.rgEmissorUf).toBe('');
    expect(parsePersonData('0101')).toBeNull();
  });

  it('normalises dates and text', () => {
    expect(formatBirthDate('1999-12-31')).toBe('31121999');
    expect(formatBirthDate('31121999')).toBe('31121999');
    expect(formatBirthDate(undefined)).toBe('00000000');
    expect(() => formatBirthDate('31/12/1999')).toThrow();
    expect(toPrintableText('  Açúcar & Álcool  Ltda.  ')).toBe('ACUCAR E ALCOOL LTDA.');
    expect(() => formatPersonData({ cpf: '123456789012' })).toThrow(/CPF/);
  });
});
