import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClientCertificate, equipmentCertificate, portalRequest, seededParty } from './support/portal-client.js';
import { type Simulator, startSimulator } from './support/simulator.js';

/** Authentication exactly as the portal's (SPEC §3), with the test PKI's certificates (SPEC §4). */
describe('portal authentication with ICP-Brasil certificates', () => {
  let sim: Simulator;
  let sp: { id: string; ni: string; system_code: string };
  const files = mkdtempSync(join(tmpdir(), 'pucomex-auth-'));

  beforeAll(async () => {
    // The 60 s re-authentication block stays on: each test authenticates with a credential of its own
    // or advances the simulated clock.
    sim = await startSimulator({}, { withWorker: false });
    sp = await seededParty(sim, { uf: 'SP' });
  });
  afterAll(async () => {
    rmSync(files, { recursive: true, force: true });
    await sim?.stop();
  });

  const sistema = (certificate: ClientCertificate | undefined, systemCode = sp.system_code, leafOnly = false) =>
    portalRequest(sim, {
      method: 'POST',
      path: '/portal/api/autenticar/sistema',
      headers: { 'System-Code': systemCode },
      certificate,
      leafOnly,
    });
  const withRole = (certificate: ClientCertificate | undefined, roleType?: string) =>
    portalRequest(sim, {
      method: 'POST',
      path: '/portal/api/autenticar',
      headers: roleType ? { 'Role-Type': roleType } : {},
      certificate,
    });
  const advance = (segundos: number) => sim.admin('POST', '/admin/relogio/avancar', { segundos });

  /** curl with a client certificate: what an integrator runs by hand (async: the portal runs in this process). */
  const curl = async (certificate: ClientCertificate, path: string, headers: string[]) => {
    const cert = join(files, 'cert.pem');
    const key = join(files, 'key.pem');
    const ca = join(files, 'ca.pem');
    writeFileSync(cert, certificate.certPem + (certificate.chainPem ?? ''));
    writeFileSync(key, certificate.keyPem);
    writeFileSync(ca, sim.authority.trustedCaPems().join(''));
    const { stdout: output } = await promisify(execFile)(
      'curl',
      ['-s', '-i', '--max-time', '20', '--cacert', ca, '--cert', cert, '--key', key, '-X', 'POST', ...headers.flatMap((h) => ['-H', h]), `${sim.portalUrl}${path}`],
      { encoding: 'utf8' },
    );
    const [head, body] = output.split(/\r?\n\r?\n/, 2);
    return { status: Number(head.split(' ')[1]), head, body: JSON.parse(body) };
  };

  it('a valid equipment certificate of Sefaz-SP authenticates and its token works on a protected route', async () => {
    const certificate = await equipmentCertificate(sim, sp.ni);
    const login = await sistema(certificate);
    expect(login.status).toBe(200);
    const jwt = String(login.headers['set-token']);
    const csrf = String(login.headers['x-csrf-token']);
    expect(login.body).toEqual({ token: csrf });
    expect(jwt.split('.')).toHaveLength(3);
    expect(JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString())).toMatchObject({ ni: sp.ni, uf: 'SP', perfil: 'SISTEMA' });
    const clock = (await sim.admin('GET', '/admin/relogio')).body;
    const expiration = Number(login.headers['x-csrf-expiration']);
    expect(Math.abs(expiration - (new Date(clock.agora).getTime() + 3_600_000))).toBeLessThan(5_000);
    expect(String(login.headers['set-cookie'])).toContain(`JWTPCMX_USR=${jwt}`);

    for (const authorization of [jwt, `Bearer ${jwt}`]) {
      const me = await portalRequest(sim, { path: '/portal/api/sessao', headers: { Authorization: authorization, 'X-CSRF-Token': csrf } });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ ni: sp.ni, uf: 'SP', tipo: 'SEFAZ' });
      expect(me.headers['x-csrf-token']).toBeTruthy();
      expect(me.headers['x-csrf-token']).not.toBe(csrf);
    }
    const byCookie = await portalRequest(sim, { path: '/portal/api/sessao', headers: { Cookie: `JWTPCMX_USR=${jwt}`, 'X-CSRF-Token': csrf } });
    expect(byCookie.status).toBe(200);
  });

  it('the CSRF token expires when the simulated clock passes 60 minutes without a call, and every call renews it', async () => {
    const mg = await seededParty(sim, { uf: 'MG' });
    const login = await sistema(await equipmentCertificate(sim, mg.ni), mg.system_code);
    const jwt = String(login.headers['set-token']);
    let csrf = String(login.headers['x-csrf-token']);
    const me = () => portalRequest(sim, { path: '/portal/api/sessao', headers: { Authorization: jwt, 'X-CSRF-Token': csrf } });

    await advance(50 * 60);
    const renewed = await me();
    expect(renewed.status).toBe(200);
    csrf = String(renewed.headers['x-csrf-token']);
    await advance(50 * 60);
    expect((await me()).status).toBe(200);
    await advance(61 * 60);
    const expired = await me();
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ status: 401, code: 'PUCX-ER0203' });
  });

  it("one party's token never acts as another's", async () => {
    const rj = await seededParty(sim, { uf: 'RJ' });
    const ba = await seededParty(sim, { uf: 'BA' });
    const rjLogin = await sistema(await equipmentCertificate(sim, rj.ni), rj.system_code);
    const baLogin = await sistema(await equipmentCertificate(sim, ba.ni), ba.system_code);
    const mixed = await portalRequest(sim, {
      path: '/portal/api/sessao',
      headers: { Authorization: String(rjLogin.headers['set-token']), 'X-CSRF-Token': String(baLogin.headers['x-csrf-token']) },
    });
    expect(mixed.status).toBe(401);
    const [header, payload, signature] = String(rjLogin.headers['set-token']).split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: ba.id, ni: ba.ni }),
    ).toString('base64url');
    const forged = await portalRequest(sim, {
      path: '/portal/api/sessao',
      headers: { Authorization: `${header}.${forgedPayload}.${signature}`, 'X-CSRF-Token': String(rjLogin.headers['x-csrf-token']) },
    });
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('PUCX-ER0202');
    const none = await portalRequest(sim, { path: '/portal/api/sessao' });
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('PUCX-ER0201');
  });

  it('a second authentication within 60 s is PLAT-ER2033; after 60 simulated seconds it works again', async () => {
    const pe = await seededParty(sim, { uf: 'PE' });
    const certificate = await equipmentCertificate(sim, pe.ni);
    expect((await sistema(certificate, pe.system_code)).status).toBe(200);
    const again = await sistema(certificate, pe.system_code);
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('PLAT-ER2033');
    await advance(61);
    expect((await sistema(certificate, pe.system_code)).status).toBe(200);
  });

  it('each refused certificate gets its documented portal error (Node client and curl)', async () => {
    const ce = await seededParty(sim, { uf: 'CE' });
    const issue = (body: object) => sim.admin('POST', '/admin/certificados', { tipo: 'EQUIPAMENTO', cnpj: ce.ni, ...body }).then((r) => r.body);
    const cases: Array<[string, ClientCertificate | undefined, RegExp]> = [
      ['no certificate', undefined, /nenhum certificado/],
      ['expired', await issue({ defeitos: ['EXPIRADO'] }), /expirado/],
      ['not yet valid', await issue({ defeitos: ['AINDA_NAO_VALIDO'] }), /ainda não é válido/],
      ['no clientAuth', await issue({ defeitos: ['SEM_CLIENT_AUTH'] }), /clientAuth/],
      ['foreign CA', await issue({ defeitos: ['AC_ESTRANGEIRA'] }), /Autoridade Certificadora reconhecida/],
      ['no ICP-Brasil identity', await issue({ defeitos: ['SEM_IDENTIDADE'] }), /identificação ICP-Brasil/],
      ['UTF8String otherName', await issue({ defeitos: ['UTF8STRING'] }), /DOC-ICP-04/],
      ['policy neither A1 nor A3', await issue({ defeitos: ['POLITICA_INVALIDA'] }), /A1 nem A3|DOC-ICP-04/],
    ];
    for (const [name, certificate, reason] of cases) {
      const response = await sistema(certificate, ce.system_code);
      expect(response.status, name).toBe(422);
      expect(response.body, name).toMatchObject({ status: 422, code: 'PLAT-ER2001', tag: expect.any(String) });
      expect(response.body.message, name).toMatch(reason);
      if (certificate) {
        const viaCurl = await curl(certificate, '/portal/api/autenticar/sistema', [`System-Code: ${ce.system_code}`]);
        expect(viaCurl.status, `${name} (curl)`).toBe(422);
        expect(viaCurl.body.code, `${name} (curl)`).toBe('PLAT-ER2001');
      }
    }
  });

  it('a leaf sent without its chain authenticates (the intermediate is on the server)', async () => {
    const es = await seededParty(sim, { uf: 'ES' });
    const response = await sistema(await equipmentCertificate(sim, es.ni), es.system_code, true);
    expect(response.status).toBe(200);
  });

  it('the equipment path refuses e-CPF/e-CNPJ, unknown parties, wrong System-Code and inactive systems', async () => {
    const go = await seededParty(sim, { uf: 'GO' });
    const eCnpj = (await sim.admin('POST', '/admin/certificados', { tipo: 'e-CNPJ', cnpj: go.ni })).body;
    expect((await sistema(eCnpj, go.system_code)).body.code).toBe('PLAT-ER8001');
    const stranger = (await sim.admin('POST', '/admin/certificados', { tipo: 'EQUIPAMENTO' })).body;
    expect((await sistema(stranger, go.system_code)).body.code).toBe('PLAT-ER8002');
    const goCertificate = await equipmentCertificate(sim, go.ni);
    expect((await sistema(goCertificate, 'SEFAZ-XX')).body.code).toBe('PLAT-ER8003');
    await sim.admin('PATCH', `/admin/intervenientes/${go.id}`, { ativo: false });
    try {
      expect((await sistema(goCertificate, go.system_code)).body.code).toBe('PLAT-ER8004');
    } finally {
      await sim.admin('PATCH', `/admin/intervenientes/${go.id}`, { ativo: true });
    }
  });

  it('the Role-Type path: header missing/invalid, certificate type per profile, authorization base', async () => {
    const cpf = (await sim.admin('POST', '/admin/certificados', { tipo: 'e-CPF', nome: 'Despachante Teste' })).body;
    expect((await withRole(cpf)).body.code).toBe('PUCX-ER0101');
    expect((await withRole(cpf, 'CAPITAO')).body.code).toBe('PUCX-ER0102');
    expect((await withRole(cpf, 'IMPEXP')).body.code).toBe('PLAT-ER2013');
    const cnpj = (await sim.admin('POST', '/admin/certificados', { tipo: 'e-CNPJ' })).body;
    expect((await withRole(cnpj, 'IMPEXP')).body.code).toBe('PLAT-ER2008');
    expect((await withRole(cnpj, 'TERCEIROS')).body.code).toBe('PLAT-ER2023');
    const equipment = await equipmentCertificate(sim, sp.ni);
    expect((await withRole(equipment, 'TERCEIROS')).body.code).toBe('PLAT-ER2001');

    await sim.admin('POST', '/admin/intervenientes', { ni: cpf.cpf, nome: 'Despachante Teste', tipo: 'PRIVADO', roleTypes: ['IMPEXP'] });
    const login = await withRole(cpf, 'IMPEXP');
    expect(login.status).toBe(200);
    const me = await portalRequest(sim, {
      path: '/portal/api/sessao',
      headers: { Authorization: String(login.headers['set-token']), 'X-CSRF-Token': String(login.headers['x-csrf-token']) },
    });
    expect(me.body).toMatchObject({ ni: cpf.cpf, tipo: 'PRIVADO', perfil: 'IMPEXP' });
  });

  it('a revoked certificate is refused from the next handshake on, without a restart', async () => {
    const rs = await seededParty(sim, { uf: 'RS' });
    const certificate = await equipmentCertificate(sim, rs.ni);
    expect((await sistema(certificate, rs.system_code)).status).toBe(200);
    const revoked = await sim.admin('POST', `/admin/certificados/${certificate.serialNumber}/revogacao`, { motivo: 'keyCompromise' });
    expect(revoked.status).toBe(200);
    await advance(61);
    const refused = await sistema(certificate, rs.system_code);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'PLAT-ER2001', message: expect.stringMatching(/revogado/) });
    const viaCurl = await curl(certificate, '/portal/api/autenticar/sistema', [`System-Code: ${rs.system_code}`]);
    expect(viaCurl.body.message).toMatch(/revogado/);
    const crl = await fetch(`${sim.adminUrl}/admin/pki/crl.pem`);
    expect(crl.status).toBe(200);
    expect(await crl.text()).toContain('BEGIN X509 CRL');
  });

  it('the CA and the token keys survive a restart', async () => {
    const before = sim.authority.caBundle().root.certPem;
    const pr = await seededParty(sim, { uf: 'PR' });
    const login = await sistema(await equipmentCertificate(sim, pr.ni), pr.system_code);
    await sim.stop();
    sim = await startSimulator({}, { withWorker: false });
    expect(sim.authority.caBundle().root.certPem).toBe(before);
    const me = await portalRequest(sim, {
      path: '/portal/api/sessao',
      headers: { Authorization: String(login.headers['set-token']), 'X-CSRF-Token': String(login.headers['x-csrf-token']) },
    });
    expect(me.status).toBe(200);
  });
});

