import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_CATALOG, findCatalogEvent, validatePayload } from '#catalog';
import { generateCnpj } from '#brazilian-ids';
import { resetAll } from './support/fixtures.js';
import { pollUntil } from './support/poll.js';
import { type Receiver, startReceiver } from './support/receiver.js';
import { type EmittedEvent, eventsFor, header, LOOSE_NI, numbersIn, scenario, subscribeParty } from './support/scenarios.js';
import { type Simulator, startSimulator } from './support/simulator.js';

describe('business scenarios emit the whole catalogue to the right intervenientes (SPEC §6, §9)', () => {
  let sim: Simulator;
  let hook: Receiver;

  beforeAll(async () => {
    sim = await startSimulator();
  });
  beforeEach(async () => {
    await resetAll(sim);
    hook = await startReceiver(sim.authority.caBundle());
  });
  afterEach(() => hook?.close());
  afterAll(() => sim?.stop());

  /** Waits until the receiver has every notification the scenario responses announced. */
  const delivered = async (events: EmittedEvent[]) => {
    const expected = events.flatMap((event) => event.notificacoes.map((notification) => notification.id));
    await pollUntil(
      () => Promise.resolve(new Set(hook.requests.map((request) => header(request, 'id-notificacao')))),
      (received) => expected.every((id) => received.has(id)),
      { what: `${expected.length} notifications`, timeoutMs: 30_000 },
    );
    return hook.requests;
  };

  it('every catalogue event comes out of a business flow, reaches its recipients, validates and carries no personal or fiscal data', async () => {
    const holder = generateCnpj();
    for (const uf of ['SP', 'MG', 'RJ']) await subscribeParty(sim, { tipo: 'SEFAZ', uf }, eventsFor('UF'), hook.url);
    for (const orgao of ['ANVISA', 'MAPA']) await subscribeParty(sim, { tipo: 'ANUENTE', orgao }, eventsFor('ORGAO'), hook.url);
    await subscribeParty(sim, { tipo: 'PRIVADO', ni: holder }, eventsFor('NI'), hook.url);

    const events: EmittedEvent[] = [];
    const run = async (method: string, path: string, body?: unknown) => {
      const response = await scenario(sim, method, path, body);
      events.push(...response.eventos);
      return response;
    };

    // Duimp A: importer in SP, cleared in MG, in conferência; early delivery, then clearance.
    const a = (await run('POST', '/admin/duimps', { seed: 1, ufImportador: 'SP', ufDespacho: 'MG', canal: '3' })).duimp.numero;
    await run('POST', `/admin/duimps/${a}/retificacao`, { itens: [{ quantidade: 10 }] });
    await run('POST', `/admin/duimps/${a}/icms/solicitacao`, { ufFavorecida: 'SP' });
    await run('POST', `/admin/duimps/${a}/icms/solicitacao/cancelamento`);
    await run('POST', `/admin/duimps/${a}/entrega`, { prosseguimentoDespacho: true });
    await run('POST', `/admin/duimps/${a}/desembaraco`, {});
    await run('POST', '/admin/documentos', { numeroOperacao: a });
    // Duimp B: cleared, then delivered; Duimp C: cancelled.
    const b = (await run('POST', '/admin/duimps', { seed: 2, ufImportador: 'MG', ufDespacho: 'SP' })).duimp.numero;
    await run('POST', `/admin/duimps/${b}/desembaraco`, {});
    await run('POST', `/admin/duimps/${b}/entrega`, { prosseguimentoDespacho: false });
    const c = (await run('POST', '/admin/duimps', { seed: 3, ufImportador: 'SP', ufDespacho: 'SP' })).duimp.numero;
    await run('POST', `/admin/duimps/${c}/cancelamento`);

    // An import LPCO of an ANVISA model through requirement, deferral, link, rectification and extension.
    const lpco = (await run('POST', '/admin/lpcos', { codigoModelo: 'I00101', niInteressado: holder, seed: 4 })).lpco.numero;
    await run('POST', `/admin/lpcos/${lpco}/exigencia`, { justificativa: 'Apresentar laudo de análise do fabricante.' });
    await run('POST', `/admin/lpcos/${lpco}/exigencia/resposta`, { justificativa: 'Laudo anexado.' });
    await run('POST', `/admin/lpcos/${lpco}/situacao/anuente`, { situacao: 'DEFERIDO' });
    await run('POST', `/admin/lpcos/${lpco}/vinculos`, { tipoOperacao: 'DUIMP', numeroOperacao: a });
    await run('DELETE', `/admin/lpcos/${lpco}/vinculos/${a}`);
    await run('POST', `/admin/lpcos/${lpco}/retificacao`, { justificativa: 'Correção da quantidade.' });
    await run('POST', `/admin/lpcos/${lpco}/retificacao/analise`, { deferida: true });
    await run('POST', `/admin/lpcos/${lpco}/prorrogacao`, {});
    await run('POST', `/admin/lpcos/${lpco}/prorrogacao/analise`, { deferida: true });
    // Another one the importer withdraws; an export LPCO (MAPA) whose DU-E is averbada before deferral.
    const withdrawn = (await run('POST', '/admin/lpcos', { codigoModelo: 'I00101', niInteressado: holder })).lpco.numero;
    await run('POST', `/admin/lpcos/${withdrawn}/situacao/interessado`, { situacao: 'CANCELADO', justificativa: 'Desistência da importação.' });
    const exportLpco = (await run('POST', '/admin/lpcos', { codigoModelo: 'E00104', niInteressado: holder })).lpco.numero;
    await run('POST', `/admin/lpcos/${exportLpco}/vinculos`, { tipoOperacao: 'DUE', numeroOperacao: '26BR0000012345' });
    await run('POST', `/admin/lpcos/${exportLpco}/pendencia-due`, {});

    // Every one of the 21 ids with a business flow was emitted...
    const flows = new Set(EVENT_CATALOG.filter((event) => event.businessFlow).map((event) => event.id));
    expect(flows.size).toBe(21);
    expect(new Set(events.map((event) => event.evento))).toEqual(flows);
    const requests = await delivered(events);
    // ...and delivered: each id reached at least one subscriber.
    expect(new Set(requests.map((request) => header(request, 'event-type')))).toEqual(flows);

    // What must never be in a payload: the parties' NIs and names, the Duimps' values.
    const sensitive = [holder];
    for (const numero of [a, b, c]) {
      const { cobertura } = (await sim.admin('GET', `/admin/duimps/${numero}`)).body;
      sensitive.push(String(cobertura.niImportador), cobertura.nomeImportador, cobertura.cpfResponsavel);
      const totals = cobertura.sefazDadosResumo.valorTotalMercadoriaLocalEmbarque;
      sensitive.push(String(totals.valorTotalMercadoriaLocalEmbarqueReal), String(totals.valorTotalMercadoriaLocalEmbarqueDolar));
    }
    for (const numero of [lpco, withdrawn, exportLpco]) sensitive.push((await sim.admin('GET', `/admin/lpcos/${numero}`)).body.dados.nomeInteressado);

    const byNotification = new Map(events.flatMap((event) => event.notificacoes.map((n) => [n.id, { event, notification: n }] as const)));
    for (const request of requests) {
      const evento = header(request, 'event-type');
      const body = JSON.parse(request.body);
      const check = validatePayload(evento, body);
      expect(check.errors, `${evento}: ${request.body}`).toEqual([]);
      // Each module's own date format: TA-LPCO dd/MM/yyyy, the Sefaz events -0300.
      expect(body.dataEvento).toMatch(evento.startsWith('talp-') ? /^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d\.\d{6}$/ : /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0300$/);
      // The only NI a payload may carry: the interested party's, in TA-LPCO's cpfCnpj, which real receivers read.
      if (evento.startsWith('talp-')) expect(body.cpfCnpj).toEqual([holder]);
      const { cpfCnpj: _identifiers, ...rest } = body;
      for (const value of sensitive) expect(JSON.stringify(rest), `${evento} carries ${value}`).not.toContain(value);
      expect(JSON.stringify(rest), `${evento}: a CPF/CNPJ-like number`).not.toMatch(LOOSE_NI);
      // The only numbers in a payload are the Duimp version and the document id.
      for (const [key, value] of numbersIn(body)) {
        expect(['versao', 'idDocumento'], `${evento}.${key}`).toContain(key);
        expect(Number.isInteger(value)).toBe(true);
      }

      // Delivered to the recipient the scenario named, with the body it emitted.
      const sent = byNotification.get(header(request, 'id-notificacao'))!;
      expect(sent.event.evento).toBe(evento);
      expect(body).toEqual(sent.event.payload);
      expect(header(request, 'destinatario-tipo')).toBe(findCatalogEvent(evento)!.recipientType);
      expect(header(request, 'destinatario-id')).toBe(sent.notification.destinatario.id);
    }

    // Recipients resolved from each business object.
    const recipientsOf = (evento: string) =>
      new Set(events.filter((event) => event.evento === evento).flatMap((event) => event.notificacoes.map((n) => n.destinatario.id)));
    expect(recipientsOf('pcce-calculo-icms')).toEqual(new Set(['SP']));
    expect(recipientsOf('pcce-cancela-icms')).toEqual(new Set(['SP']));
    expect(recipientsOf('anex-docs-sefaz')).toEqual(new Set(['SP', 'MG']));
    // TA-LPCO: the importer's actions to the model's órgão (I00101 ANVISA, E00104 MAPA), the anuente's to the holder.
    for (const event of events.filter((candidate) => candidate.evento.startsWith('talp-'))) {
      const expected = findCatalogEvent(event.evento)!.recipientType === 'NI' ? holder : event.payload.numeroLPCO === exportLpco ? 'MAPA' : 'ANVISA';
      expect(event.notificacoes.map((n) => n.destinatario.id), event.evento).toEqual([expected]);
    }
    // No Duimp here had RJ as a UF of interest: its Sefaz, subscribed to everything, heard nothing.
    expect(requests.filter((request) => header(request, 'destinatario-id') === 'RJ')).toEqual([]);
  });

  it('a Duimp of an importer in SP cleared in MG notifies the SP and MG Sefaz, not RJ; a retification notifies the UFs of the new version', async () => {
    for (const uf of ['SP', 'MG', 'RJ']) await subscribeParty(sim, { tipo: 'SEFAZ', uf }, ['dimp-registro', 'dimp-retificacao'], hook.url);

    const registered = await scenario(sim, 'POST', '/admin/duimps', { ufImportador: 'SP', ufDespacho: 'MG' });
    expect(registered.duimp.ufs).toEqual([
      { uf: 'MG', tipoInteresse: 'DESPACHO' },
      { uf: 'SP', tipoInteresse: 'IMPORTADOR' },
    ]);
    const [registro] = registered.eventos as EmittedEvent[];
    expect(registro.evento).toBe('dimp-registro');
    expect(registro.payload).toMatchObject({ numero: registered.duimp.numero, versao: 1, ufs: registered.duimp.ufs });
    // The Sefaz enum has no value for a registration: no evento rather than an invented one.
    expect(registro.payload).not.toHaveProperty('evento');
    expect(registro.notificacoes.map((n) => n.destinatario.id).sort()).toEqual(['MG', 'SP']);

    const requests = await delivered([registro]);
    expect(requests.map((request) => header(request, 'destinatario-id')).sort()).toEqual(['MG', 'SP']);
    for (const request of requests) {
      expect(JSON.parse(request.body).ufs).toEqual([
        { uf: 'MG', tipoInteresse: 'DESPACHO' },
        { uf: 'SP', tipoInteresse: 'IMPORTADOR' },
      ]);
    }

    // Clearance moves to RJ: MG loses its interest, RJ gains it.
    const retified = await scenario(sim, 'POST', `/admin/duimps/${registered.duimp.numero}/retificacao`, { ufDespacho: 'RJ' });
    const [retificacao] = retified.eventos as EmittedEvent[];
    expect(retificacao.payload).toMatchObject({ versao: 2, evento: 'RETIFICACAO', ufs: [{ uf: 'RJ', tipoInteresse: 'DESPACHO' }, { uf: 'SP', tipoInteresse: 'IMPORTADOR' }] });
    expect(retificacao.notificacoes.map((n) => n.destinatario.id).sort()).toEqual(['RJ', 'SP']);
  });

  it('one UF interested for two reasons gets one notification listing both', async () => {
    await subscribeParty(sim, { tipo: 'SEFAZ', uf: 'SC' }, ['dimp-registro'], hook.url);
    const registered = await scenario(sim, 'POST', '/admin/duimps', { ufImportador: 'SC', ufDespacho: 'SC', ufTerceiro: 'PR' });
    const [registro] = registered.eventos as EmittedEvent[];
    expect(registro.payload.ufs).toEqual([
      { uf: 'SC', tipoInteresse: 'DESPACHO' },
      { uf: 'SC', tipoInteresse: 'IMPORTADOR' },
      { uf: 'PR', tipoInteresse: 'TERCEIRO' },
    ]);
    expect(registro.notificacoes.map((n) => n.destinatario.id)).toEqual(['SC']);
  });

  it("an LPCO of an ANVISA model notifies ANVISA's subscription only; the anuente's decision notifies only its holder", async () => {
    const holder = generateCnpj();
    const other = generateCnpj();
    for (const orgao of ['ANVISA', 'MAPA']) await subscribeParty(sim, { tipo: 'ANUENTE', orgao }, ['talp-registro-lpco'], hook.url);
    await subscribeParty(sim, { tipo: 'PRIVADO', ni: holder }, ['talp-altsit-lpco-anu'], hook.url);
    await subscribeParty(sim, { tipo: 'PRIVADO', ni: other }, ['talp-altsit-lpco-anu'], hook.url);

    const registered = await scenario(sim, 'POST', '/admin/lpcos', { codigoModelo: 'I00101', niInteressado: holder });
    expect(registered.lpco).toMatchObject({ codigoModelo: 'I00101', orgao: 'ANVISA', situacao: { id: 'PARA_ANALISE' } });
    expect(registered.lpco.numero).toMatch(/^I\d{10}$/);
    const [registro] = registered.eventos as EmittedEvent[];
    expect(registro.notificacoes.map((n) => n.destinatario)).toEqual([{ tipo: 'ORGAO', id: 'ANVISA' }]);
    expect(registro.payload).toMatchObject({
      numeroLPCO: registered.lpco.numero,
      codigoModelo: 'I00101',
      novaSituacao: { id: 'PARA_ANALISE', descricao: 'Para análise' },
    });

    const deferred = await scenario(sim, 'POST', `/admin/lpcos/${registered.lpco.numero}/situacao/anuente`, {
      situacao: 'DEFERIDO',
      justificativa: 'Documentação conforme.',
    });
    const [decision] = deferred.eventos as EmittedEvent[];
    expect(decision.notificacoes.map((n) => n.destinatario)).toEqual([{ tipo: 'NI', id: holder }]);
    expect(decision.payload).toMatchObject({ novaSituacao: { id: 'DEFERIDO', descricao: 'Deferido' }, justificativa: 'Documentação conforme.' });

    const requests = await delivered([registro, decision]);
    expect(requests.map((request) => [header(request, 'event-type'), header(request, 'destinatario-id')]).sort()).toEqual([
      ['talp-altsit-lpco-anu', holder],
      ['talp-registro-lpco', 'ANVISA'],
    ]);
  });
});
