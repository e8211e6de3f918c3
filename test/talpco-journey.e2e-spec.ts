import { describe, expect, it } from 'vitest';
import { generateCnpj } from '#brazilian-ids';
import { simulatorSuite } from './support/deliveries.js';
import { FORMATS, notified } from './support/journeys.js';
import { loginSistema } from './support/portal-client.js';
import { scenario, subscribeParty } from './support/scenarios.js';

/**
 * The órgão anuente's journey through TA-LPCO: QA registers an LPCO, ANVISA is notified, reads it,
 * lists it, sees where it may take it and defers it through the API alone; the holder's endpoint
 * receives `talp-altsit-lpco-anu`. Once in JSON, once in XML.
 */
describe('the órgão journey: LPCO registered → notified → consulted → deferred through the API → holder notified', () => {
  const { sim, receiver } = simulatorSuite();

  for (const [name, format] of Object.entries(FORMATS)) {
    it(`in ${name}`, async () => {
      const anvisa = await loginSistema(sim(), { orgao: 'ANVISA' });
      const call = (method: string, path: string, root = 'requisicao', body?: object) => format.call(anvisa, method, path, root, body);
      const orgaoHook = await receiver([{ status: 200 }]);
      const subscribed = await call('POST', '/portal/api/ext/webhook', 'assinatura', { evento: 'talp-registro-lpco', endpoint: orgaoHook.url });
      expect(subscribed.status, subscribed.text).toBe(200);
      const holderNi = generateCnpj();
      const holderHook = await receiver([{ status: 200 }]);
      await subscribeParty(sim(), { tipo: 'PRIVADO', ni: holderNi }, ['talp-altsit-lpco-anu'], holderHook.url);

      // QA registers an import LPCO of an ANVISA model; ANVISA registers nothing by hand.
      const { numero } = (await scenario(sim(), 'POST', '/admin/lpcos', { codigoModelo: 'I00101', niInteressado: holderNi })).lpco;
      const registro = await notified(orgaoHook, 'talp-registro-lpco');
      expect(registro).toMatchObject({ numeroLPCO: numero, codigoModelo: 'I00101' });

      const detail = await call('GET', `/talpco/api/ext/lpco/${registro.numeroLPCO}`);
      expect(detail.status, detail.text).toBe(200);
      const lpco = format.read(detail.text);
      expect(lpco).toMatchObject({ numero, codigoModelo: 'I00101', orgao: 'ANVISA', situacao: { id: 'PARA_ANALISE', descricao: 'Para análise' } });
      expect(lpco.chaveAcesso).toMatch(/^[0-9a-f]{32}$/);
      expect(JSON.stringify(lpco.listaCamposFormulario)).toContain(holderNi);

      const listed = await call('GET', `/talpco/api/ext/lpco/consulta?tipo-operacao=IMPORTACAO&situacao=PARA_ANALISE&importador-exportador=${holderNi}`);
      expect(listed.status, listed.text).toBe(200);
      expect(format.list(listed.text, 'lpco')).toEqual([expect.objectContaining({ numero, situacao: 'Para análise', codigoModelo: 'I00101' })]);
      expect((await call('GET', `/talpco/api/ext/lpco/consulta?tipo-operacao=EXPORTACAO&importador-exportador=${holderNi}`)).status).toBe(204);

      const targets = format.list((await call('GET', `/talpco/api/ext/lpco/situacao/${numero}`)).text, 'situacao');
      expect(targets).toContainEqual({ id: 'DEFERIDO', descricao: 'Deferido' });

      const deferred = await call('PUT', `/talpco/api/ext/lpco/situacao/${numero}`, 'alterarSituacaoLpco', {
        situacao: 'DEFERIDO',
        justificativa: 'Documentação conforme.',
        dataInicioVigencia: '2026-12-01',
        dataFinalVigencia: '2027-05-30',
      });
      expect(deferred.status, deferred.text).toBe(200);
      expect(format.read(deferred.text)).toMatchObject({ numero });

      const altsit = await notified(holderHook, 'talp-altsit-lpco-anu');
      expect(altsit).toMatchObject({ numeroLPCO: numero, novaSituacao: { id: 'DEFERIDO', descricao: 'Deferido' } });
      const history = format.list((await call('GET', `/talpco/api/ext/lpco/${numero}/historico`)).text, 'item');
      expect(history.map((entry) => entry.situacao)).toEqual(['Para análise', 'Deferido']);
      expect(format.read((await call('GET', `/talpco/api/ext/lpco/${numero}`)).text)).toMatchObject({
        situacao: { id: 'DEFERIDO' },
        dataInicioVigencia: '2026-12-01T00:00:00.000Z',
      });

      // Another órgão and a Sefaz see and decide nothing of ANVISA's LPCO.
      const mapa = await loginSistema(sim(), { orgao: 'MAPA' });
      expect((await format.call(mapa, 'GET', `/talpco/api/ext/lpco/${numero}`, 'requisicao')).status).toBe(403);
      expect((await format.call(mapa, 'PUT', `/talpco/api/ext/lpco/situacao/${numero}`, 'req', { situacao: 'ANULADO_REVOGADO' })).status).toBe(403);
      expect((await format.call(mapa, 'POST', `/talpco/api/ext/lpco/exigencia/${numero}`, 'req', { justificativa: 'x' })).status).toBe(403);
      expect((await format.call(mapa, 'GET', `/talpco/api/ext/lpco/consulta?tipo-operacao=IMPORTACAO&numero=${numero}`, 'r')).status).toBe(204);
      const sp = await loginSistema(sim(), { uf: 'SP' });
      expect((await format.call(sp, 'GET', `/talpco/api/ext/lpco/${numero}/historico`, 'requisicao')).status).toBe(403);
    });
  }

  it('lays down an exigência through the API and validates every field like the portal', async () => {
    const anvisa = await loginSistema(sim(), { orgao: 'ANVISA' });
    const holderNi = generateCnpj();
    const holderHook = await receiver([{ status: 200 }]);
    await subscribeParty(sim(), { tipo: 'PRIVADO', ni: holderNi }, ['talp-inclusao-exig'], holderHook.url);
    const { numero } = (await scenario(sim(), 'POST', '/admin/lpcos', { codigoModelo: 'I00101', niInteressado: holderNi })).lpco;

    const exigencia = await anvisa.call('POST', `/talpco/api/ext/lpco/exigencia/${numero}`, { justificativa: 'Apresentar laudo técnico.' });
    expect(exigencia.status, exigencia.text).toBe(200);
    expect(exigencia.body).toMatchObject({ numero: 1, exigencia: 'Apresentar laudo técnico.', situacao: { id: '0', descricao: 'Pendente' } });
    expect(await notified(holderHook, 'talp-inclusao-exig')).toMatchObject({ numeroLPCO: numero, novaSituacao: { id: 'EM_EXIGENCIA' } });

    await scenario(sim(), 'POST', `/admin/lpcos/${numero}/exigencia/resposta`, { justificativa: 'Laudo anexado.' });
    const list = await anvisa.call('GET', `/talpco/api/ext/lpco/exigencia/${numero}`);
    expect(list.body).toEqual([expect.objectContaining({ numero: 1, resposta: 'Laudo anexado.', situacao: { id: '1', descricao: 'Cumprida' } })]);

    // EM_EXIGENCIA is not a target of the situation change; unknown fields and bad dates are named.
    const refused = await anvisa.call('PUT', `/talpco/api/ext/lpco/situacao/${numero}`, { situacao: 'EM_EXIGENCIA', dataInicioVigencia: '2026-02-30', x: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['situacao', 'dataInicioVigencia', 'x']));
    const bad = await anvisa.call('GET', '/talpco/api/ext/lpco/consulta?numero=X1');
    expect(bad.status).toBe(422);
    expect((await anvisa.call('GET', '/talpco/api/ext/lpco/I2699999999')).status).toBe(422);
    // A refused decision writes nothing.
    const inForce = await anvisa.call('PUT', `/talpco/api/ext/lpco/situacao/${numero}`, { situacao: 'AUTORIZACAO_IMPORTACAO_EMITIDA' });
    expect(inForce.status).toBe(422);
    expect((await anvisa.call('GET', `/talpco/api/ext/lpco/${numero}`)).body.situacao.id).toBe('RESPOSTA_EXIGENCIA');
  });
});
