// Real Node TLS on 127.0.0.1: the certificates this library issues, as the gateway will see them.
import { once } from 'node:events';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import tls, { type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCrl,
  buildRootCrl,
  createCertificateAuthority,
  issueClientCertificate,
  issueServerCertificate,
  isIssuedByAuthority,
  loadCertificateAuthority,
  parseIcpIdentity,
  randomSerialNumber,
  type CertificateAuthority,
  type ClientCertificate,
  type IcpIdentity,
} from './index.js';

interface ServerView {
  authorized: boolean;
  error: string | null;
  nodeSerialNumber: string | null;
  identity: IcpIdentity | null;
}

interface ClientCredentials {
  key?: string;
  cert?: string;
  pfx?: Buffer;
  passphrase?: string;
}

const now = new Date();
let ca: CertificateAuthority;
let server: https.Server;
let port: number;
const certs: Record<string, ClientCertificate> = {};
const revokedSerial = randomSerialNumber();

function withChain(c: ClientCertificate): ClientCredentials {
  return { key: c.keyPem, cert: c.certPem + c.chainPem };
}

// `agent: false`: no TLS session reuse, so every request is verified afresh.
async function call(credentials: ClientCredentials): Promise<ServerView> {
  const req = https.request({ host: '127.0.0.1', port, path: '/', ca: ca.root.certPem, agent: false, ...credentials });
  req.end();
  const [res] = (await once(req, 'response')) as [import('node:http').IncomingMessage];
  let body = '';
  for await (const chunk of res) body += chunk;
  return JSON.parse(body) as ServerView;
}

