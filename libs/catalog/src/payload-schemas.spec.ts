import { describe, expect, it } from 'vitest';
import { EVENT_CATALOG } from './catalog.js';
import { stampPayload, validatePayload } from './payload-schemas.js';

const at = new Date('2024-12-31T14:59:01Z');
const duimp = { numero: '20BR00001001899', versao: 1, evento: 'DESEMBARACO_EFETUADO', dataEvento: '2024-12-31T11:59:01-0300', ufs: [{ uf: 'SP', tipoInteresse: 'IMPORTADOR' }] };
const lpco = {
  numeroLPCO: 'I2000000007',
  codigoModelo: 'I00101',
  novaSituacao: { id: 'DEFERIDO', descricao: 'Deferido' },
  cpfCnpj: ['11144477735'],
  dataEvento: '31/12/2024 11:59:01.000000',
};

describe('catalogue payload schemas (SPEC §6)', () => {
  it('the Sefaz events refuse personal or fiscal data next to their identifiers', () => {
    for (const extra of [{ cpfCnpj: ['11144477735'] }, { niImportador: '11222333000181' }, { nomeImportador: 'X' }, { valorTotal: 10.5 }]) {
      const check = validatePayload('dimp-desembaraco', { ...duimp, ...extra });
      expect(check.valid).toBe(false);
      expect(check.field).toBe(`payload.${Object.keys(extra)[0]}`);
    }
  });

  it('Duimp events carry only the evento values of the Sefaz enum; registration and delivery none', () => {
    expect(validatePayload('dimp-desembaraco', { ...duimp, evento: 'RETIFICACAO' }).valid).toBe(false);
    expect(validatePayload('dimp-desembaraco', { ...duimp, evento: 'DESEMBARACO_AUTOMATICO_SEM_CONFERENCIA' }).valid).toBe(true);
    const { evento: _evento, ...registro } = duimp;
    expect(validatePayload('dimp-registro', registro).valid).toBe(true);
    expect(validatePayload('dimp-registro', { ...registro, evento: 'REGISTRO' }).field).toBe('payload.evento');
    expect(validatePayload('dimp-entrega-com-pd', { ...registro, evento: 'ENTREGA_CARGA' }).valid).toBe(false);
    expect(validatePayload('dimp-desembaraco', { ...duimp, numero: '20BR0000100189' }).field).toBe('payload.numero');
    expect(validatePayload('dimp-desembaraco', { ...duimp, dataEvento: '2024-12-31T23:59:01Z' }).valid).toBe(false);
    expect(validatePayload('dimp-desembaraco', { ...duimp, ufs: [{ uf: 'XX', tipoInteresse: 'DESPACHO' }] }).field).toBe('payload.ufs.0.uf');
  });

  it('TA-LPCO bodies carry the interested parties cpfCnpj, in the module date format', () => {
    expect(validatePayload('talp-altsit-lpco-anu', lpco).errors).toEqual([]);
    expect(validatePayload('talp-altsit-lpco-anu', { ...lpco, cpfCnpj: [] }).valid).toBe(false);
    expect(validatePayload('talp-altsit-lpco-anu', { ...lpco, dataEvento: '2024-12-31T11:59:01-0300' }).valid).toBe(false);
    expect(validatePayload('talp-incvinc-lpco', lpco).field).toBe('payload.operacao');
    expect(validatePayload('talp-analise-retif', { ...lpco, resultado: 'DEFERIDO' }).valid).toBe(true);
    expect(validatePayload('talp-pend-ta-due', { ...lpco, numeroDUE: '26BR0000012345' }).valid).toBe(true);
  });

  it('a top-level array only where the portal sends one', () => {
    const block = { numeroCarga: 'AR152762020', dataEmissao: '2025-03-01T10:00:00-03:00', motivoBloqueio: 'x', tipoBloqueio: 'y' };
    expect(validatePayload('ccti-bloq-crt', [block]).valid).toBe(true);
    expect(validatePayload('ccti-bloq-crt', block).valid).toBe(false);
    expect(validatePayload('nao-existe', {})).toEqual({ valid: false, errors: ['evento nao-existe is not in the catalogue'] });
  });

  it('stamps the event time in its own field and format, never over a given one', () => {
    expect(stampPayload('dimp-retificacao', {}, at)).toEqual({ dataEvento: '2024-12-31T11:59:01-0300' });
    expect(stampPayload('cctr-resultado-recepcao', {}, at)).toEqual({ data: '2024-12-31T14:59:01.000Z' });
    expect(stampPayload('talp-inclusao-exig', {}, at)).toEqual({ dataEvento: '31/12/2024 11:59:01.000000' });
    expect(stampPayload('catp-prod-desativado', {}, at)).toEqual({});
    expect(stampPayload('dimp-retificacao', { dataEvento: 'x' }, at)).toEqual({ dataEvento: 'x' });
    expect(EVENT_CATALOG.filter((event) => !event.eventTime).map((event) => event.id).sort()).toEqual(['catp-prod-desativado', 'ccti-bloq-crt', 'ccti-desbloq-crt']);
  });
});
