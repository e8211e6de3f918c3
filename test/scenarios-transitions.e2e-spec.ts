import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDuimpNumber, isValidDuimpNumber } from '#domain';
import { resetAll } from './support/fixtures.js';
import { scenario } from './support/scenarios.js';
import { type Simulator, startSimulator } from './support/simulator.js';

const SCENARIO_TABLES = ['duimp', 'duimp_version', 'duimp_event', 'icms_request', 'sefaz_document', 'lpco', 'event', 'notification'];

describe('business scenarios: state machines, refusals, determinism (SPEC §9, §10)', () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({}, { withWorker: false });
  });
  beforeEach(() => resetAll(sim));
  afterAll(() => sim?.stop());

  /** Every scenario row, to prove a refused action wrote nothing at all. */
  const snapshot = async () => {
    const tables: Record<string, unknown> = {};
    for (const table of SCENARIO_TABLES) tables[table] = await sim.dataSource.query(`SELECT * FROM ${table} ORDER BY 1`);
    return JSON.stringify(tables);
  };

  /** The call must be refused with 422, the portal's validation body naming `code`, and change nothing. */
  const refused = async (method: string, path: string, body: unknown, code: string) => {
    const before = await snapshot();
    const response = await sim.admin(method, path, body);
    expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(422);
    expect(response.body).toEqual({ message: expect.any(String), errors: [expect.objectContaining({ code, field: expect.any(String), message: expect.any(String) })] });
    expect(await snapshot(), `${method} ${path} wrote something`).toBe(before);
    return response.body;
  };

  const duimp = async (body: object = {}) => (await scenario(sim, 'POST', '/admin/duimps', body)).duimp;
  const act = (numero: string, action: string, body: unknown = {}) => scenario(sim, 'POST', `/admin/duimps/${numero}/${action}`, body);

  it('refuses every impossible Duimp transition with 422, emitting nothing and writing nothing', async () => {
    const cancelled = (await duimp()).numero;
    await act(cancelled, 'cancelamento');
    await refused('POST', `/admin/duimps/${cancelled}/desembaraco`, {}, 'DUIMP_CANCELADA');
    await refused('POST', `/admin/duimps/${cancelled}/retificacao`, {}, 'DUIMP_CANCELADA');
    await refused('POST', `/admin/duimps/${cancelled}/cancelamento`, undefined, 'DUIMP_CANCELADA');
    await refused('POST', `/admin/duimps/${cancelled}/entrega`, { prosseguimentoDespacho: true }, 'DUIMP_CANCELADA');
    await refused('POST', `/admin/duimps/${cancelled}/icms/solicitacao`, {}, 'DUIMP_CANCELADA');

    const unregistered = buildDuimpNumber('26', 987_654);
    await refused('POST', `/admin/duimps/${unregistered}/retificacao`, {}, 'DIMP-ER0102');
    await refused('POST', `/admin/duimps/${unregistered}/desembaraco`, {}, 'DIMP-ER0102');
    const wrongDigit = unregistered.slice(0, 14) + ((Number(unregistered[14]) + 1) % 10);
    const invalid = await refused('POST', `/admin/duimps/${wrongDigit}/retificacao`, {}, 'DIMP-ER0004');
    expect(invalid.errors[0]).toEqual({ code: 'DIMP-ER0004', field: 'numero', message: 'Número da Duimp inválido.' });

    const early = (await duimp()).numero;
    await refused('POST', `/admin/duimps/${early}/entrega`, { prosseguimentoDespacho: false }, 'DUIMP_NAO_DESEMBARACADA');
    await act(early, 'entrega', { prosseguimentoDespacho: true });
    await refused('POST', `/admin/duimps/${early}/entrega`, { prosseguimentoDespacho: true }, 'CARGA_JA_ENTREGUE');
    await refused('POST', `/admin/duimps/${early}/cancelamento`, undefined, 'CARGA_JA_ENTREGUE');

    const cleared = (await duimp()).numero;
    await act(cleared, 'desembaraco');
    await refused('POST', `/admin/duimps/${cleared}/desembaraco`, {}, 'DUIMP_JA_DESEMBARACADA');
    await refused('POST', `/admin/duimps/${cleared}/cancelamento`, undefined, 'DUIMP_JA_DESEMBARACADA');
    await refused('POST', `/admin/duimps/${cleared}/entrega`, { prosseguimentoDespacho: true }, 'DUIMP_JA_DESEMBARACADA');
    await act(cleared, 'entrega', { prosseguimentoDespacho: false });
    await refused('POST', `/admin/duimps/${cleared}/entrega`, { prosseguimentoDespacho: false }, 'CARGA_JA_ENTREGUE');

    await refused('POST', '/admin/duimps', { numero: cleared }, 'DUIMP_JA_REGISTRADA');
    await refused('POST', '/admin/duimps', { niImportador: '12345678000100' }, 'NI_INVALIDO');
  });

  it('an action that fails after its business writes leaves nothing behind: state and events commit together', async () => {
    const { numero } = await duimp({ canal: '3' });
    // Make the event insert fail, after the Duimp, its history and its situation were written.
    await sim.dataSource.query(`CREATE FUNCTION h5_refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'event store down'; END $$`);
    await sim.dataSource.query(`CREATE TRIGGER h5_refuse_event BEFORE INSERT ON event FOR EACH ROW EXECUTE FUNCTION h5_refuse_event()`);
    try {
      const before = await snapshot();
      const response = await sim.admin('POST', `/admin/duimps/${numero}/desembaraco`, {});
      expect(response.status).toBe(500);
      expect(response.body).toMatchObject({ status: 500, code: 'SIM-ADMIN-500', tag: expect.any(String) });
      expect(await snapshot()).toBe(before);
    } finally {
      await sim.dataSource.query('DROP TRIGGER h5_refuse_event ON event');
      await sim.dataSource.query('DROP FUNCTION h5_refuse_event()');
    }
    expect((await act(numero, 'desembaraco')).duimp.situacao.codigo).toBe('42');
  });

  it('refuses impossible ICMS requests and cancellations', async () => {
    const { numero } = await duimp({ ufImportador: 'SP', ufDespacho: 'MG' });
    await refused('POST', `/admin/duimps/${numero}/icms/solicitacao/cancelamento`, undefined, 'SOLICITACAO_ICMS_INEXISTENTE');
    await refused('POST', `/admin/duimps/${numero}/icms/solicitacao`, { ufFavorecida: 'RJ' }, 'UF_SEM_INTERESSE');
    const requested = await act(numero, 'icms/solicitacao', { ufFavorecida: 'MG', tipoSolicitacao: 'EXONERACAO_INTEGRAL_DUIMP' });
    expect(requested.solicitacao).toMatchObject({ ufFavorecida: 'MG', situacaoSolicitacao: 'DUIMP_CALCULO_SOLICITADO', versaoDeclaracao: '1' });
    expect(requested.eventos[0].payload).toMatchObject({
      numeroDeclaracao: numero,
      versaoDeclaracao: '1',
      tipoSolicitacao: 'EXONERACAO_INTEGRAL_DUIMP',
      ufFavorecida: 'MG',
    });
    await refused('POST', `/admin/duimps/${numero}/icms/solicitacao`, {}, 'SOLICITACAO_ICMS_PENDENTE');
    const cancelled = await scenario(sim, 'DELETE', `/admin/duimps/${numero}/icms/solicitacao`);
    expect(cancelled.solicitacao.situacaoSolicitacao).toBe('DUIMP_CANCELADA_IMPORTADOR');
    expect(cancelled.eventos.map((event: { evento: string }) => event.evento)).toEqual(['pcce-cancela-icms']);
    await refused('DELETE', `/admin/duimps/${numero}/icms/solicitacao`, undefined, 'SOLICITACAO_ICMS_INEXISTENTE');

    // A Duimp cancelled with a request pending takes the request with it, and tells its Sefaz.
    await act(numero, 'icms/solicitacao', {});
    const duimpCancelled = await act(numero, 'cancelamento');
    expect(duimpCancelled.eventos.map((event: { evento: string }) => event.evento)).toEqual(['dimp-cancelamento', 'pcce-cancela-icms']);
    const requests = (await sim.admin('GET', `/admin/duimps/${numero}/icms/solicitacao`)).body;
    expect(requests.map((request: { situacaoSolicitacao: string }) => request.situacaoSolicitacao)).toEqual([
      'DUIMP_CANCELADA_IMPORTADOR',
      'DUIMP_CANCELADA_AUTOMATICAMENTE',
    ]);
    expect(requests[1].solicitacao).toMatchObject({ numeroDeclaracao: numero, tipoDeclaracao: 'DUIMP', ufFavorecida: 'SP', ufImportador: 'SP' });
  });

  it('refuses documents for unknown operations and without UFs', async () => {
    await refused('POST', '/admin/documentos', { numeroOperacao: buildDuimpNumber('26', 55) }, 'DIMP-ER0102');
    await refused('POST', '/admin/documentos', { numeroOperacao: '26BR00000000550' }, 'DIMP-ER0004');
    await refused('POST', '/admin/documentos', { tipoOperacao: 'DI', numeroOperacao: '2000004120' }, 'UFS_OBRIGATORIAS');
    await refused('POST', '/admin/documentos', { tipoOperacao: 'DI', numeroOperacao: '12', ufs: ['SP'] }, 'NUMERO_OPERACAO_INVALIDO');
    const made = await scenario(sim, 'POST', '/admin/documentos', { tipoOperacao: 'DI', numeroOperacao: '2000004120', ufs: ['BA', 'PE'] });
    expect(made.documento).toMatchObject({ tipoOperacao: 'DI', numeroOperacao: '2000004120', ufs: ['BA', 'PE'], sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(made.eventos[0].payload).toEqual({ tipoOperacao: 'DI', numeroOperacao: '2000004120', idDocumento: made.documento.idDocumento, dataEvento: expect.any(String) });
  });

  it('refuses impossible LPCO transitions', async () => {
    const lpco = async (body: object = {}) => (await scenario(sim, 'POST', '/admin/lpcos', body)).lpco.numero as string;
    const path = (numero: string, action: string) => `/admin/lpcos/${numero}/${action}`;

    await refused('POST', '/admin/lpcos', { codigoModelo: 'I99999' }, 'MODELO_DESCONHECIDO');
    expect((await scenario(sim, 'POST', '/admin/lpcos', { codigoModelo: 'I99999', orgao: 'ANCINE' })).lpco.orgao).toBe('ANCINE');

    const numero = await lpco();
    await refused('POST', path(numero, 'exigencia/resposta'), {}, 'SEM_EXIGENCIA');
    await refused('POST', path(numero, 'retificacao'), {}, 'LPCO_NAO_VIGENTE');
    await refused('POST', path(numero, 'prorrogacao'), {}, 'LPCO_NAO_VIGENTE');
    await refused('POST', path(numero, 'retificacao/analise'), { deferida: true }, 'SEM_RETIFICACAO_PENDENTE');
    await refused('POST', path(numero, 'situacao/interessado'), { situacao: 'DEFERIDO' }, 'TRANSICAO_INVALIDA');
    await refused('POST', path(numero, 'situacao/anuente'), { situacao: 'RECURSO_INDEFERIMENTO' }, 'TRANSICAO_INVALIDA');
    await refused('POST', path(numero, 'vinculos'), { tipoOperacao: 'DUE', numeroOperacao: '26BR0000000001' }, 'OPERACAO_INCOMPATIVEL');
    await refused('DELETE', path(numero, `vinculos/${buildDuimpNumber('26', 1)}`), undefined, 'VINCULO_INEXISTENTE');
    await refused('POST', path(numero, 'pendencia-due'), {}, 'OPERACAO_INCOMPATIVEL');

    await scenario(sim, 'POST', path(numero, 'exigencia'), { justificativa: 'Falta o certificado de boas práticas.' });
    await refused('POST', path(numero, 'situacao/anuente'), { situacao: 'DEFERIDO' }, 'TRANSICAO_INVALIDA');
    await refused('POST', path(numero, 'exigencia'), { justificativa: 'Outra.' }, 'SITUACAO_INCOMPATIVEL');
    await scenario(sim, 'POST', path(numero, 'exigencia/resposta'), {});
    const deferred = await scenario(sim, 'POST', path(numero, 'situacao/anuente'), { situacao: 'DEFERIDO', dataFinalVigencia: '2099-12-31' });
    expect(deferred.lpco).toMatchObject({ situacao: { id: 'DEFERIDO' }, dataFimVigencia: '2099-12-31' });
    await refused('POST', path(numero, 'situacao/interessado'), { situacao: 'CANCELADO' }, 'TRANSICAO_INVALIDA');
    await scenario(sim, 'POST', path(numero, 'prorrogacao'), { novaDataFinalVigencia: '2100-06-30' });
    await refused('POST', path(numero, 'prorrogacao'), {}, 'PRORROGACAO_PENDENTE');
    const extended = await scenario(sim, 'POST', path(numero, 'prorrogacao/analise'), { deferida: true });
    expect(extended.lpco).toMatchObject({ dataFimVigencia: '2100-06-30', prorrogacaoPendente: false });

    await scenario(sim, 'POST', path(numero, 'situacao/anuente'), { situacao: 'ANULADO_REVOGADO' });
    await refused('POST', path(numero, 'vinculos'), { tipoOperacao: 'DUIMP', numeroOperacao: buildDuimpNumber('26', 1) }, 'SITUACAO_INCOMPATIVEL');

    const exportLpco = await lpco({ codigoModelo: 'E00104' });
    await refused('POST', path(exportLpco, 'pendencia-due'), {}, 'VINCULO_INEXISTENTE');
    await refused('POST', '/admin/lpcos/X123/exigencia', { justificativa: 'x' }, 'NUMERO_LPCO_INVALIDO');
  });

  it('moves a Duimp through versions and situations, keeping the portal history codes', async () => {
    const registered = await duimp({ canal: '12', ufImportador: 'RS', ufDespacho: 'SC' });
    expect(registered).toMatchObject({ versao: 1, situacao: { codigo: '31' }, canal: { codigo: '12', descricao: 'AMARELO' } });
    expect(isValidDuimpNumber(registered.numero)).toBe(true);
    const retified = await act(registered.numero, 'retificacao', { itens: [{ ncm: '30049099', quantidade: 5, valorUnitario: 12.5 }] });
    expect(retified.duimp).toMatchObject({ versao: 2, situacao: { codigo: '12' } });
    await act(registered.numero, 'entrega', { prosseguimentoDespacho: true });
    const cleared = await act(registered.numero, 'desembaraco');
    expect(cleared.duimp.situacao).toEqual({ codigo: '43', descricao: 'Desembaraçada. Carga Entregue' });
    expect(cleared.eventos[0].payload.evento).toBe('DESEMBARACO_EFETUADO');

    const { cobertura } = (await sim.admin('GET', `/admin/duimps/${registered.numero}`)).body;
    expect(cobertura).toMatchObject({
      numeroDeclaracao: registered.numero,
      versaoDeclaracao: '0002',
      versaoDeclaracaoVigente: '0002',
      situacaoDeclaracao: { codigo: '43' },
      canalSelecao: '12',
      ufImportador: 'RS',
    });
    expect(cobertura.itens).toHaveLength(1);
    expect(cobertura.itens[0].dadosProduto.codigoNCM).toBe('30049099');
    expect(cobertura.itensHistorico.map((entry: { evento: { codigo: string } }) => entry.evento.codigo)).toEqual(['1', '31', '52', '4', '412', '13', '419']);
    expect(cobertura.itensHistorico[3]).toMatchObject({ numeroDuimp: registered.numero, versaoDuimp: '0002', evento: { descricao: 'Declaração Retificada' } });

    // Canal verde clears automatically, without conferência.
    const verde = await duimp({ canal: '1' });
    expect(verde.situacao.codigo).toBe('11');
    expect((await act(verde.numero, 'desembaraco')).eventos[0].payload.evento).toBe('DESEMBARACO_AUTOMATICO_SEM_CONFERENCIA');
    const judicial = await duimp();
    expect((await act(judicial.numero, 'desembaraco', { evento: 'DESEMBARACO_EFETUADO_DECISAO_JUDICIAL' })).eventos[0].payload.evento).toBe(
      'DESEMBARACO_EFETUADO_DECISAO_JUDICIAL',
    );
  });

  it('the same seed gives the same Duimp, numbered in sequence with valid check digits', async () => {
    const first = await duimp({ seed: 42 });
    const second = await duimp({ seed: 42 });
    const other = await duimp({ seed: 43 });
    const unseeded = await duimp();
    expect(Number.isInteger(unseeded.seed)).toBe(true);
    const replay = await duimp({ seed: unseeded.seed });

    // Numbers and times differ by construction; everything else is the seed's.
    const timeless = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(timeless);
      if (value && typeof value === 'object') {
        return Object.fromEntries(
          Object.entries(value)
            .filter(([key]) => !/^(data|numeroDeclaracao$|numeroDuimp$)/.test(key))
            .map(([key, v]) => [key, timeless(v)]),
        );
      }
      return value;
    };
    const cover = async (numero: string) => timeless((await sim.admin('GET', `/admin/duimps/${numero}`)).body.cobertura);
    expect(await cover(second.numero)).toEqual(await cover(first.numero));
    expect(await cover(replay.numero)).toEqual(await cover(unseeded.numero));
    expect(await cover(other.numero)).not.toEqual(await cover(first.numero));
    expect({ ...second, numero: first.numero }).toEqual(first);

    const numbers = [first, second, other, unseeded, replay].map((d) => d.numero as string);
    for (const numero of numbers) expect(isValidDuimpNumber(numero)).toBe(true);
    expect(numbers.map((numero) => Number(numero.slice(4, 14)))).toEqual([1, 2, 3, 4, 5]);

    // Any field can be fixed; the rest stays the seed's.
    const renamed = await duimp({ seed: 42, nomeImportador: 'Importadora Fixa Ltda', ufImportador: 'GO' });
    expect(renamed).toMatchObject({ nomeImportador: 'Importadora Fixa Ltda', ufImportador: 'GO', niImportador: first.niImportador });
  });

  it('answers bad numbers and unknown objects with the portal bodies, and reset clears the scenarios', async () => {
    const bad = await sim.admin('GET', '/admin/duimps/20BR00001001898');
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].code).toBe('DIMP-ER0004');
    const unknown = await sim.admin('GET', '/admin/duimps/20BR00001001899');
    expect(unknown).toMatchObject({ status: 404, body: { status: 404, code: 'DIMP-ER0102' } });
    expect((await sim.admin('GET', '/admin/lpcos/I2600000009')).status).toBe(404);
    const unknownField = await sim.admin('POST', '/admin/duimps', { seed: 1, valorTotal: 10 });
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.errors[0]).toMatchObject({ code: 'CAMPO_DESCONHECIDO', field: 'valorTotal' });
    // A number printed in exponent form is refused like any other, not a 500.
    const tiny = await sim.admin('POST', '/admin/duimps', { itens: [{ quantidade: 1e-7, valorUnitario: 1e-9 }] });
    expect(tiny.status).toBe(422);
    expect(tiny.body.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['itens.0.quantidade', 'itens.0.valorUnitario']),
    );

    const { numero } = await duimp();
    await act(numero, 'icms/solicitacao');
    await scenario(sim, 'POST', '/admin/documentos', { numeroOperacao: numero });
    await scenario(sim, 'POST', '/admin/lpcos', {});
    const counts = async () => {
      const rows = await Promise.all(SCENARIO_TABLES.map((table) => sim.dataSource.query(`SELECT count(*)::int AS count FROM ${table}`)));
      return rows.map(([row]) => row.count as number);
    };
    expect((await counts()).slice(0, 6).every((count) => count > 0)).toBe(true);
    expect((await sim.admin('POST', '/admin/reset')).status).toBe(200);
    expect(await counts()).toEqual(SCENARIO_TABLES.map(() => 0));
    // Numbering starts over after a reset.
    expect((await duimp()).numero.slice(4, 14)).toBe('0000000001');
  });
});
