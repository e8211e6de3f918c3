import { describe, expect, it } from 'vitest';
import { simulatorSuite } from './support/deliveries.js';
import { FORMATS, notified } from './support/journeys.js';
import { fromXml, loginSistema, toXmlBody, XML_HEADERS } from './support/portal-client.js';
import { scenario } from './support/scenarios.js';

/**
 * The whole Sefaz journey of SPEC §8 as an integrator lives it: notified by webhook, it reads the Duimp,
 * is asked for the ICMS, answers with the calculation and the credit, and sees the Duimp paid.
 * Once speaking JSON, once XML; the notifications themselves are JSON, as the portal sends them.
 */
describe('the Sefaz journey: notification → Duimp → ICMS calculation → credit → paid', () => {
  const { sim, receiver } = simulatorSuite();

  for (const [name, format] of Object.entries(FORMATS)) {
    it(`in ${name}`, async () => {
      const sp = await loginSistema(sim(), { uf: 'SP' });
      const call = (method: string, path: string, root = 'requisicao', body?: object) => format.call(sp, method, path, root, body);
      const hook = await receiver([{ status: 200 }]);
      for (const evento of ['dimp-registro', 'pcce-calculo-icms']) {
        const subscribed = await call('POST', '/portal/api/ext/webhook', 'assinatura', { evento, endpoint: hook.url });
        expect(subscribed.status, subscribed.text).toBe(200);
        expect(format.read(subscribed.text)).toMatchObject({ evento, endpoint: hook.url });
      }

      // QA registers a Duimp of an SP importer, cleared in MG.
      const { numero } = (await scenario(sim(), 'POST', '/admin/duimps', { ufImportador: 'SP', ufDespacho: 'MG' })).duimp;
      const registro = await notified(hook, 'dimp-registro');
      expect(registro).toMatchObject({ numero, ufs: expect.arrayContaining([{ uf: 'SP', tipoInteresse: 'IMPORTADOR' }]) });

      const duimp = await call('GET', `/duimp-api/api/ext/sefaz/duimp/${registro.numero}`);
      expect(duimp.status, duimp.text).toBe(200);
      expect(format.read(duimp.text)).toMatchObject({ numeroDeclaracao: numero, ufImportador: 'SP' });
      const itens = await call('GET', `/duimp-api/api/ext/sefaz/duimp/${numero}/itens`);
      expect(itens.status, itens.text).toBe(200);
      expect(itens.text).toContain('numeroItem');
      expect((await call('GET', `/duimp-api/api/ext/sefaz/duimp/${numero}/historico`)).status).toBe(200);

      // QA: the importer asks SP for the ICMS calculation.
      await scenario(sim(), 'POST', `/admin/duimps/${numero}/icms/solicitacao`, { ufFavorecida: 'SP' });
      const pedido = await notified(hook, 'pcce-calculo-icms');
      expect(pedido).toMatchObject({ numeroDeclaracao: numero, ufFavorecida: 'SP', tipoSolicitacao: 'PAGAMENTO_INTEGRAL_DUIMP' });

      const calculo = await call('GET', `/pcce/api/ext/sefaz/icms/consulta/calculo/${numero}/${pedido.versaoDeclaracao}`);
      expect(calculo.status, calculo.text).toBe(200);
      expect(format.read(calculo.text)).toMatchObject({ numeroDeclaracao: numero, situacaoSolicitacao: 'DUIMP_CALCULO_SOLICITADO' });

      const guia = {
        codigoBarrasGuia: '85810000000050100031017274301005611762694577',
        codigoReceita: '999999',
        dataLimitePagamento: '2026-12-10',
        dataVencimento: '2026-12-10',
        geradorGuia: 'ESTADO',
        linhaDigitavel: '85811.01725 74301.005612 17626.945772 0 00000005010003',
        valorCalculado: 8.54,
        valorDevido: 8,
        valorTotal: 10.8,
      };
      const declaracao = {
        numeroDeclaracao: numero,
        versaoDeclaracao: String(pedido.versaoDeclaracao),
        tipoDeclaracao: 'DUIMP',
        tipoSolicitacao: 'PAGAMENTO_INTEGRAL_DUIMP',
        ufFavorecida: 'SP',
      };
      const calculated = await call('POST', '/pcce/api/ext/sefaz/icms', 'sefazDadosIcms', {
        ...declaracao,
        iniciativaSefaz: false,
        tipoRetorno: 'CALCULADO_A_PAGAR',
        geradorGuia: 'ESTADO',
        guias: [guia],
        periodoReferencia: '2026-11',
        valorCalculado: 100.12,
        valorTotalDevido: 90.45,
        valorTotalaRecolher: 10.8,
      });
      expect(calculated.status, calculated.text).toBe(201);

      // SP asked for the ICMS: the cargo waits for the payment credit.
      const held = await sim().admin('POST', `/admin/duimps/${numero}/entrega`, { prosseguimentoDespacho: true });
      expect(held.status).toBe(422);
      expect(held.body.errors[0]).toMatchObject({ code: 'ICMS_PENDENTE', field: 'numero' });
      expect(held.body.errors[0].message).toContain('UF SP: DUIMP_PENDENTE_PAGAMENTO_EXONERACAO');

      const credited = await call('POST', '/pcce/api/ext/sefaz/icms/credito', 'sefazCreditoIcms', {
        ...declaracao,
        dataConfirmacaoCredito: '2026-11-28T10:00:00-0300',
        valorTotalCredito: 10.8,
        guias: [{ ...guia, dataPagamento: '2026-11-28T09:30:00-0300' }],
      });
      expect(credited.status, credited.text).toBe(201);
      // The credit releases the cargo.
      const released = await scenario(sim(), 'POST', `/admin/duimps/${numero}/entrega`, { prosseguimentoDespacho: true });
      expect(released.duimp.situacao).toMatchObject({ codigo: expect.stringMatching(/^5/) });

      const paid = format.read((await call('GET', `/duimp-api/api/ext/sefaz/duimp/${numero}`)).text);
      expect(paid.sefazDadosResumo.dadosTributos.indicadorCumprimentoICMS).toBe('1');
      const historico = format.read((await call('GET', `/duimp-api/api/ext/sefaz/duimp/${numero}/historico`)).text);
      const entries = name === 'XML' ? [historico.evento].flat() : historico;
      expect(entries).toContainEqual(expect.objectContaining({ evento: { codigo: '32', descricao: 'ICMS declarado' } }));

      // Sefaz-RJ has no interest in this Duimp.
      const rj = await loginSistema(sim(), { uf: 'RJ' });
      expect((await format.call(rj, 'GET', `/duimp-api/api/ext/sefaz/duimp/${numero}`, 'requisicao')).status).toBe(403);
    });
  }

  it('validates XML as it validates JSON: types, decimals and unknown fields are named in an XML error body', async () => {
    const sp = await loginSistema(sim(), { uf: 'SP' });
    const { numero } = (await scenario(sim(), 'POST', '/admin/duimps', { ufImportador: 'SP', ufDespacho: 'MG' })).duimp;
    await scenario(sim(), 'POST', `/admin/duimps/${numero}/icms/solicitacao`, { ufFavorecida: 'SP' });
    const body = toXmlBody('sefazDadosIcms', {
      numeroDeclaracao: numero,
      versaoDeclaracao: '1',
      tipoDeclaracao: 'DUIMP',
      ufFavorecida: 'SP',
      iniciativaSefaz: 'talvez',
      tipoSolicitacao: 'PAGAMENTO_INTEGRAL_DUIMP',
      tipoRetorno: 'INDEFERIDO',
      justificativaIndeferimento: 'Teste',
      valorCalculado: '1.234',
      campoInventado: 'x',
    });
    const refused = await sp.call('POST', '/pcce/api/ext/sefaz/icms', body, XML_HEADERS);
    expect(refused.status, refused.text).toBe(422);
    const fields = [fromXml(refused.text).erro.errors].flat().map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['iniciativaSefaz', 'valorCalculado', 'campoInventado']));
    const pending = await sp.call('GET', `/pcce/api/ext/sefaz/icms/consulta/calculo/${numero}/1`, undefined, { Accept: 'application/xml' });
    expect(fromXml(pending.text).solicitacaoCalculoIcms.situacaoSolicitacao).toBe('DUIMP_CALCULO_SOLICITADO');
  });
});
