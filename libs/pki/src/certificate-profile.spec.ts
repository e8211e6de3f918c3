// Structure of what the PKI issues, read back with @peculiar/asn1-x509 (no TLS here).
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, id_ce_subjectAltName, SubjectAlternativeName } from '@peculiar/asn1-x509';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCrl,
  buildRootCrl,
  createCertificateAuthority,
  hasClientAuth,
  issueClientCertificate,
  issueServerCertificate,
  loadCertificateAuthority,
  parseIcpIdentity,
  pemToDer,
  type CaBundle,
  type CertificateAuthority,
  type ClientCertificate,
} from './index.js';
import { seededRandom } from '#brazilian-ids';
import { x509 } from './x509.js';

// A simulated clock far from the real one: every date must come from it.
const now = new Date('2031-03-10T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const CRL_URL = 'http://127.0.0.1:9999/admin/pki/crl.pem';

let bundle: CaBundle;
let ca: CertificateAuthority;
let eCnpj: ClientCertificate;
let equipamento: ClientCertificate;
let eCpf: ClientCertificate;

const responsavel = { nome: 'João Responsável', cpf: '529.982.247-25', dataNascimento: '1985-03-15', rg: '12345678X', rgEmissorUf: 'SSP SP' };

function parse(pem: string): Certificate {
  return AsnConvert.parse(pemToDer(pem, 'CERTIFICATE'), Certificate);
}

function otherNames(pem: string): { oid: string; tag: number; text: string }[] {
  const ext = parse(pem).tbsCertificate.extensions?.find((e) => e.extnID === id_ce_subjectAltName);
  if (!ext) return [];
  return AsnConvert.parse(ext.extnValue, SubjectAlternativeName)
    .filter((n) => n.otherName)
    .map((n) => {
      const bytes = new Uint8Array(n.otherName!.value);
      // Values are short: tag, one length byte, content.
      return { oid: n.otherName!.typeId, tag: bytes[0]!, text: Buffer.from(bytes.subarray(2)).toString('utf8') };
    });
}

function cert(pem: string): x509.X509Certificate {
  return new x509.X509Certificate(pemToDer(pem, 'CERTIFICATE'));
}

beforeAll(async () => {
  bundle = await createCertificateAuthority({ now });
  // The bundle is what gets persisted: it must survive JSON.
  ca = await loadCertificateAuthority(JSON.parse(JSON.stringify(bundle)) as CaBundle);
  [eCnpj, equipamento, eCpf] = await Promise.all([
    issueClientCertificate(ca, { tipo: 'e-CNPJ', nome: 'Comércio Exterior Simulado S/A', cnpj: '11.222.333/0001-81', responsavel, now, crlUrl: CRL_URL }),
    issueClientCertificate(ca, {
      tipo: 'EQUIPAMENTO',
      nome: 'Secretaria da Fazenda SP',
      nomeEmpresarial: 'Secretaria da Fazenda do Estado de São Paulo',
      cnpj: '07070596000145',
      cn: 'https://receptor.sefaz.sp.simulado/webhook',
      responsavel,
      now,
      otherNameEncoding: 'OctetString',
    }),
    issueClientCertificate(ca, { tipo: 'e-CPF', nivel: 'A3', nome: 'Maria José', cpf: '11144477735', dataNascimento: '1990-12-01', now }),
  ]);
});

describe('certificate authority', () => {
  it('root and intermediate are clearly test-only CAs with the expected extensions', async () => {
    const root = cert(bundle.root.certPem);
    const intermediate = cert(bundle.intermediate.certPem);
    expect(root.subject).toBe('C=BR, O=ICP-Brasil SIMULADA, CN=AC Raiz SIMULADA pucomex-sim - SOMENTE TESTES');
    expect(root.issuer).toBe(root.subject);
    expect(intermediate.subject).toMatch(/CN=AC SIMULADA pucomex-sim v1 - SOMENTE TESTES$/);
    expect(intermediate.issuer).toBe(root.subject);
    for (const c of [root, intermediate]) {
      const basic = c.getExtension(x509.BasicConstraintsExtension)!;
      expect(basic.ca).toBe(true);
      expect(basic.critical).toBe(true);
      const usage = c.getExtension(x509.KeyUsagesExtension)!;
      expect(usage.critical).toBe(true);
      expect(usage.usages).toBe(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign);
    }
    const rootSki = root.getExtension(x509.SubjectKeyIdentifierExtension)!.keyId;
    expect(intermediate.getExtension(x509.AuthorityKeyIdentifierExtension)!.keyId).toBe(rootSki);
    expect(await intermediate.verify({ publicKey: root.publicKey, signatureOnly: true })).toBe(true);
    expect(bundle.root.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('validity follows the given clock: root 10 years, intermediate 5', () => {
    const root = cert(bundle.root.certPem);
    const intermediate = cert(bundle.intermediate.certPem);
    expect(root.notBefore.getTime()).toBe(now.getTime() - DAY);
    expect(root.notAfter.toISOString()).toBe('2041-03-10T12:00:00.000Z');
    expect(intermediate.notAfter.toISOString()).toBe('2036-03-10T12:00:00.000Z');
  });

  it('refuses a bundle whose key does not match or whose intermediate is foreign', async () => {
    const other = await createCertificateAuthority({ now, name: 'outra' });
    await expect(
      loadCertificateAuthority({ ...bundle, intermediate: { ...bundle.intermediate, keyPem: other.intermediate.keyPem } }),
    ).rejects.toThrow(/does not match/);
    await expect(loadCertificateAuthority({ root: bundle.root, intermediate: other.intermediate })).rejects.toThrow(/not issued by the root/);
  });
});

describe('ICP-Brasil otherName SANs', () => {
  it('e-CNPJ: .4, .2, .3, .7 in that order, PrintableString, fixed widths', () => {
    const names = otherNames(eCnpj.certPem);
    expect(names.map((n) => n.oid)).toEqual(['2.16.76.1.3.4', '2.16.76.1.3.2', '2.16.76.1.3.3', '2.16.76.1.3.7']);
    expect(names.every((n) => n.tag === 0x13)).toBe(true);
    const [dados, nome, cnpj, cei] = names.map((n) => n.text);
    // ddmmaaaa + CPF(11) + NIS(11, zeros) + RG(15, left-padded) + issuer/UF
    expect(dados).toBe('15031985' + '52998224725' + '00000000000' + '00000012345678X' + 'SSPSP');
    expect(nome).toBe('JOAO RESPONSAVEL');
    expect(cnpj).toBe('11222333000181');
    expect(cei).toBe('000000000000');
  });

  it('equipment: .8, .3, .2, .4 in that order, as OCTET STRING when asked', () => {
    const names = otherNames(equipamento.certPem);
    expect(names.map((n) => n.oid)).toEqual(['2.16.76.1.3.8', '2.16.76.1.3.3', '2.16.76.1.3.2', '2.16.76.1.3.4']);
    expect(names.every((n) => n.tag === 0x04)).toBe(true);
    expect(names[0]!.text).toBe('SECRETARIA DA FAZENDA DO ESTADO DE SAO PAULO');
    expect(names[1]!.text).toBe('07070596000145');
  });

  it('e-CPF: .1, .6, .5 in that order with the holder data', () => {
    const names = otherNames(eCpf.certPem);
    expect(names.map((n) => n.oid)).toEqual(['2.16.76.1.3.1', '2.16.76.1.3.6', '2.16.76.1.3.5']);
    const [titular, cei, titulo] = names.map((n) => n.text);
    expect(titular!.slice(0, 19)).toBe('01121990' + '11144477735');
    expect(titular!.length).toBeGreaterThanOrEqual(45);
    expect(titular!.length).toBeLessThanOrEqual(55);
    expect(cei).toBe('000000000000');
    expect(titulo).toBe('0'.repeat(19));
  });

  it('UTF8STRING defect writes UTF8String values; SEM_IDENTIDADE writes none', async () => {
    const [utf8, none] = await Promise.all([
      issueClientCertificate(ca, { tipo: 'EQUIPAMENTO', nome: 'Empresa', now, defeito: 'UTF8STRING' }),
      issueClientCertificate(ca, { tipo: 'e-CPF', nome: 'Fulano', now, defeito: 'SEM_IDENTIDADE', email: 'fulano@example.test' }),
    ]);
    expect(otherNames(utf8.certPem).every((n) => n.tag === 0x0c)).toBe(true);
    expect(otherNames(none.certPem)).toEqual([]);
    expect(cert(none.certPem).getExtension(x509.SubjectAlternativeNameExtension)!.names.toJSON()).toEqual([
      { type: 'email', value: 'fulano@example.test' },
    ]);
  });
});

describe('client certificate profile', () => {
  it('e-CNPJ subject follows the RFB convention', () => {
    const c = cert(eCnpj.certPem);
    expect(c.subject).toBe(
      'C=BR, O=ICP-Brasil, OU=AC SIMULADA pucomex-sim v1 - SOMENTE TESTES, OU=11222333000181, OU=Presencial, ' +
        'OU=RFB e-CNPJ A1, OU=Secretaria da Receita Federal do Brasil - RFB, CN=COMERCIO EXTERIOR SIMULADO S/A:11222333000181',
    );
    expect(c.issuer).toBe(ca.intermediate.cert.subject);
    expect(cert(equipamento.certPem).subjectName.getField('CN')).toEqual(['https://receptor.sefaz.sp.simulado/webhook']);
    expect(cert(eCpf.certPem).subjectName.getField('CN')).toEqual(['MARIA JOSE:11144477735']);
  });

  it('key usage, EKU, policy and CRL distribution point', () => {
    for (const [issued, policy] of [
      [eCnpj, '2.16.76.1.2.1.999'],
      [equipamento, '2.16.76.1.2.1.999'],
      [eCpf, '2.16.76.1.2.3.999'],
    ] as const) {
      const c = cert(issued.certPem);
      const usage = c.getExtension(x509.KeyUsagesExtension)!;
      expect(usage.critical).toBe(true);
      expect(usage.usages).toBe(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation | x509.KeyUsageFlags.keyEncipherment,
      );
      expect(c.getExtension(x509.ExtendedKeyUsageExtension)!.usages).toEqual([
        x509.ExtendedKeyUsage.clientAuth,
        x509.ExtendedKeyUsage.emailProtection,
      ]);
      expect(c.getExtension(x509.CertificatePolicyExtension)!.policies).toEqual([policy]);
      expect(c.getExtension(x509.BasicConstraintsExtension)!.ca).toBe(false);
      const aki = c.getExtension(x509.AuthorityKeyIdentifierExtension)!.keyId;
      expect(aki).toBe(ca.intermediate.keyId);
    }
    const dp = cert(eCnpj.certPem).getExtension(x509.CRLDistributionPointsExtension)!;
    expect(dp.distributionPoints[0]!.distributionPoint!.fullName![0]!.uniformResourceIdentifier).toBe(CRL_URL);
  });

  it('validity: from `now`, A1 365 days and A3 1095 by default; defects move it', async () => {
    expect(eCnpj.notAfter.getTime()).toBe(now.getTime() + 365 * DAY);
    expect(eCnpj.notBefore.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(eCnpj.notBefore.getTime()).toBeGreaterThan(now.getTime() - DAY);
    expect(eCpf.notAfter.getTime()).toBe(now.getTime() + 1095 * DAY);
    const [expired, future, custom] = await Promise.all([
      issueClientCertificate(ca, { tipo: 'e-CNPJ', nome: 'X', now, defeito: 'EXPIRADO' }),
      issueClientCertificate(ca, { tipo: 'e-CNPJ', nome: 'X', now, defeito: ['AINDA_NAO_VALIDO'] }),
      issueClientCertificate(ca, { tipo: 'e-CNPJ', nome: 'X', now, validityDays: 30, serialNumber: '0a:bc:de' }),
    ]);
    expect(expired.notAfter.getTime()).toBeLessThan(now.getTime());
    expect(future.notBefore.getTime()).toBeGreaterThan(now.getTime());
    expect(custom.notAfter.getTime()).toBe(now.getTime() + 30 * DAY);
    expect(custom.serialNumber).toBe('0ABCDE');
    expect(cert(custom.certPem).serialNumber.toUpperCase()).toBe('0ABCDE');
  });

  it('SEM_CLIENT_AUTH and POLITICA_INVALIDA', async () => {
    const [noClient, policy] = await Promise.all([
      issueClientCertificate(ca, { tipo: 'e-CNPJ', nome: 'X', now, defeito: 'SEM_CLIENT_AUTH' }),
      issueClientCertificate(ca, { tipo: 'e-CNPJ', nome: 'X', now, defeito: 'POLITICA_INVALIDA' }),
    ]);
    expect(hasClientAuth(pemToDer(noClient.certPem, 'CERTIFICATE'))).toBe(false);
    expect(hasClientAuth(eCnpj.certPem)).toBe(true);
    expect(parseIcpIdentity(noClient.certPem).problems).toContain('extendedKeyUsage lacks clientAuth');
    const identity = parseIcpIdentity(policy.certPem);
    expect(identity.nivel).toBeNull();
    expect(identity.cnpj).toBe(policy.cnpj);
  });

  it('generated identities are valid and reproducible with a seeded random', async () => {
    const [a, b] = await Promise.all([
      issueClientCertificate(ca, { tipo: 'e-CNPJ', nome: 'X', now, random: seededRandom(7) }),
      issueClientCertificate(ca, { tipo: 'e-CNPJ', nome: 'X', now, random: seededRandom(7) }),
    ]);
    expect(a.cnpj).toBe(b.cnpj);
    expect(a.cpfResponsavel).toBe(b.cpfResponsavel);
    expect(parseIcpIdentity(a.certPem)).toMatchObject({ cnpj: a.cnpj, cpfResponsavel: a.cpfResponsavel, problems: [] });
  });

  it('the CPF/CNPJ can also live in the subject serialNumber (post-2028 profile)', async () => {
    const [subjectOnly, both] = await Promise.all([
      issueClientCertificate(ca, { tipo: 'e-CNPJ', nome: 'X', cnpj: '11222333000181', now, identityLocation: 'subjectSerialNumber' }),
      issueClientCertificate(ca, { tipo: 'e-CPF', nome: 'Y', cpf: '52998224725', now, identityLocation: 'both' }),
    ]);
    expect(otherNames(subjectOnly.certPem)).toEqual([]);
    expect(cert(subjectOnly.certPem).subjectName.getField('2.5.4.5')).toEqual(['11222333000181']);
    expect(parseIcpIdentity(subjectOnly.certPem)).toMatchObject({ tipo: 'e-CNPJ', cnpj: '11222333000181', problems: [] });
    expect(otherNames(both.certPem)).toHaveLength(3);
    expect(parseIcpIdentity(both.certPem)).toMatchObject({ tipo: 'e-CPF', cpf: '52998224725', problems: [] });
  });

  it('long names are cut to keep NAME:CNPJ within the 64-character CN', async () => {
    const nome = 'Secretaria da Fazenda e Planejamento do Estado de São Paulo - Coordenadoria';
    const issued = await issueClientCertificate(ca, { tipo: 'e-CNPJ', nome, cnpj: '11222333000181', now });
    expect(issued.commonName).toHaveLength(64);
    expect(issued.commonName).toMatch(/^SECRETARIA DA FAZENDA E PLANEJAMENTO DO ESTADO DE:11222333000181$/);
    expect(parseIcpIdentity(issued.certPem)).toMatchObject({ cnpj: '11222333000181', nome: 'SECRETARIA DA FAZENDA E PLANEJAMENTO DO ESTADO DE' });
  });

  it('rejects invalid input', async () => {
    await expect(issueClientCertificate(ca, { tipo: 'e-CNPJ', nome: 'X', cnpj: '11222333000182', now })).rejects.toThrow(/Invalid CNPJ/);
    await expect(issueClientCertificate(ca, { tipo: 'e-CPF', nome: 'X', cpf: '123', now })).rejects.toThrow(/Invalid CPF/);
    await expect(
      issueClientCertificate(ca, { tipo: 'e-CNPJ', nome: 'X', now, defeito: ['EXPIRADO', 'AINDA_NAO_VALIDO'] }),
    ).rejects.toThrow(/both/);
    await expect(issueServerCertificate(ca, { now, ipAddresses: ['999.1.1.1'] })).rejects.toThrow(/Invalid IP/);
  });

  it('the PKCS#12 holds the key, the leaf and the chain', () => {
    const der = forge.util.decode64(eCnpj.pkcs12Base64);
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), eCnpj.pkcs12Password);
    const certBags = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]!;
    const keyBags = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!]!;
    expect(keyBags).toHaveLength(1);
    expect(certBags).toHaveLength(3);
    const leafDer = forge.asn1.toDer(forge.pki.certificateToAsn1(certBags[0]!.cert!)).getBytes();
    expect(Buffer.from(leafDer, 'binary').equals(pemToDer(eCnpj.certPem, 'CERTIFICATE'))).toBe(true);
    expect(() => forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), 'wrong')).toThrow();
  });
});