beforeAll(async () => {
  ca = await loadCertificateAuthority(await createCertificateAuthority({ now }));
  const base = { now, nome: 'Empresa Simulada Ltda' } as const;
  const issued = await Promise.all([
    issueClientCertificate(ca, { ...base, tipo: 'e-CNPJ', cnpj: '11222333000181' }),
    issueClientCertificate(ca, { ...base, tipo: 'e-CPF', nivel: 'A3', nome: 'Maria da Silva', cpf: '52998224725' }),
    issueClientCertificate(ca, { ...base, tipo: 'EQUIPAMENTO', cnpj: '07070596000145', cn: 'sefaz-sp.simulada', otherNameEncoding: 'OctetString' }),
    issueClientCertificate(ca, { ...base, tipo: 'e-CNPJ', defeito: 'EXPIRADO' }),
    issueClientCertificate(ca, { ...base, tipo: 'e-CNPJ', defeito: 'AINDA_NAO_VALIDO' }),
    issueClientCertificate(ca, { ...base, tipo: 'e-CNPJ', defeito: 'SEM_CLIENT_AUTH' }),
    issueClientCertificate(ca, { ...base, tipo: 'e-CNPJ', defeito: 'AC_ESTRANGEIRA' }),
    issueClientCertificate(ca, { ...base, tipo: 'e-CNPJ', serialNumber: revokedSerial }),
    issueClientCertificate(ca, { ...base, tipo: 'e-CNPJ', defeito: 'SEM_IDENTIDADE' }),
    issueClientCertificate(ca, { ...base, tipo: 'e-CNPJ', defeito: 'UTF8STRING' }),
    issueClientCertificate(ca, { ...base, tipo: 'e-CNPJ', defeito: 'POLITICA_INVALIDA' }),
    issueClientCertificate(ca, { ...base, tipo: 'e-CPF', pkcs12Algorithm: '3des', pkcs12Password: 'outra senha' }),
    issueClientCertificate(ca, { ...base, tipo: 'e-CNPJ' }),
  ]);
  const names = ['eCnpj', 'eCpf', 'equipamento', 'expirado', 'naoValido', 'semClientAuth', 'estrangeira', 'revogado', 'semIdentidade', 'utf8', 'politica', 'eCpf3des', 'revogadoDepois'];
  names.forEach((name, i) => (certs[name] = issued[i]!));

  const serverCert = await issueServerCertificate(ca, { now, ipAddresses: ['127.0.0.1'], dnsNames: ['localhost'] });
  const crl = await buildCrl(ca, [{ serialNumber: revokedSerial, revokedAt: now, reason: 'keyCompromise' }], { now });
  server = https.createServer(
    {
      key: serverCert.keyPem,
      cert: serverCert.certPem + serverCert.chainPem,
      requestCert: true,
      // Soft mode: the application reads the verification result instead of a bare reset.
      rejectUnauthorized: false,
      ca: [...ca.caPems],
      crl: [crl, await buildRootCrl(ca, { now })],
    },
    (req, res) => {
      const socket = req.socket as TLSSocket;
      const peer = socket.getPeerCertificate();
      const raw = peer && 'raw' in peer ? peer.raw : undefined;
      const view: ServerView = {
        authorized: socket.authorized,
        error: socket.authorizationError ? String(socket.authorizationError) : null,
        nodeSerialNumber: raw ? peer.serialNumber : null,
        identity: raw ? parseIcpIdentity(raw) : null,
      };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(view));
    },
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  if (!server) return;
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

describe('valid ICP-Brasil client certificates', () => {
  it('e-CNPJ A1: authorized, identity read from the DER', async () => {
    const view = await call(withChain(certs.eCnpj!));
    expect(view).toMatchObject({ authorized: true, error: null });
    expect(view.identity).toMatchObject({
      tipo: 'e-CNPJ',
      nivel: 'A1',
      cnpj: '11222333000181',
      nome: 'EMPRESA SIMULADA LTDA',
      cpfResponsavel: certs.eCnpj!.cpfResponsavel,
      problems: [],
    });
    expect(view.nodeSerialNumber).toBe(certs.eCnpj!.serialNumber);
  });

  it('e-CPF A3: authorized with the CPF', async () => {
    const view = await call(withChain(certs.eCpf!));
    expect(view).toMatchObject({ authorized: true, error: null });
    expect(view.identity).toMatchObject({ tipo: 'e-CPF', nivel: 'A3', cpf: '52998224725', nome: 'MARIA DA SILVA', problems: [] });
    expect(view.identity?.cnpj).toBeUndefined();
  });

  it('equipment (OCTET STRING values): authorized with the CNPJ and the company name', async () => {
    const view = await call(withChain(certs.equipamento!));
    expect(view).toMatchObject({ authorized: true, error: null });
    expect(view.identity).toMatchObject({
      tipo: 'EQUIPAMENTO',
      nivel: 'A1',
      cnpj: '07070596000145',
      nomeEmpresarial: 'EMPRESA SIMULADA LTDA',
      commonName: 'sefaz-sp.simulada',
      problems: [],
    });
  });

  it('leaf sent without its chain: the server fills in the intermediate from its ca list', async () => {
    const view = await call({ key: certs.eCnpj!.keyPem, cert: certs.eCnpj!.certPem });
    expect(view).toMatchObject({ authorized: true, error: null });
  });

  it('PKCS#12 (AES-256 and 3DES) loads with its password and authenticates', async () => {
    const aes = await call({ pfx: Buffer.from(certs.eCnpj!.pkcs12Base64, 'base64'), passphrase: certs.eCnpj!.pkcs12Password });
    expect(aes).toMatchObject({ authorized: true, error: null });
    expect(aes.identity?.cnpj).toBe('11222333000181');
    const des = await call({ pfx: Buffer.from(certs.eCpf3des!.pkcs12Base64, 'base64'), passphrase: 'outra senha' });
    expect(des).toMatchObject({ authorized: true, error: null });
    expect(des.identity?.cpf).toBe(certs.eCpf3des!.cpf);
  });

  it('PKCS#12 is refused with a wrong password', () => {
    const pfx = Buffer.from(certs.eCnpj!.pkcs12Base64, 'base64');
    expect(() => tls.createSecureContext({ pfx, passphrase: 'errada' })).toThrow(/mac verify failure|bad decrypt|password/i);
    expect(() => tls.createSecureContext({ pfx })).toThrow();
    expect(() => tls.createSecureContext({ pfx, passphrase: certs.eCnpj!.pkcs12Password })).not.toThrow();
  });
});

describe('bad client certificates (soft mode: the reason is readable)', () => {
  it('expired → CERT_HAS_EXPIRED', async () => {
    expect(await call(withChain(certs.expirado!))).toMatchObject({ authorized: false, error: 'CERT_HAS_EXPIRED' });
  });

  it('not yet valid → CERT_NOT_YET_VALID', async () => {
    expect(await call(withChain(certs.naoValido!))).toMatchObject({ authorized: false, error: 'CERT_NOT_YET_VALID' });
  });

  it('EKU without clientAuth → INVALID_PURPOSE', async () => {
    expect(await call(withChain(certs.semClientAuth!))).toMatchObject({ authorized: false, error: 'INVALID_PURPOSE' });
  });

  it('foreign CA: leaf only → UNABLE_TO_VERIFY_LEAF_SIGNATURE; chain sent → UNABLE_TO_GET_CRL (CRL checks run last)', async () => {
    const c = certs.estrangeira!;
    expect(c.chainPem).not.toBe(ca.chainPem);
    expect(await call({ key: c.keyPem, cert: c.certPem })).toMatchObject({
      authorized: false,
      error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
    // OpenSSL reports the last error: the foreign CAs have no CRL here (icp-brasil.md §4).
    const view = await call(withChain(c));
    expect(view).toMatchObject({ authorized: false, error: 'UNABLE_TO_GET_CRL' });
    expect(view.identity?.issuerCommonName).toMatch(/ESTRANGEIRA/);
    // How the gateway can still name the cause.
    expect(await isIssuedByAuthority(ca, c.certPem)).toBe(false);
    expect(await isIssuedByAuthority(ca, certs.eCnpj!.certPem)).toBe(true);
  });

  it('foreign CA with the chain sent, server without CRLs → SELF_SIGNED_CERT_IN_CHAIN', async () => {
    const serverCert = await issueServerCertificate(ca, { now, ipAddresses: ['127.0.0.1'] });
    const plain = tls.createServer(
      { key: serverCert.keyPem, cert: serverCert.certPem, requestCert: true, rejectUnauthorized: false, ca: [...ca.caPems] },
      (s) => s.end(String(s.authorizationError)),
    );
    plain.listen(0, '127.0.0.1');
    await once(plain, 'listening');
    try {
      const s = tls.connect({
        host: '127.0.0.1',
        port: (plain.address() as AddressInfo).port,
        ca: ca.root.certPem,
        ...withChain(certs.estrangeira!),
      });
      let text = '';
      for await (const chunk of s) text += chunk;
      expect(text).toBe('SELF_SIGNED_CERT_IN_CHAIN');
    } finally {
      plain.close();
    }
  });

  it('serial listed in the CRL → CERT_REVOKED', async () => {
    expect(certs.revogado!.serialNumber).toBe(revokedSerial);
    expect(await call(withChain(certs.revogado!))).toMatchObject({ authorized: false, error: 'CERT_REVOKED' });
  });

  it('a CRL reloaded with setSecureContext takes effect on new connections', async () => {
    const c = certs.revogadoDepois!;
    expect(await call(withChain(c))).toMatchObject({ authorized: true });
    const serverCert = await issueServerCertificate(ca, { now, ipAddresses: ['127.0.0.1'] });
    const revoked = [
      { serialNumber: revokedSerial, revokedAt: now },
      { serialNumber: c.serialNumber.toLowerCase(), revokedAt: now, reason: 'cessationOfOperation' as const },
    ];
    server.setSecureContext({
      key: serverCert.keyPem,
      cert: serverCert.certPem + serverCert.chainPem,
      ca: [...ca.caPems],
      crl: [await buildCrl(ca, revoked, { now }), await buildRootCrl(ca, { now })],
    });
    expect(await call(withChain(c))).toMatchObject({ authorized: false, error: 'CERT_REVOKED' });
    expect(await call(withChain(certs.eCnpj!))).toMatchObject({ authorized: true });
  });

  it('no ICP-Brasil identity → authorized by TLS, but no CNPJ/CPF', async () => {
    const view = await call(withChain(certs.semIdentidade!));
    expect(view.authorized).toBe(true);
    expect(view.identity?.cnpj).toBeUndefined();
    expect(view.identity?.cpf).toBeUndefined();
    expect(view.identity?.tipo).toBeNull();
    expect(view.identity?.problems).toContainEqual(expect.stringMatching(/no ICP-Brasil identity/));
  });

  it('UTF8String otherName values → authorized by TLS, non-compliance reported', async () => {
    const view = await call(withChain(certs.utf8!));
    expect(view.authorized).toBe(true);
    expect(view.identity?.problems).toContainEqual(expect.stringMatching(/2\.16\.76\.1\.3\.3 is a UTF8String/));
  });

  it('policy neither A1 nor A3 → nivel null, problem reported', async () => {
    const view = await call(withChain(certs.politica!));
    expect(view.authorized).toBe(true);
    expect(view.identity?.nivel).toBeNull();
    expect(view.identity?.problems).toContainEqual(expect.stringMatching(/neither A1 nor A3/));
  });

  it('no client certificate → UNABLE_TO_GET_ISSUER_CERT and an empty peer', async () => {
    expect(await call({})).toMatchObject({ authorized: false, error: 'UNABLE_TO_GET_ISSUER_CERT', identity: null });
  });
});

describe('TLS server certificates', () => {
  it('a client trusting only the root verifies the 127.0.0.1 server certificate', async () => {
    // `call` already verifies the server (rejectUnauthorized defaults to true); make it explicit.
    const req = https.request({ host: '127.0.0.1', port, ca: ca.root.certPem, agent: false, rejectUnauthorized: true });
    req.end();
    const [res] = (await once(req, 'response')) as [import('node:http').IncomingMessage];
    res.resume();
    expect(res.statusCode).toBe(200);
    const socket = res.socket as TLSSocket;
    expect(socket.authorized).toBe(true);
  });

  it('a DNS-only certificate is refused for an IP address, accepted for its name', async () => {
    const cert = await issueServerCertificate(ca, { now, dnsNames: ['localhost'] });
    const other = tls.createServer({ key: cert.keyPem, cert: cert.certPem + cert.chainPem }, (s) => s.end());
    other.listen(0, '127.0.0.1');
    await once(other, 'listening');
    const { port: otherPort } = other.address() as AddressInfo;
    try {
      const connect = (servername?: string) =>
        new Promise<void>((resolve, reject) => {
          const s = tls.connect({ host: '127.0.0.1', port: otherPort, ca: ca.root.certPem, servername }, () => {
            s.end();
            resolve();
          });
          s.on('error', reject);
        });
      await expect(connect()).rejects.toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
      await expect(connect('localhost')).resolves.toBeUndefined();
    } finally {
      other.close();
    }
  });

  it('a client trusting another root refuses the server', async () => {
    const foreign = await loadCertificateAuthority(await createCertificateAuthority({ now, name: 'outra' }));
    const req = https.request({ host: '127.0.0.1', port, ca: foreign.root.certPem, agent: false });
    req.end();
    const [error] = (await once(req, 'error').catch((e: unknown) => [e])) as [NodeJS.ErrnoException];
    expect(error.code).toMatch(/SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
  });
});
