import { describe, expect, it } from 'vitest';
import { EVENT_CATALOG } from './catalog.js';
import { PAYLOAD_SCHEMAS, validatePayload } from './payload-schemas.js';

const dataEvento = '2024-12-31T23:59:01-0300';
const samples: Record<string, Record<string, unknown>> = {
  Duimp: { numero: '20BR00001001899', versao: 1, evento: 'REGISTRO', dataEvento, ufs: [{ uf: 'SP', tipoInteresse: 'IMPORTADOR' }] },
  PCCE: { numeroDeclaracao: '20BR00001001899', versaoDeclaracao: '1', tipoSolicitacao: 'PAGAMENTO_INTEGRAL_DUIMP', ufFavorecida: 'SP', dataEvento },
  'Anexação': { tipoOperacao: 'DUIMP', numeroOperacao: '20BR00001001899', idDocumento: 4456487453, dataEvento },
  'TA-LPCO': { numeroLPCO: 'I2000000007', codigoModelo: 'I00101', novaSituacao: { id: 'DEFERIDO', descricao: 'Deferido' }, dataEvento },
};

const sampleFor = (id: string) => {
  const event = EVENT_CATALOG.find((candidate) => candidate.id === id)!;
  const sample = { ...samples[event.sistema] };
  if (event.sistema === 'Duimp') {
    sample.evento = { 'dimp-registro': 'REGISTRO', 'dimp-retificacao': 'RETIFICACAO', 'dimp-cancelamento': 'DECLARACAO_CANCELADA', 'dimp-desembaraco': 'DESEMBARACO_EFETUADO' }[id] ?? 'ENTREGA_CARGA';
  }
  return sample;
};

describe('catalogue payload schemas (SPEC §6)', () => {
  it('every catalogue event has a schema, and a thin sample of its kind validates', () => {
    expect(Object.keys(PAYLOAD_SCHEMAS).sort()).toEqual(EVENT_CATALOG.map((event) => event.id).sort());
    for (const event of EVENT_CATALOG) expect(validatePayload(event.id, sampleFor(event.id)), event.id).toEqual({ valid: true, errors: [] });
  });

  it('refuses personal or fiscal data next to the identifiers', () => {
    for (const event of EVENT_CATALOG) {
      for (const extra of [{ cpfCnpj: ['11144477735'] }, { niImportador: '11222333000181' }, { nomeImportador: 'X' }, { valorTotal: 10.5 }]) {
        const check = validatePayload(event.id, { ...sampleFor(event.id), ...extra });
        expect(check.valid, `${event.id} + ${Object.keys(extra)[0]}`).toBe(false);
        expect(check.errors[0]).toContain('must NOT have additional properties');
      }
    }
  });

  it('checks formats: Duimp number, portal date, UF, the evento each Duimp webhook carries, LPCO situations', () => {
    const duimp = sampleFor('dimp-desembaraco');
    expect(validatePayload('dimp-desembaraco', { ...duimp, numero: '20BR0000100189' }).valid).toBe(false);
    expect(validatePayload('dimp-desembaraco', { ...duimp, dataEvento: '2024-12-31T23:59:01Z' }).valid).toBe(false);
    expect(validatePayload('dimp-desembaraco', { ...duimp, ufs: [{ uf: 'XX', tipoInteresse: 'DESPACHO' }] }).valid).toBe(false);
    expect(validatePayload('dimp-desembaraco', { ...duimp, ufs: [] }).valid).toBe(false);
    expect(validatePayload('dimp-desembaraco', { ...duimp, evento: 'RETIFICACAO' }).valid).toBe(false);
    expect(validatePayload('dimp-desembaraco', { ...duimp, evento: 'DESEMBARACO_AUTOMATICO_SEM_CONFERENCIA' }).valid).toBe(true);
    expect(validatePayload('dimp-registro', { ...duimp, evento: 'REGISTRO', versao: 1.5 }).valid).toBe(false);
    const lpco = sampleFor('talp-altsit-lpco-anu');
    expect(validatePayload('talp-altsit-lpco-anu', { ...lpco, novaSituacao: { id: 'APROVADO', descricao: 'Aprovado' } }).valid).toBe(false);
    expect(validatePayload('talp-altsit-lpco-anu', { ...lpco, justificativa: 'Conforme.' }).valid).toBe(true);
    expect(validatePayload('pcce-calculo-icms', { ...sampleFor('pcce-calculo-icms'), versaoDeclaracao: 1 }).valid).toBe(false);
    expect(validatePayload('nao-existe', {})).toEqual({ valid: false, errors: ['evento nao-existe is not in the catalogue'] });
  });
});
