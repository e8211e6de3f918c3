import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPagar, type Body, credito, declaracao, expectRefused, GUIA, icmsState, PCCE, without } from './support/pcce.js';
import { fromXml, loginSistema, type PortalSession, toXmlBody, XML_HEADERS } from './support/portal-client.js';
import { scenario } from './support/scenarios.js';
import { type Simulator, startSimulator } from './support/simulator.js';

const OPCAO = '/pcce/api/ext/sefaz/opcao';
const DUIMP = '/duimp-api/api/ext/sefaz/duimp';

/** A distinct 44-character NF-e access key. */
const nfe = (n: number) => `3523127517462900015755001000001894${String(n).padStart(10, '0')}`;

/** The `errors` of the portal's validation body written as XML (`<erro>`, one element per error). */
const xmlErrors = (text: string): Body[] => [fromXml(text).erro.errors].flat();

const fracionado = (numero: string, chaves: string[], overrides: Body = {}): Body => ({
  numeroDeclaracao: numero,
  versaoDeclaracao: '1',
  tipoDeclaracao: 'DUIMP',
  tipoRetorno: 'CALCULADO_A_PAGAR',
  notasFiscais: chaves.map((chaveAcessoNotaFiscal) => ({ chaveAcessoNotaFiscal })),
  ...overrides,
});

/** A guide whose total is devido + juros + multa + atualização (the model's example values). */
const guia = (numero: string, overrides: Body = {}): Body => ({
  ...GUIA,
  codigoBarrasGuia: '85810000000050100031017274301005611762694999',
  numeroDeclaracao: numero,
  versaoDeclaracao: '1',
  valorJuros: 1.28,
  valorMulta: 1.0,
  valorAtualizacaoMonetaria: 0.52,
  ...overrides,
});