describe('pki CLI (npm run pki)', () => {
  let sim: Simulator;
  const out = mkdtempSync(join(tmpdir(), 'pucomex-cli-'));
  beforeAll(async () => {
    sim = await startSimulator({}, { withWorker: false });
  });
  afterAll(async () => {
    rmSync(out, { recursive: true, force: true });
    await sim?.stop();
  });

  const cli = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['scripts/pki.mjs', ...args], {
      env: { ...process.env, SIM_ADMIN_URL: sim.adminUrl, ADMIN_TOKEN: sim.env.ADMIN_TOKEN },
      encoding: 'utf8',
    });

  it('writes an equipment certificate that authenticates, and revokes it', async () => {
    const ac = await seededParty(sim, { uf: 'AC' });
    const { stdout } = await cli('emitir', '--tipo', 'EQUIPAMENTO', '--cnpj', ac.ni, '--saida', out);
    const { serialNumber } = JSON.parse(stdout.trim().split('\n').at(-1)!);
    const certificate = {
      certPem: readFileSync(join(out, `${serialNumber}.pem`), 'utf8'),
      keyPem: readFileSync(join(out, `${serialNumber}.key`), 'utf8'),
      chainPem: readFileSync(join(out, `${serialNumber}-chain.pem`), 'utf8'),
    };
    expect(readFileSync(join(out, `${serialNumber}.p12`)).length).toBeGreaterThan(1000);
    const login = () =>
      portalRequest(sim, { method: 'POST', path: '/portal/api/autenticar/sistema', headers: { 'System-Code': ac.system_code }, certificate });
    expect((await login()).status).toBe(200);
    await cli('revogar', serialNumber);
    await sim.admin('POST', '/admin/relogio/avancar', { segundos: 61 });
    const refused = await login();
    expect(refused.body).toMatchObject({ code: 'PLAT-ER2001', message: expect.stringMatching(/revogado/) });
  });
});