describe('server certificate', () => {
  it('has DNS/IP SANs, serverAuth and critical key usage, issued by the intermediate', async () => {
    const issued = await issueServerCertificate(ca, { now, dnsNames: ['receptor.local'], ipAddresses: ['127.0.0.1', '::1'] });
    const c = cert(issued.certPem);
    expect(c.getExtension(x509.SubjectAlternativeNameExtension)!.names.toJSON()).toEqual([
      { type: 'dns', value: 'receptor.local' },
      { type: 'ip', value: '127.0.0.1' },
      { type: 'ip', value: '::1' },
    ]);
    expect(c.getExtension(x509.ExtendedKeyUsageExtension)!.usages).toEqual([x509.ExtendedKeyUsage.serverAuth]);
    const usage = c.getExtension(x509.KeyUsagesExtension)!;
    expect(usage.critical).toBe(true);
    expect(usage.usages).toBe(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment);
    expect(c.issuer).toBe(ca.intermediate.cert.subject);
    expect(issued.chainPem).toBe(ca.intermediate.certPem + ca.root.certPem);
    expect(issued.notAfter.getTime()).toBe(now.getTime() + 365 * DAY);
  });
});

describe('CRLs', () => {
  it('intermediate CRL: X509 CRL label, entries with reasons, signed by the intermediate', async () => {
    const pem = await buildCrl(
      ca,
      [
        { serialNumber: eCnpj.serialNumber, revokedAt: new Date(now.getTime() - DAY), reason: 'keyCompromise' },
        { serialNumber: eCpf.serialNumber.toLowerCase(), revokedAt: now },
        { serialNumber: eCnpj.serialNumber, revokedAt: now, reason: 'superseded' },
      ],
      { now, nextUpdateHours: 12 },
    );
    expect(pem).toMatch(/^-----BEGIN X509 CRL-----\n/);
    expect(pem).toMatch(/-----END X509 CRL-----\n$/);
    const crl = new x509.X509Crl(pemToDer(pem, 'X509 CRL'));
    expect(crl.issuer).toBe(ca.intermediate.cert.subject);
    expect(crl.nextUpdate?.getTime()).toBe(now.getTime() + 12 * 60 * 60 * 1000);
    expect(await crl.verify({ publicKey: ca.intermediate.cert.publicKey })).toBe(true);
    expect(crl.entries).toHaveLength(2);
    const first = crl.findRevoked(eCnpj.serialNumber.toLowerCase())!;
    expect(first.reason).toBe(x509.X509CrlReason.keyCompromise);
    expect(first.revocationDate.getTime()).toBe(now.getTime() - DAY);
    expect(crl.findRevoked(eCpf.serialNumber.toLowerCase())!.reason).toBeUndefined();
  });

  it('root CRL: empty and signed by the root', async () => {
    const crl = new x509.X509Crl(pemToDer(await buildRootCrl(ca, { now }), 'X509 CRL'));
    expect(crl.issuer).toBe(ca.root.cert.subject);
    expect(crl.entries).toHaveLength(0);
    expect(await crl.verify({ publicKey: ca.root.cert.publicKey })).toBe(true);
  });
});