describe('PCCE for the Sefaz: fracionado, guia, consulta, opcao (SPEC §8)', () => {
  let sim: Simulator;
  let sp: PortalSession;
  let rj: PortalSession;
  let mg: PortalSession;

  /** The requests and the Duimp's history codes. */
  const state = async (numero: string) => {
    const { requests, history } = await icmsState(sim, numero);
    return { requests, history: history.map((row: { code: string }) => row.code) };
  };

  const options = () => sim.dataSource.query('SELECT id, uf, code, description, active FROM icms_option ORDER BY id');

  /** An SP importer's Duimp cleared in MG (interest: SP and MG), its ICMS calculated by SP "a pagar". */
  async function declaredDuimp(calculation: Body = {}): Promise<string> {
    const numero = (await scenario(sim, 'POST', '/admin/duimps', { ufImportador: 'SP', ufDespacho: 'MG', viaTransporte: 'AEREA' })).duimp.numero as string;
    await scenario(sim, 'POST', `/admin/duimps/${numero}/icms/solicitacao`, { ufFavorecida: 'SP' });
    const calculated = await sp.call('POST', PCCE, aPagar(numero, calculation));
    expect(calculated.status, calculated.text).toBe(201);
    return numero;
  }

  /** A split payment: no guide generator, the NF-e are released as they are paid. */
  const splitDuimp = () => declaredDuimp({ pagamentoFracionado: true, geradorGuia: undefined, guias: undefined });

  const consulta = async (session: PortalSession, numero: string) => session.call('GET', `${PCCE}/consulta/${numero}`);

  beforeAll(async () => {
    sim = await startSimulator({}, { withWorker: false });
    // One after the other: each login steps the shared clock.
    [sp, rj, mg] = [await loginSistema(sim, { uf: 'SP' }), await loginSistema(sim, { uf: 'RJ' }), await loginSistema(sim, { uf: 'MG' })];
  });
  afterAll(() => sim?.stop());

  describe('POST /icms/fracionado', () => {
    it('accumulates the released NF-e; the last call with the credit ends the declaration paga/exonerada (history 32)', async () => {
      const numero = await splitDuimp();
      const first = await sp.call('POST', `${PCCE}/fracionado`, fracionado(numero, [nfe(1), nfe(2)]));
      expect(first.status, first.text).toBe(201);
      expect(first.text).toBe('');
      expect((await state(numero)).requests[0]).toMatchObject({ status: 'DUIMP_PENDENTE_PAGAMENTO_EXONERACAO', released_invoices: [nfe(1), nfe(2)] });

      // Repeats are ignored; the list is the union of every call.
      expect((await sp.call('POST', `${PCCE}/fracionado`, fracionado(numero, [nfe(2), nfe(3)]))).status).toBe(201);
      expect((await state(numero)).requests[0].released_invoices).toEqual([nfe(1), nfe(2), nfe(3)]);
      expect((await state(numero)).history).not.toContain('32');

      const last = fracionado(numero, [nfe(4)], { tipoRetorno: 'SEM_VALOR_A_PAGAR', dataConfirmacaoCredito: '2026-01-23T10:00:00-0300', valorTotalCredito: 42.87 });
      expect((await sp.call('POST', `${PCCE}/fracionado`, last)).status).toBe(201);
      const after = await state(numero);
      expect(after.requests[0]).toMatchObject({
        status: 'DUIMP_PAGA_EXONERADA',
        released_invoices: [nfe(1), nfe(2), nfe(3), nfe(4)],
        credit: { dataConfirmacaoCredito: '2026-01-23T10:00:00-0300', valorTotalCredito: 42.87 },
      });
      expect(after.history.filter((code: string) => code === '32')).toHaveLength(1);
      expect((await sp.call('GET', `${DUIMP}/${numero}`)).body.sefazDadosResumo.dadosTributos.indicadorCumprimentoICMS).toBe('1');

      // Nothing left to release.
      expectRefused(await sp.call('POST', `${PCCE}/fracionado`, fracionado(numero, [nfe(5)])), 'numeroDeclaracao', 'DECLARACAO_ICMS_FRACIONADA_INEXISTENTE');
    });

    it('validates field by field and refuses a declaration without split payment or of another UF; nothing changes', async () => {
      const numero = await splitDuimp();
      const before = await state(numero);
      expectRefused(await sp.call('POST', `${PCCE}/fracionado`, fracionado(numero, [nfe(1)], { tipoRetorno: 'SEM_VALOR_A_PAGAR' })), 'dataConfirmacaoCredito', 'VALIDACAO_OBRIGATORIO');
      expectRefused(
        await sp.call('POST', `${PCCE}/fracionado`, fracionado(numero, [nfe(1)], { tipoRetorno: 'SEM_VALOR_A_PAGAR', dataConfirmacaoCredito: '2026-01-23T10:00:00-0300' })),
        'valorTotalCredito',
        'VALIDACAO_OBRIGATORIO',
      );
      expectRefused(await sp.call('POST', `${PCCE}/fracionado`, fracionado(numero, [nfe(1).slice(1)])), 'notasFiscais.0.chaveAcessoNotaFiscal', 'VALIDACAO_ISLENGTH');
      expectRefused(await sp.call('POST', `${PCCE}/fracionado`, fracionado(numero, [])), 'notasFiscais', 'VALIDACAO_OBRIGATORIO');
      expectRefused(await sp.call('POST', `${PCCE}/fracionado`, fracionado(numero, [nfe(1)], { tipoRetorno: 'INDEFERIDO' })), 'tipoRetorno', 'VALIDACAO_ISIN');
      expectRefused(await sp.call('POST', `${PCCE}/fracionado`, without(fracionado(numero, [nfe(1)]), 'versaoDeclaracao')), 'versaoDeclaracao', 'VALIDACAO_OBRIGATORIO');
      expectRefused(await sp.call('POST', `${PCCE}/fracionado`, fracionado(numero, [nfe(1)], { ufFavorecida: 'SP' })), 'ufFavorecida', 'CAMPO_DESCONHECIDO');
      // RJ's Sefaz has no declaration here: SP's is not its to release.
      expectRefused(await rj.call('POST', `${PCCE}/fracionado`, fracionado(numero, [nfe(1)])), 'numeroDeclaracao', 'DECLARACAO_ICMS_FRACIONADA_INEXISTENTE');
      expect(await state(numero)).toEqual(before);

      const whole = await declaredDuimp();
      const undivided = await state(whole);
      expectRefused(await sp.call('POST', `${PCCE}/fracionado`, fracionado(whole, [nfe(1)])), 'numeroDeclaracao', 'DECLARACAO_ICMS_FRACIONADA_INEXISTENTE');
      expect(await state(whole)).toEqual(undivided);
    });

    it('in XML: repeated <notasFiscais> elements are the list', async () => {
      const numero = await splitDuimp();
      const body = toXmlBody('sefazIcmsFracionado', fracionado(numero, [nfe(7), nfe(8)]));
      const response = await sp.call('POST', `${PCCE}/fracionado`, body, XML_HEADERS);
      expect(response.status, response.text).toBe(201);
      expect((await state(numero)).requests[0].released_invoices).toEqual([nfe(7), nfe(8)]);
      const refused = await sp.call('POST', `${PCCE}/fracionado`, toXmlBody('sefazIcmsFracionado', fracionado(numero, [nfe(9)], { tipoRetorno: 'SEM_VALOR_A_PAGAR' })), XML_HEADERS);
      expect(refused.status).toBe(422);
      expect(xmlErrors(refused.text)).toContainEqual(expect.objectContaining({ field: 'dataConfirmacaoCredito', code: 'VALIDACAO_OBRIGATORIO' }));
    });
  });

  describe('POST /icms/guia and PUT /icms/guia/{numero}/{versao}/{codigoBarras}', () => {
    it('adds a guide to a declaration "a pagar", lists it, cancels it by bar code; refusals change nothing', async () => {
      const numero = await declaredDuimp();
      const created = await sp.call('POST', `${PCCE}/guia`, guia(numero));
      expect(created.status, created.text).toBe(201);
      expect(created.text).toBe('');
      let listed = (await consulta(sp, numero)).body[0];
      expect(listed.guias.map((entry: Body) => entry.codigoBarrasGuia)).toEqual([GUIA.codigoBarrasGuia, guia(numero).codigoBarrasGuia]);
      expect(listed.guias[1]).toEqual(without(guia(numero), 'numeroDeclaracao', 'versaoDeclaracao'));
      expect(listed.situacaoSolicitacao).toBe('DUIMP_PENDENTE_PAGAMENTO_EXONERACAO');

      const before = await state(numero);
      expectRefused(await sp.call('POST', `${PCCE}/guia`, guia(numero)), 'codigoBarrasGuia', 'GUIA_ICMS_DUPLICADA');
      expectRefused(await sp.call('POST', `${PCCE}/guia`, guia(numero, { codigoBarrasGuia: '1', valorTotal: 10.79 })), 'valorTotal', 'VALOR_TOTAL_GUIA_DIVERGENTE');
      expectRefused(await sp.call('POST', `${PCCE}/guia`, guia(numero, { codigoBarrasGuia: '2', valorJuros: 1.281 })), 'valorJuros', 'VALIDACAO_VALORDECIMAL');
      expectRefused(await sp.call('POST', `${PCCE}/guia`, without(guia(numero, { codigoBarrasGuia: '3' }), 'dataVencimento')), 'dataVencimento', 'VALIDACAO_OBRIGATORIO');
      expectRefused(await sp.call('POST', `${PCCE}/guia`, guia(numero, { codigoBarrasGuia: '4', dataPagamento: '2026-01-23T09:30:00-0300' })), 'dataPagamento', 'CAMPO_DESCONHECIDO');
      expectRefused(await rj.call('POST', `${PCCE}/guia`, guia(numero, { codigoBarrasGuia: '5' })), 'numeroDeclaracao', 'DECLARACAO_ICMS_A_PAGAR_INEXISTENTE');
      const barcode = guia(numero).codigoBarrasGuia as string;
      expectRefused(await rj.call('PUT', `${PCCE}/guia/${numero}/1/${barcode}`), 'codigoBarras', 'GUIA_ICMS_INEXISTENTE');
      expectRefused(await sp.call('PUT', `${PCCE}/guia/${numero}/0/${barcode}`), 'versao', 'VERSAO_INVALIDA');
      expect(await state(numero)).toEqual(before);

      const cancelled = await sp.call('PUT', `${PCCE}/guia/${numero}/0001/${barcode}`);
      expect(cancelled.status, cancelled.text).toBe(200);
      listed = (await consulta(sp, numero)).body[0];
      expect(listed.guias.map((entry: Body) => entry.codigoBarrasGuia)).toEqual([GUIA.codigoBarrasGuia]);
      expect((await state(numero)).requests[0].guides[1].dataCancelamento).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0300$/);
      expectRefused(await sp.call('PUT', `${PCCE}/guia/${numero}/1/${barcode}`), 'codigoBarras', 'GUIA_ICMS_INEXISTENTE');
      // Cancelled, the bar code may be registered again.
      expect((await sp.call('POST', `${PCCE}/guia`, guia(numero))).status).toBe(201);
    });

    it('refuses a guide once the declaration is paid', async () => {
      const numero = await declaredDuimp();
      expect((await sp.call('POST', `${PCCE}/credito`, credito(numero))).status).toBe(201);
      expectRefused(await sp.call('POST', `${PCCE}/guia`, guia(numero)), 'numeroDeclaracao', 'DECLARACAO_ICMS_A_PAGAR_INEXISTENTE');
    });
  });

  describe('GET /icms/consulta/{numero}', () => {
    it('lists the declarations of the caller\'s UF as SolicitacaoIcmsDto; a UF with interest and none gets []; another UF 403', async () => {
      const numero = await declaredDuimp();
      const response = await consulta(sp, numero);
      expect(response.status, response.text).toBe(200);
      expect(response.body).toHaveLength(1);
      const [found] = response.body;
      expect(found).toMatchObject({
        ...declaracao(numero),
        cargaEntregue: false,
        tipoTratamento: 'CALCULO_SEFAZ',
        ufImportador: 'SP',
        periodoReferencia: '2026-01',
        situacaoSolicitacao: 'DUIMP_PENDENTE_PAGAMENTO_EXONERACAO',
        status: expect.stringContaining('Entrega da carga não permitida'),
        valorTotalARecolher: 42.87,
        valorTotalDevido: 90.45,
        guias: [GUIA],
      });
      expect(found.historico.map((entry: Body) => entry.descricaoSituacao)).toEqual(['DUIMP_CALCULO_SOLICITADO', 'DUIMP_PENDENTE_PAGAMENTO_EXONERACAO']);
      // SolicitacaoIcmsDto's property order.
      const keys = Object.keys(found);
      expect(keys[0]).toBe('cargaEntregue');
      expect(keys.at(-1)).toBe('versaoDeclaracao');
      expect(keys.indexOf('guias')).toBeLessThan(keys.indexOf('historico'));

      const mine = await consulta(mg, numero);
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual([]);
      const other = await consulta(rj, numero);
      expect(other.status).toBe(403);
      expect(other.body).toMatchObject({ status: 403, code: 'PUCX-ER0403' });
      const bad = await consulta(sp, `${numero.slice(0, 14)}X`);
      expect(bad.status).toBe(422);
      expect(bad.body.errors).toEqual([{ code: 'DIMP-ER0004', field: 'numero', message: 'Número da Duimp inválido.' }]);
    });

    it('in XML: <solicitacoesIcms> repeating <solicitacaoIcms>', async () => {
      const numero = await declaredDuimp();
      const response = await sp.call('GET', `${PCCE}/consulta/${numero}`, undefined, { Accept: 'application/xml' });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/application\/xml/);
      expect(fromXml(response.text).solicitacoesIcms.solicitacaoIcms).toMatchObject({ numeroDeclaracao: numero, situacaoSolicitacao: 'DUIMP_PENDENTE_PAGAMENTO_EXONERACAO' });
    });
  });

  describe('/opcao', () => {
    it('creates (201), reads, changes (200) and deletes (204) the options of the caller\'s UF only', async () => {
      const created = await sp.call('POST', OPCAO, [
        { codigoOpcao: '0001', descricaoOpcao: 'Regime especial', tipoSolicitacao: 'PAGAMENTO_INTEGRAL_DUIMP' },
        { codigoOpcao: '0002', descricaoOpcao: 'Exoneração ZFM', tipoSolicitacao: 'EXONERACAO_INTEGRAL_DUIMP' },
      ]);
      expect(created.status, created.text).toBe(201);
      expect(created.text).toBe('');

      const listed = await sp.call('GET', OPCAO);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual([
        { ativa: true, codigoOpcao: '0001', dataCadastro: expect.stringMatching(/-0300$/), descricaoOpcao: 'Regime especial', id: expect.any(Number), tipoSolicitacao: 'PAGAMENTO_INTEGRAL_DUIMP', uf: 'SP' },
        { ativa: true, codigoOpcao: '0002', dataCadastro: expect.any(String), descricaoOpcao: 'Exoneração ZFM', id: expect.any(Number), tipoSolicitacao: 'EXONERACAO_INTEGRAL_DUIMP', uf: 'SP' },
      ]);
      const [first, second] = listed.body as Array<{ id: number }>;

      // Another UF neither sees nor touches them.
      expect((await rj.call('GET', OPCAO)).body).toEqual([]);
      const before = await options();
      const foreignChange = await rj.call('PUT', `${OPCAO}/${first.id}`, { ativa: false, descricaoOpcao: 'x' });
      expect(foreignChange.status).toBe(404);
      expect(foreignChange.body).toMatchObject({ status: 404, code: 'PUCX-ER0404' });
      expect((await rj.call('DELETE', `${OPCAO}/${first.id}`)).status).toBe(404);
      // RJ may use the same code in its own UF.
      expect((await rj.call('POST', OPCAO, [{ codigoOpcao: '0001', descricaoOpcao: 'Outra', tipoSolicitacao: 'PAGAMENTO_INTEGRAL_DUIMP' }])).status).toBe(201);
      expect((await options()).filter((row: { uf: string }) => row.uf === 'SP')).toEqual(before);

      const changed = await sp.call('PUT', `${OPCAO}/${first.id}`, { ativa: false, descricaoOpcao: 'Regime especial (encerrado)' });
      expect(changed.status, changed.text).toBe(200);
      expect((await sp.call('GET', OPCAO)).body[0]).toMatchObject({ id: first.id, ativa: false, descricaoOpcao: 'Regime especial (encerrado)', codigoOpcao: '0001' });

      const deleted = await sp.call('DELETE', `${OPCAO}/${second.id}`);
      expect(deleted.status).toBe(204);
      expect(deleted.text).toBe('');
      expect((await sp.call('GET', OPCAO)).body.map((option: { id: number }) => option.id)).toEqual([first.id]);
      expect((await sp.call('DELETE', `${OPCAO}/${second.id}`)).status).toBe(404);
    });

    it('validates each entry and the change field by field; a refused list writes nothing', async () => {
      const before = await options();
      const valid = { codigoOpcao: '0100', descricaoOpcao: 'Opção', tipoSolicitacao: 'PAGAMENTO_PARCIAL_DUIMP' };
      expectRefused(await sp.call('POST', OPCAO, [valid, { ...valid, codigoOpcao: '101' }]), '1.codigoOpcao', 'VALIDACAO_ISLENGTH');
      expectRefused(await sp.call('POST', OPCAO, [{ ...valid, descricaoOpcao: 'x'.repeat(31) }]), '0.descricaoOpcao', 'VALIDACAO_ISLENGTH');
      expectRefused(await sp.call('POST', OPCAO, [{ ...valid, tipoSolicitacao: 'OUTRA' }]), '0.tipoSolicitacao', 'VALIDACAO_ISIN');
      expectRefused(await sp.call('POST', OPCAO, [without(valid, 'descricaoOpcao')]), '0.descricaoOpcao', 'VALIDACAO_OBRIGATORIO');
      expectRefused(await sp.call('POST', OPCAO, [{ ...valid, ativa: true }]), '0.ativa', 'CAMPO_DESCONHECIDO');
      expectRefused(await sp.call('POST', OPCAO, [valid, valid]), '1.codigoOpcao', 'OPCAO_ICMS_DUPLICADA');
      expectRefused(await sp.call('POST', OPCAO, valid), 'body', 'VALIDACAO_LISTA');
      expectRefused(await sp.call('POST', OPCAO, []), 'body', 'VALIDACAO_LISTA');
      expectRefused(await sp.call('POST', OPCAO, ['0100']), '0', 'VALIDACAO_ITEM');
      expect(await options()).toEqual(before);

      expect((await sp.call('POST', OPCAO, [valid])).status).toBe(201);
      const stored = await options();
      expectRefused(await sp.call('POST', OPCAO, [{ ...valid, codigoOpcao: '0101' }, valid]), '1.codigoOpcao', 'OPCAO_ICMS_DUPLICADA');
      expect(await options()).toEqual(stored);

      const id = stored.at(-1).id;
      expectRefused(await sp.call('PUT', `${OPCAO}/${id}`, { descricaoOpcao: 'Sem ativa' }), 'ativa', 'VALIDACAO_OBRIGATORIO');
      expectRefused(await sp.call('PUT', `${OPCAO}/${id}`, { ativa: 'sim', descricaoOpcao: 'x' }), 'ativa', 'VALIDACAO_ISBOOLEAN');
      expectRefused(await sp.call('PUT', `${OPCAO}/${id}`, { ativa: true, descricaoOpcao: '' }), 'descricaoOpcao', 'VALIDACAO_OBRIGATORIO');
      expectRefused(await sp.call('PUT', `${OPCAO}/abc`, { ativa: true, descricaoOpcao: 'x' }), 'id', 'ID_INVALIDO');
      expectRefused(await sp.call('DELETE', `${OPCAO}/99999999999999999999`), 'id', 'ID_INVALIDO');
      expect(await options()).toEqual(stored);
    });

    it('in XML: a list of <opcaoIcms> in, <opcoesIcms> out, and a boolean change', async () => {
      const body = toXmlBody('opcoesIcms', {
        opcaoIcms: [
          { codigoOpcao: '0200', descricaoOpcao: 'Via XML', tipoSolicitacao: 'MANDADO_JUDICIAL_DUIMP' },
          { codigoOpcao: '0201', descricaoOpcao: 'Via XML 2', tipoSolicitacao: 'PAGAMENTO_INTEGRAL_DUIMP' },
        ],
      });
      const created = await sp.call('POST', OPCAO, body, XML_HEADERS);
      expect(created.status, created.text).toBe(201);
      const refused = await sp.call('POST', OPCAO, toXmlBody('opcoesIcms', { opcaoIcms: { codigoOpcao: '02', descricaoOpcao: 'x', tipoSolicitacao: 'MANDADO_JUDICIAL_DUIMP' } }), XML_HEADERS);
      expect(refused.status).toBe(422);
      expect(xmlErrors(refused.text)).toContainEqual(expect.objectContaining({ field: '0.codigoOpcao', code: 'VALIDACAO_ISLENGTH' }));

      const listed = await sp.call('GET', OPCAO, undefined, { Accept: 'application/xml' });
      const entries = [fromXml(listed.text).opcoesIcms.opcaoIcms].flat();
      const viaXml = entries.find((entry: Body) => entry.codigoOpcao === '0200');
      expect(viaXml).toMatchObject({ ativa: 'true', descricaoOpcao: 'Via XML', uf: 'SP' });

      const changed = await sp.call('PUT', `${OPCAO}/${viaXml.id}`, toXmlBody('opcaoIcmsAlteracao', { ativa: 'false', descricaoOpcao: 'Desativada' }), XML_HEADERS);
      expect(changed.status, changed.text).toBe(200);
      const after = (await sp.call('GET', OPCAO)).body.find((entry: Body) => entry.codigoOpcao === '0200');
      expect(after).toMatchObject({ ativa: false, descricaoOpcao: 'Desativada' });
    });
  });
});
