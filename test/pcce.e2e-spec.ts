import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDuimpNumber } from '#domain';
import { aPagar, type Body, credito, declaracao, expectRefused, GUIA, icmsState, PCCE, without } from './support/pcce.js';
import { loginSistema, type PortalSession } from './support/portal-client.js';
import { wrongCheckDigit } from './support/fixtures.js';
import { scenario } from './support/scenarios.js';
import { type Simulator, startSimulator } from './support/simulator.js';

const DUIMP = '/duimp-api/api/ext/sefaz/duimp';

/** A valid SEM_VALOR_A_PAGAR of a PAGAMENTO_INTEGRAL_DUIMP request. */
function semValor(numero: string, overrides: Body = {}): Body {
  const { geradorGuia: _g, guias: _l, ...base } = aPagar(numero);
  return {
    ...base,
    tipoRetorno: 'SEM_VALOR_A_PAGAR',
    dataConfirmacaoCredito: '2026-01-22T09:11:06-0300',
    valorTotalCredito: 42.87,
    ...overrides,
  };
}

function indeferido(numero: string, overrides: Body = {}): Body {
  return {
    ...declaracao(numero),
    iniciativaSefaz: false,
    tipoRetorno: 'INDEFERIDO',
    justificativaIndeferimento: 'Importador com inscrição estadual suspensa.',
    ...overrides,
  };
}

