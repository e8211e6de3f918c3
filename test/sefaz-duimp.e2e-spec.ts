import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDuimpNumber } from '#domain';
import { loginSistema, type PortalSession } from './support/portal-client.js';
import { wrongCheckDigit } from './support/fixtures.js';
import { scenario } from './support/scenarios.js';
import { type Simulator, startSimulator } from './support/simulator.js';

const API = '/duimp-api/api/ext/sefaz';

describe('Sefaz Duimp consultation on the portal (SPEC §8)', () => {
  let sim: Simulator;
  let sp: PortalSession;
  let mg: PortalSession;
  let rj: PortalSession;
  let numero: string;
  let today: string;

  beforeAll(async () => {
    sim = await startSimulator({}, { withWorker: false });
    [sp, mg, rj] = [await loginSistema(sim, { uf: 'SP' }), await loginSistema(sim, { uf: 'MG' }), await loginSistema(sim, { uf: 'RJ' })];
    // Importer in SP, cleared in MG: both Sefaz have interest, RJ has none.
    numero = (await scenario(sim, 'POST', '/admin/duimps', { ufImportador: 'SP', ufDespacho: 'MG', canal: '3' })).duimp.numero;
    today = (await sim.admin('GET', '/admin/relogio')).body.agoraPortal.slice(0, 10);
  });
  afterAll(() => sim?.stop());

  it('the Sefaz of the importer and of the clearance read the cover of the version in force', async () => {
    for (const session of [sp, mg]) {
      const response = await session.call('GET', `${API}/duimp/${numero}`);
      expect(response.status, response.text).toBe(200);
      expect(response.body).toMatchObject({
        numeroDeclaracao: numero,
        versaoDeclaracao: '0001',
        versaoDeclaracaoVigente: '0001',
        ufImportador: 'SP',
        situacaoDeclaracao: { codigo: '31' },
        dadosCarga: { ufDeclarada: 'MG' },
      });
      // The Nova API's dados gerais carry no items; the older service's cover does.
      expect(response.body.itens).toBeUndefined();
      const legacy = await session.call('GET', `/duimp/api/ext/sefaz/duimp/${numero}`);
      expect(legacy.status, legacy.text).toBe(200);
      expect(legacy.body.itens.length).toBeGreaterThan(0);
      expect(response.body.itensHistorico[0]).toMatchObject({ numeroDuimp: numero, versaoDuimp: '0001', evento: { codigo: '1' } });
    }
  });

  it('refuses a UF without interest (403), an unknown Duimp (404) and a bad number (422 DIMP-ER0004)', async () => {
    for (const path of [`/duimp/${numero}`, `/duimp/${numero}/0001`, `/duimp/${numero}/itens`, `/duimp/${numero}/historico`]) {
      expect((await rj.call('GET', API + path)).status).toBe(403);
    }
    const unknown = await sp.call('GET', `${API}/duimp/${buildDuimpNumber('19', 9_999_999_001)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('DIMP-ER0102');
    for (const bad of [wrongCheckDigit(numero), 'ABC', `${numero.slice(0, 14)}X`]) {
      const response = await sp.call('GET', `${API}/duimp/${bad}`);
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({
        message: expect.any(String),
        errors: [{ code: 'DIMP-ER0004', field: 'numero', message: 'Número da Duimp inválido.' }],
      });
    }
    expect((await sp.call('GET', `${API}/duimp/${numero}/0007`)).status).toBe(404);
    expect((await sp.call('GET', `${API}/duimp/${numero}/abc`)).body.errors[0].field).toBe('versao');
  });

  it('pages the items of the version in force with 206 while more remain', async () => {
    const items = (await scenario(sim, 'POST', `/admin/duimps/${numero}/retificacao`, { itens: [{}, {}, {}] })).duimp;
    expect(items.versao).toBe(2);
    const first = await mg.call('GET', `${API}/duimp/${numero}/itens?limit=2`);
    expect(first.status).toBe(206);
    expect(first.body.map((item: any) => item.numeroItem)).toEqual(['00001', '00002']);
    const rest = await mg.call('GET', `${API}/duimp/${numero}/itens?offset=2&limit=2`);
    expect(rest.status).toBe(200);
    expect(rest.body.map((item: any) => item.numeroItem)).toEqual(['00003']);
    const bad = await mg.call('GET', `${API}/duimp/${numero}/itens?limit=501`);
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('limit');
    // Items by version: version 1 still has its own.
    const v1 = await mg.call('GET', `${API}/duimp/${numero}/0001/itens`);
    expect(v1.status, v1.text).toBe(200);
    expect(v1.body.length).toBeGreaterThan(0);
    expect((await mg.call('GET', `${API}/duimp/${numero}/0009/itens`)).status).toBe(404);
    expect((await rj.call('GET', `${API}/duimp/${numero}/0001/itens`)).status).toBe(403);
  });

  it('after a retification shows version 0002, keeps 0001 readable, and /historico has code 4', async () => {
    const current = await sp.call('GET', `${API}/duimp/${numero}`);
    expect(current.body).toMatchObject({ versaoDeclaracao: '0002', versaoDeclaracaoVigente: '0002', situacaoDeclaracao: { codigo: '12' } });
    const first = await sp.call('GET', `${API}/duimp/${numero}/0001`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ versaoDeclaracao: '0001', versaoDeclaracaoVigente: '0002' });
    expect((await sp.call('GET', `${API}/duimp/${numero}/2`)).body.versaoDeclaracao).toBe('0002');

    const history = await mg.call('GET', `${API}/duimp/${numero}/historico`);
    expect(history.status).toBe(200);
    expect(history.body[0]).toMatchObject({ numeroDuimp: numero, versaoDuimp: '0001', evento: { codigo: '1' } });
    expect(history.body).toContainEqual(
      expect.objectContaining({ versaoDuimp: '0002', evento: { codigo: '4', descricao: 'Declaração Retificada' } }),
    );
    // Paged like /itens: 206 while more remain.
    const firstPage = await mg.call('GET', `${API}/duimp/${numero}/historico?limit=1`);
    expect(firstPage.status).toBe(206);
    expect(firstPage.body).toEqual([history.body[0]]);
    const lastPage = await mg.call('GET', `${API}/duimp/${numero}/historico?offset=1`);
    expect(lastPage.status).toBe(200);
    expect(lastPage.body).toEqual(history.body.slice(1));
  });

  it('/eventos lists the events of the caller UF only and pages them with 206', async () => {
    await scenario(sim, 'POST', `/admin/duimps/${numero}/retificacao`, {});
    await scenario(sim, 'POST', `/admin/duimps/${numero}/desembaraco`, {});
    // Another Duimp RJ has interest in, which SP must not see.
    const other = (await scenario(sim, 'POST', '/admin/duimps', { ufImportador: 'RJ', ufDespacho: 'RJ' })).duimp.numero;
    await scenario(sim, 'POST', `/admin/duimps/${other}/retificacao`, {});

    const all = await sp.call('GET', `${API}/eventos?inicio=${today}&fim=${today}`);
    expect(all.status, all.text).toBe(200);
    const mine = all.body.filter((event: any) => event.numero === numero);
    expect(mine.map((event: any) => event.evento)).toEqual(['RETIFICACAO', 'RETIFICACAO', 'DESEMBARACO_EFETUADO']);
    expect(mine[0]).toMatchObject({ versao: 2, dataEvento: expect.stringMatching(new RegExp(`^${today}T`)) });
    expect(mine[0].ufs).toEqual([
      { uf: 'MG', tipoInteresse: 'DESPACHO' },
      { uf: 'SP', tipoInteresse: 'IMPORTADOR' },
    ]);
    expect(all.body.every((event: any) => event.ufs.some((entry: any) => entry.uf === 'SP'))).toBe(true);
    expect(all.body.some((event: any) => event.numero === other)).toBe(false);
    expect((await rj.call('GET', `${API}/eventos?inicio=${today}&fim=${today}`)).body.some((e: any) => e.numero === other)).toBe(true);

    // Whatever other Duimps the database holds, pages of size n − 1 split the list in two.
    const size = all.body.length - 1;
    const page1 = await sp.call('GET', `${API}/eventos?inicio=${today}&fim=${today}&limit=${size}`);
    expect(page1.status).toBe(206);
    const page2 = await sp.call('GET', `${API}/eventos?inicio=${today}&fim=${today}&limit=${size}&offset=${size}`);
    expect(page2.status).toBe(200);
    expect([...page1.body, ...page2.body]).toEqual(all.body);

    const despachoMg = await sp.call('GET', `${API}/eventos?inicio=${today}&fim=${today}&uf-despacho=MG`);
    expect(despachoMg.body.filter((event: any) => event.numero === numero)).toHaveLength(3);
    const despachoSp = await sp.call('GET', `${API}/eventos?inicio=${today}&fim=${today}&uf-despacho=SP`);
    expect(despachoSp.body.some((event: any) => event.numero === numero)).toBe(false);

    // The clearance unit: the version's own, and no event under another unit.
    const unidade = (await sp.call('GET', `/duimp/api/ext/sefaz/duimp/${numero}`)).body.dadosCarga.uaDeclarada;
    const byUnit = await sp.call('GET', `${API}/eventos?inicio=${today}&fim=${today}&unidade-despacho=${unidade}`);
    expect(byUnit.body.filter((event: any) => event.numero === numero)).toHaveLength(3);
    const otherUnit = unidade === '0000001' ? '0000002' : '0000001';
    const none = await sp.call('GET', `${API}/eventos?inicio=${today}&fim=${today}&unidade-despacho=${otherUnit}`);
    expect(none.body.some((event: any) => event.numero === numero)).toBe(false);
    expect((await sp.call('GET', `${API}/eventos?inicio=${today}&fim=${today}&unidade-despacho=12`)).status).toBe(422);
  });

  it('/eventos refuses bad dates, periods and limits naming the field', async () => {
    const refused = async (query: string, field: string) => {
      const response = await sp.call('GET', `${API}/eventos?${query}`);
      expect(response.status, query).toBe(422);
      expect(response.body.errors[0].field, query).toBe(field);
    };
    await refused('fim=2026-01-10', 'inicio');
    await refused('inicio=2026-01-10', 'fim');
    await refused('inicio=2026-02-30&fim=2026-03-01', 'inicio');
    await refused('inicio=10/01/2026&fim=2026-01-11', 'inicio');
    await refused('inicio=2026-01-10&fim=2026-01-09', 'fim');
    await refused('inicio=2026-01-01&fim=2026-02-01', 'fim');
    await refused('inicio=2026-01-01&fim=2026-01-02&limit=0', 'limit');
    await refused('inicio=2026-01-01&fim=2026-01-02&limit=501', 'limit');
    await refused('inicio=2026-01-01&fim=2026-01-02&offset=-1', 'offset');
    await refused('inicio=2026-01-01&fim=2026-01-02&uf-importador=XX', 'uf-importador');
    const thirtyDays = await sp.call('GET', `${API}/eventos?inicio=2026-01-01&fim=2026-01-31&limit=1`);
    expect([200, 206]).toContain(thirtyDays.status);
  });
});