describe('PCCE services for the Sefaz on the portal (SPEC §8)', () => {
  let sim: Simulator;
  let sp: PortalSession;
  let rj: PortalSession;
  let anvisa: PortalSession;

  const state = (numero: string) => icmsState(sim, numero);

  /** A Duimp of an SP importer cleared in MG (by air unless told), with an ICMS calculation requested to SP. */
  async function pendingDuimp(duimp: Body = {}, solicitacao: Body = {}): Promise<string> {
    const numero = (await scenario(sim, 'POST', '/admin/duimps', { ufImportador: 'SP', ufDespacho: 'MG', viaTransporte: 'AEREA', ...duimp })).duimp
      .numero as string;
    const requested = await scenario(sim, 'POST', `/admin/duimps/${numero}/icms/solicitacao`, { ufFavorecida: 'SP', ...solicitacao });
    expect(requested.eventos.map((event: { evento: string }) => event.evento)).toEqual(['pcce-calculo-icms']);
    return numero;
  }

  const consult = (session: PortalSession, numero: string, versao = '1') => session.call('GET', `${PCCE}/consulta/calculo/${numero}/${versao}`);
  const cover = async (numero: string) => (await sp.call('GET', `${DUIMP}/${numero}`)).body;
  const historyCodes = async (numero: string) =>
    ((await sp.call('GET', `${DUIMP}/${numero}/historico`)).body as Array<{ evento: { codigo: string } }>).map((entry) => entry.evento.codigo);

  beforeAll(async () => {
    sim = await startSimulator({}, { withWorker: false });
    sp = await loginSistema(sim, { uf: 'SP' });
    rj = await loginSistema(sim, { uf: 'RJ' });
    anvisa = await loginSistema(sim, { orgao: 'ANVISA' });
  });
  afterAll(() => sim?.stop());

  it('journey: calculation "a pagar" (201) → consultation → credit (201) → the Duimp shows ICMS paid and history 32', async () => {
    const numero = await pendingDuimp();

    const pending = await consult(sp, numero);
    expect(pending.status, pending.text).toBe(200);
    expect(pending.body).toMatchObject({
      numeroDeclaracao: numero,
      versaoDeclaracao: '1',
      tipoDeclaracao: 'DUIMP',
      tipoSolicitacao: 'PAGAMENTO_INTEGRAL_DUIMP',
      tipoTratamento: 'CALCULO_SEFAZ',
      ufFavorecida: 'SP',
      ufImportador: 'SP',
      cpfSolicitante: expect.stringMatching(/^\d{11}$/),
      situacaoSolicitacao: 'DUIMP_CALCULO_SOLICITADO',
      historico: [{ descricaoSituacao: 'DUIMP_CALCULO_SOLICITADO' }],
    });
    // SolicitacaoCalculoIcmsDto's property order, then the situation and the history.
    expect(Object.keys(pending.body).slice(-2)).toEqual(['situacaoSolicitacao', 'historico']);
    expect(Object.keys(pending.body).indexOf('cnaeImportador')).toBeLessThan(Object.keys(pending.body).indexOf('numeroDeclaracao'));

    const calculated = await sp.call('POST', PCCE, aPagar(numero));
    expect(calculated.status, calculated.text).toBe(201);
    expect(calculated.text).toBe('');

    const after = await consult(sp, numero);
    expect(after.body.situacaoSolicitacao).toBe('DUIMP_PENDENTE_PAGAMENTO_EXONERACAO');
    expect(after.body.historico.map((entry: { descricaoSituacao: string }) => entry.descricaoSituacao)).toEqual([
      'DUIMP_CALCULO_SOLICITADO',
      'DUIMP_PENDENTE_PAGAMENTO_EXONERACAO',
    ]);
    expect(after.body.historico[1]).toMatchObject({ cpfResponsavel: expect.stringMatching(/^\d{11}$/), dataSituacao: expect.stringMatching(/-0300$/) });
    // A calculation "a pagar" is not yet ICMS declared.
    expect((await cover(numero)).sefazDadosResumo.dadosTributos.indicadorCumprimentoICMS).toBeUndefined();
    expect(await historyCodes(numero)).not.toContain('32');
    const stored = (await state(numero)).requests[0];
    expect(stored.result).toMatchObject({ tipoRetorno: 'CALCULADO_A_PAGAR', valorTotalaRecolher: 42.87, guias: [{ codigoReceita: '999999' }] });

    const credited = await sp.call('POST', `${PCCE}/credito`, credito(numero));
    expect(credited.status, credited.text).toBe(201);

    expect((await consult(sp, numero)).body.situacaoSolicitacao).toBe('DUIMP_DECLARADA_PAGA');
    const paid = await cover(numero);
    expect(paid.sefazDadosResumo.dadosTributos.indicadorCumprimentoICMS).toBe('1');
    expect(Object.keys(paid.sefazDadosResumo.dadosTributos)[0]).toBe('indicadorCumprimentoICMS');
    expect(paid.itensHistorico).toContainEqual(expect.objectContaining({ evento: { codigo: '32', descricao: 'ICMS declarado' } }));
    const history = await sp.call('GET', `${DUIMP}/${numero}/historico`);
    expect(history.body).toContainEqual(
      expect.objectContaining({ numeroDuimp: numero, versaoDuimp: '0001', evento: { codigo: '32', descricao: 'ICMS declarado' } }),
    );
    expect((await state(numero)).requests[0].credit).toMatchObject({ valorTotalCredito: 42.87 });
    // MG (clearance) reads the same Duimp state.
    const mg = await loginSistema(sim, { uf: 'MG' });
    expect((await mg.call('GET', `${DUIMP}/${numero}`)).body.sefazDadosResumo.dadosTributos.indicadorCumprimentoICMS).toBe('1');

    // Paid: no second credit, no second calculation.
    const before = await state(numero);
    expectRefused(await sp.call('POST', `${PCCE}/credito`, credito(numero)), 'numeroDeclaracao', 'CALCULO_ICMS_A_PAGAR_INEXISTENTE');
    expectRefused(await sp.call('POST', PCCE, aPagar(numero)), 'numeroDeclaracao', 'SOLICITACAO_ICMS_INEXISTENTE');
    expect(await state(numero)).toEqual(before);
  });

  it('SEM_VALOR_A_PAGAR: paga/exonerada at once, ICMS declared (32) and paid; no credit afterwards', async () => {
    const numero = await pendingDuimp();
    const response = await sp.call('POST', PCCE, semValor(numero));
    expect(response.status, response.text).toBe(201);
    expect((await consult(sp, numero)).body.situacaoSolicitacao).toBe('DUIMP_PAGA_EXONERADA');
    expect((await cover(numero)).sefazDadosResumo.dadosTributos.indicadorCumprimentoICMS).toBe('1');
    expect((await historyCodes(numero)).filter((code) => code === '32')).toHaveLength(1);
    expectRefused(await sp.call('POST', `${PCCE}/credito`, credito(numero)), 'numeroDeclaracao', 'CALCULO_ICMS_A_PAGAR_INEXISTENTE');
  });

  it('SEM_VALOR_A_PAGAR of an EXONERACAO_INTEGRAL_DUIMP needs the GLME and the CIF exonerated, not the credit', async () => {
    const numero = await pendingDuimp({}, { tipoSolicitacao: 'EXONERACAO_INTEGRAL_DUIMP' });
    const body = without(
      semValor(numero, { tipoSolicitacao: 'EXONERACAO_INTEGRAL_DUIMP', autenticidadeGlme: '11111111111111111111111', valorCIFExonerado: 60.33 }),
      'dataConfirmacaoCredito',
      'valorTotalCredito',
      'valorTotalaRecolher',
    );
    const response = await sp.call('POST', PCCE, body);
    expect(response.status, response.text).toBe(201);
    expect((await consult(sp, numero)).body.situacaoSolicitacao).toBe('DUIMP_PAGA_EXONERADA');
  });

  it('INDEFERIDO: DUIMP_CALCULO_INDEFERIDO with the justification; nothing declared; no second calculation', async () => {
    const numero = await pendingDuimp();
    const response = await sp.call('POST', PCCE, indeferido(numero));
    expect(response.status, response.text).toBe(201);
    const consulted = await consult(sp, numero);
    expect(consulted.body.situacaoSolicitacao).toBe('DUIMP_CALCULO_INDEFERIDO');
    expect(consulted.body.historico[1]).toMatchObject({
      comentario: 'Importador com inscrição estadual suspensa.',
      descricaoSituacao: 'DUIMP_CALCULO_INDEFERIDO',
    });
    expect((await cover(numero)).sefazDadosResumo.dadosTributos.indicadorCumprimentoICMS).toBeUndefined();
    expect(await historyCodes(numero)).not.toContain('32');
    expectRefused(await sp.call('POST', PCCE, aPagar(numero)), 'numeroDeclaracao', 'SOLICITACAO_ICMS_INEXISTENTE');
  });

  it('cancellation by the Sefaz: history 33, ICMS cancelled (2), the request waits for a new calculation', async () => {
    const numero = await pendingDuimp();
    // Nothing declared yet: nothing to cancel.
    const before = await state(numero);
    expectRefused(await sp.call('PUT', `${PCCE}/cancelamento/${numero}/1`), 'numero', 'DECLARACAO_ICMS_INEXISTENTE');
    expect(await state(numero)).toEqual(before);

    expect((await sp.call('POST', PCCE, semValor(numero))).status).toBe(201);
    const cancelled = await sp.call('PUT', `${PCCE}/cancelamento/${numero}/0001`);
    expect(cancelled.status, cancelled.text).toBe(200);

    const consulted = await consult(sp, numero);
    expect(consulted.body.situacaoSolicitacao).toBe('DUIMP_CALCULO_SOLICITADO');
    expect(consulted.body.historico.at(-1)).toMatchObject({
      comentario: 'Declaração de ICMS cancelada pela Sefaz.',
      descricaoSituacao: 'DUIMP_CALCULO_SOLICITADO',
    });
    const duimp = await cover(numero);
    expect(duimp.sefazDadosResumo.dadosTributos.indicadorCumprimentoICMS).toBe('2');
    expect(duimp.itensHistorico).toContainEqual(expect.objectContaining({ evento: { codigo: '33', descricao: 'ICMS cancelado' } }));
    expect((await historyCodes(numero)).slice(-2)).toEqual(['32', '33']);
    expect((await state(numero)).requests[0]).toMatchObject({ result: null, credit: null });

    // Cancelled once: nothing left to cancel; a new calculation is taken and declares the ICMS again.
    expectRefused(await sp.call('PUT', `${PCCE}/cancelamento/${numero}/1`), 'numero', 'DECLARACAO_ICMS_INEXISTENTE');
    expect((await sp.call('POST', PCCE, aPagar(numero))).status).toBe(201);
    expect((await sp.call('POST', `${PCCE}/credito`, credito(numero))).status).toBe(201);
    expect((await cover(numero)).sefazDadosResumo.dadosTributos.indicadorCumprimentoICMS).toBe('1');
    expect((await historyCodes(numero)).slice(-3)).toEqual(['32', '33', '32']);
  });

  it('does not reopen a cancelled declaration while the importer has another request pending', async () => {
    const numero = await pendingDuimp();
    expect((await sp.call('POST', PCCE, semValor(numero))).status).toBe(201);
    await scenario(sim, 'POST', `/admin/duimps/${numero}/icms/solicitacao`, { ufFavorecida: 'SP' });
    const before = await state(numero);
    expectRefused(await sp.call('PUT', `${PCCE}/cancelamento/${numero}/1`), 'numero', 'SOLICITACAO_ICMS_PENDENTE');
    expect(await state(numero)).toEqual(before);
  });

  it('a calculation "a pagar" can be cancelled before its credit; the credit is then refused', async () => {
    const numero = await pendingDuimp();
    expect((await sp.call('POST', PCCE, aPagar(numero))).status).toBe(201);
    expect((await sp.call('PUT', `${PCCE}/cancelamento/${numero}/1`)).status).toBe(200);
    expect((await cover(numero)).sefazDadosResumo.dadosTributos.indicadorCumprimentoICMS).toBe('2');
    expectRefused(await sp.call('POST', `${PCCE}/credito`, credito(numero)), 'numeroDeclaracao', 'CALCULO_ICMS_A_PAGAR_INEXISTENTE');
  });

  it('refuses another UF: RJ cannot read (403), calculate, credit or cancel (422) SP\'s request; nothing changes', async () => {
    const numero = await pendingDuimp();
    const before = await state(numero);
    const read = await consult(rj, numero);
    expect(read.status).toBe(403);
    expect(read.body).toMatchObject({ status: 403, code: 'PUCX-ER0403' });
    expectRefused(await rj.call('POST', PCCE, aPagar(numero)), 'ufFavorecida', 'UF_FAVORECIDA_DIVERGENTE');
    expectRefused(await rj.call('POST', PCCE, aPagar(numero, { ufFavorecida: 'RJ' })), 'numeroDeclaracao', 'SOLICITACAO_ICMS_INEXISTENTE');
    expectRefused(await rj.call('POST', `${PCCE}/credito`, credito(numero, { ufFavorecida: 'RJ' })), 'numeroDeclaracao');
    expect(await state(numero)).toEqual(before);

    expect((await sp.call('POST', PCCE, aPagar(numero))).status).toBe(201);
    const declared = await state(numero);
    expectRefused(await rj.call('PUT', `${PCCE}/cancelamento/${numero}/1`), 'numero', 'DECLARACAO_ICMS_INEXISTENTE');
    expectRefused(await rj.call('POST', `${PCCE}/credito`, credito(numero, { ufFavorecida: 'RJ' })), 'numeroDeclaracao', 'CALCULO_ICMS_A_PAGAR_INEXISTENTE');
    expect(await state(numero)).toEqual(declared);
  });

  it('is for the Sefaz only: an órgão anuente gets 403', async () => {
    const numero = await pendingDuimp();
    const response = await consult(anvisa, numero);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('PUCX-ER0403');
  });

  it('refuses a bad Duimp number with DIMP-ER0004, an unknown Duimp or version with 404, a bad version with 422', async () => {
    const numero = await pendingDuimp();
    const before = await state(numero);
    for (const bad of [wrongCheckDigit(numero), 'ABC', `${numero}0`]) {
      const expected = { code: 'DIMP-ER0004', message: 'Número da Duimp inválido.' };
      const calculated = await sp.call('POST', PCCE, aPagar(bad));
      expect(calculated.status, bad).toBe(422);
      expect(calculated.body.errors).toEqual([{ ...expected, field: 'numeroDeclaracao' }]);
      expect((await sp.call('POST', `${PCCE}/credito`, credito(bad))).body.errors).toEqual([{ ...expected, field: 'numeroDeclaracao' }]);
      for (const [method, path] of [
        ['GET', `${PCCE}/consulta/calculo/${bad}/1`],
        ['PUT', `${PCCE}/cancelamento/${bad}/1`],
      ]) {
        const response = await sp.call(method, path);
        expect(response.status, path).toBe(422);
        expect(response.body).toMatchObject({ message: expect.any(String), errors: [{ ...expected, field: 'numero' }] });
      }
    }
    expect(await state(numero)).toEqual(before);

    const unknown = buildDuimpNumber('19', 9_999_999_002);
    expect((await consult(sp, unknown)).status).toBe(404);
    expect((await consult(sp, unknown)).body.code).toBe('DIMP-ER0102');
    expect((await sp.call('POST', PCCE, aPagar(unknown))).status).toBe(404);
    expect((await consult(sp, numero, '2')).status).toBe(404);
    expectRefused(await consult(sp, numero, 'abc'), 'versao', 'VERSAO_INVALIDA');
    expectRefused(await sp.call('PUT', `${PCCE}/cancelamento/${numero}/0`), 'versao', 'VERSAO_INVALIDA');
  });

  it('refuses a calculation with no pending request, a credit before a calculation, another tipoSolicitacao', async () => {
    const registered = (await scenario(sim, 'POST', '/admin/duimps', { ufImportador: 'SP', ufDespacho: 'MG', viaTransporte: 'AEREA' })).duimp.numero;
    const none = await state(registered);
    expectRefused(await sp.call('POST', PCCE, aPagar(registered)), 'numeroDeclaracao', 'SOLICITACAO_ICMS_INEXISTENTE');
    expect(await state(registered)).toEqual(none);

    const numero = await pendingDuimp();
    const before = await state(numero);
    expectRefused(await sp.call('POST', `${PCCE}/credito`, credito(numero)), 'numeroDeclaracao', 'CALCULO_ICMS_A_PAGAR_INEXISTENTE');
    expectRefused(await sp.call('POST', PCCE, aPagar(numero, { versaoDeclaracao: '2' })), 'numeroDeclaracao', 'SOLICITACAO_ICMS_INEXISTENTE');
    expectRefused(
      await sp.call('POST', PCCE, aPagar(numero, { tipoSolicitacao: 'PAGAMENTO_PARCIAL_DUIMP', valorCifPagamento: 162.57 })),
      'tipoSolicitacao',
      'TIPO_SOLICITACAO_DIVERGENTE',
    );
    expect(await state(numero)).toEqual(before);
  });

  it('asks valorAfrmm of a maritime Duimp unless INDEFERIDO', async () => {
    const numero = await pendingDuimp({ viaTransporte: 'MARITMO' });
    const before = await state(numero);
    expectRefused(await sp.call('POST', PCCE, aPagar(numero)), 'valorAfrmm', 'VALIDACAO_OBRIGATORIO');
    expect(await state(numero)).toEqual(before);
    expect((await sp.call('POST', PCCE, aPagar(numero, { valorAfrmm: 95.8 }))).status).toBe(201);

    const refused = await pendingDuimp({ viaTransporte: 'MARITMO' });
    expect((await sp.call('POST', PCCE, indeferido(refused))).status).toBe(201);
  });

  describe('SefazDadosIcmsDto rules: each one broken is refused naming its field, and nothing changes', () => {
    let numero: string;
    let before: Awaited<ReturnType<typeof state>>;

    beforeAll(async () => {
      numero = await pendingDuimp();
      before = await state(numero);
    });

    const refusedCalculation = async (body: Body, field: string, code = 'VALIDACAO_OBRIGATORIO') => {
      expectRefused(await sp.call('POST', PCCE, body), field, code);
      expect(await state(numero)).toEqual(before);
    };

    const exoneracaoParcial = (overrides: Body = {}) =>
      aPagar(numero, { tipoSolicitacao: 'EXONERACAO_PAG_PARCIAL_DUIMP', numeroGlme: '123', valorCIFExonerado: 60.33, valorCifPagamento: 162.57, ...overrides });

    it('cpfSolicitante when iniciativaSefaz = true', () => refusedCalculation(aPagar(numero, { iniciativaSefaz: true }), 'cpfSolicitante'));
    it('dataConfirmacaoCredito when SEM_VALOR_A_PAGAR and not EXONERACAO_INTEGRAL', () =>
      refusedCalculation(without(semValor(numero), 'dataConfirmacaoCredito'), 'dataConfirmacaoCredito'));
    it('dataLimiteGeracaoGuiaGnre when CALCULADO_A_PAGAR and geradorGuia = GNRE', () =>
      refusedCalculation(without(aPagar(numero, { geradorGuia: 'GNRE' }), 'guias'), 'dataLimiteGeracaoGuiaGnre'));
    it('descricaoDespesasAduaneiras when valorDespesasAduaneiras is given', () =>
      refusedCalculation(aPagar(numero, { valorDespesasAduaneiras: 162.57 }), 'descricaoDespesasAduaneiras'));
    it('geradorGuia when CALCULADO_A_PAGAR and pagamentoFracionado = false', async () => {
      await refusedCalculation(without(aPagar(numero, { pagamentoFracionado: false }), 'geradorGuia', 'guias'), 'geradorGuia');
      await refusedCalculation(without(aPagar(numero), 'geradorGuia', 'guias'), 'geradorGuia');
    });
    it('guias (not empty) when CALCULADO_A_PAGAR and geradorGuia = ESTADO', async () => {
      await refusedCalculation(without(aPagar(numero), 'guias'), 'guias');
      await refusedCalculation(aPagar(numero, { guias: [] }), 'guias');
    });
    it('justificativaIndeferimento when INDEFERIDO', () =>
      refusedCalculation(without(indeferido(numero), 'justificativaIndeferimento'), 'justificativaIndeferimento'));
    it('numeroGlme or autenticidadeGlme when EXONERACAO_* and not INDEFERIDO', () =>
      refusedCalculation(without(exoneracaoParcial(), 'numeroGlme'), 'numeroGlme'));
    it('numeroMandadoJudicial when MANDADO_JUDICIAL_DUIMP and not INDEFERIDO', () =>
      refusedCalculation(aPagar(numero, { tipoSolicitacao: 'MANDADO_JUDICIAL_DUIMP' }), 'numeroMandadoJudicial'));
    it('periodoReferencia when not INDEFERIDO', () => refusedCalculation(without(aPagar(numero), 'periodoReferencia'), 'periodoReferencia'));
    it('valorCIFExonerado when EXONERACAO_* and not INDEFERIDO', () =>
      refusedCalculation(without(exoneracaoParcial(), 'valorCIFExonerado'), 'valorCIFExonerado'));
    it('valorCalculado when not INDEFERIDO', () => refusedCalculation(without(aPagar(numero), 'valorCalculado'), 'valorCalculado'));
    it('valorCifPagamento when PAGAMENTO_PARCIAL or EXONERACAO_PAG_PARCIAL and not INDEFERIDO', async () => {
      await refusedCalculation(aPagar(numero, { tipoSolicitacao: 'PAGAMENTO_PARCIAL_DUIMP' }), 'valorCifPagamento');
      await refusedCalculation(without(exoneracaoParcial(), 'valorCifPagamento'), 'valorCifPagamento');
    });
    it('valorTotalCredito when SEM_VALOR_A_PAGAR and not EXONERACAO_INTEGRAL', () =>
      refusedCalculation(without(semValor(numero), 'valorTotalCredito'), 'valorTotalCredito'));
    it('valorTotalaRecolher when PAGAMENTO_* or EXONERACAO_PAG_PARCIAL and not INDEFERIDO', () =>
      refusedCalculation(without(aPagar(numero), 'valorTotalaRecolher'), 'valorTotalaRecolher'));
    it('valorTotalDevido when not INDEFERIDO', () => refusedCalculation(without(aPagar(numero), 'valorTotalDevido'), 'valorTotalDevido'));

    it('the always-required fields and the enumerations', async () => {
      for (const field of ['numeroDeclaracao', 'versaoDeclaracao', 'tipoDeclaracao', 'ufFavorecida', 'iniciativaSefaz', 'tipoSolicitacao', 'tipoRetorno']) {
        await refusedCalculation(without(aPagar(numero), field), field);
      }
      await refusedCalculation(aPagar(numero, { tipoRetorno: 'TALVEZ' }), 'tipoRetorno', 'VALIDACAO_ISIN');
      await refusedCalculation(aPagar(numero, { tipoDeclaracao: 'DI' }), 'tipoDeclaracao', 'VALIDACAO_ISIN');
      await refusedCalculation(aPagar(numero, { ufFavorecida: 'XX' }), 'ufFavorecida', 'VALIDACAO_ISIN');
      await refusedCalculation(aPagar(numero, { iniciativaSefaz: 'false' }), 'iniciativaSefaz', 'VALIDACAO_ISBOOLEAN');
      await refusedCalculation(aPagar(numero, { versaoDeclaracao: '0' }), 'versaoDeclaracao', 'VALIDACAO_VERSAODECLARACAO');
      await refusedCalculation(aPagar(numero, { versaoDeclaracao: 1 }), 'versaoDeclaracao', 'VALIDACAO_VERSAODECLARACAO');
    });

    it('formats: dates, period, CPF, lengths', async () => {
      await refusedCalculation(semValor(numero, { dataConfirmacaoCredito: '2026-01-22' }), 'dataConfirmacaoCredito', 'VALIDACAO_FORMATODATAHORA');
      await refusedCalculation(semValor(numero, { dataConfirmacaoCredito: '2026-02-30T09:11:06-0300' }), 'dataConfirmacaoCredito', 'VALIDACAO_FORMATODATAHORA');
      await refusedCalculation(
        without(aPagar(numero, { geradorGuia: 'GNRE', dataLimiteGeracaoGuiaGnre: '25/04/2026' }), 'guias'),
        'dataLimiteGeracaoGuiaGnre',
        'VALIDACAO_FORMATODATA',
      );
      await refusedCalculation(aPagar(numero, { periodoReferencia: '2026-13' }), 'periodoReferencia', 'VALIDACAO_FORMATOANOMES');
      await refusedCalculation(aPagar(numero, { iniciativaSefaz: true, cpfSolicitante: '12345678900' }), 'cpfSolicitante', 'VALIDACAO_CPF');
      await refusedCalculation(indeferido(numero, { justificativaIndeferimento: 'x'.repeat(301) }), 'justificativaIndeferimento', 'VALIDACAO_ISLENGTH');
      await refusedCalculation(aPagar(numero, { guias: [{ ...GUIA, codigoReceita: '1234567' }] }), 'guias.0.codigoReceita', 'VALIDACAO_ISLENGTH');
      await refusedCalculation(aPagar(numero, { guias: [without(GUIA, 'linhaDigitavel')] }), 'guias.0.linhaDigitavel');
    });

    it('values with more than 2 decimals (or negative, or not numbers) are refused — never a 500', async () => {
      await refusedCalculation(aPagar(numero, { valorCalculado: 100.123 }), 'valorCalculado', 'VALIDACAO_VALORDECIMAL');
      await refusedCalculation(aPagar(numero, { valorTotalDevido: 0.0000001 }), 'valorTotalDevido', 'VALIDACAO_VALORDECIMAL');
      await refusedCalculation(aPagar(numero, { valorTotalaRecolher: -1 }), 'valorTotalaRecolher', 'VALIDACAO_VALORDECIMAL');
      await refusedCalculation(aPagar(numero, { valorTotalaRecolher: 1e13 }), 'valorTotalaRecolher', 'VALIDACAO_VALORDECIMAL');
      await refusedCalculation(aPagar(numero, { valorCalculado: '100.12' }), 'valorCalculado', 'VALIDACAO_VALORDECIMAL');
      await refusedCalculation(aPagar(numero, { guias: [{ ...GUIA, valorTotal: 10.801 }] }), 'guias.0.valorTotal', 'VALIDACAO_VALORDECIMAL');
      expectRefused(await sp.call('POST', `${PCCE}/credito`, credito(numero, { valorTotalCredito: 42.875 })), 'valorTotalCredito', 'VALIDACAO_VALORDECIMAL');
    });

    it('an unknown field is refused, at the top and inside a guide', async () => {
      await refusedCalculation(aPagar(numero, { campoInventado: 1 }), 'campoInventado', 'CAMPO_DESCONHECIDO');
      await refusedCalculation(aPagar(numero, { guias: [{ ...GUIA, juros: 1 }] }), 'guias.0.juros', 'CAMPO_DESCONHECIDO');
      expectRefused(await sp.call('POST', `${PCCE}/credito`, credito(numero, { tipoRetorno: 'SEM_VALOR_A_PAGAR' })), 'tipoRetorno', 'CAMPO_DESCONHECIDO');
    });

    it('SefazCreditoIcmsDto: its required fields', async () => {
      for (const field of ['dataConfirmacaoCredito', 'numeroDeclaracao', 'tipoSolicitacao', 'ufFavorecida', 'valorTotalCredito', 'versaoDeclaracao']) {
        expectRefused(await sp.call('POST', `${PCCE}/credito`, without(credito(numero), field)), field, 'VALIDACAO_OBRIGATORIO');
      }
      expect(await state(numero)).toEqual(before);
    });

    it('a malformed body is a 4xx with the portal body, never a 500', async () => {
      const response = await sp.call('POST', PCCE, '{"numeroDeclaracao": ', { 'Content-Type': 'application/json' });
      expect(response.status).toBe(400);
      expect(await state(numero)).toEqual(before);
    });
  });
});
