import { describe, expect, it } from 'vitest';
import { LPCO_SITUACOES } from '#catalog';
import { numeroOperacaoError } from '../anexacao/anexacao.js';
import { canMoveIcms, SITUACOES_ICMS_PENDENTES } from '../pcce/pcce.js';
import { buildLpcoNumber, LPCO_MODELOS, LPCO_NUMBER_PATTERN, LPCO_TRANSICOES_ANUENTE, LPCO_TRANSICOES_INTERESSADO } from './lpco.js';

describe('LPCO, PCCE and anexação rules', () => {
  it('numbers LPCOs OAANNNNNNNN and knows each model’s órgão anuente', () => {
    expect(buildLpcoNumber('I', '20', 7)).toBe('I2000000007');
    expect(buildLpcoNumber('E', '19', 123)).toBe('E1900000123');
    expect(LPCO_NUMBER_PATTERN.test('E1900000123')).toBe(true);
    expect(LPCO_NUMBER_PATTERN.test('X1900000123')).toBe(false);
    expect(() => buildLpcoNumber('I', '2020', 1)).toThrow();
    expect(LPCO_MODELOS.I00101!.orgao).toBe('ANVISA');
    expect(LPCO_MODELOS.E00104!.orgao).toBe('MAPA');
    for (const model of Object.keys(LPCO_MODELOS)) expect(model).toMatch(/^[EI]\d{5}$/);
  });

  it('transitions only reach known situations, and final ones lead nowhere', () => {
    for (const table of [LPCO_TRANSICOES_ANUENTE, LPCO_TRANSICOES_INTERESSADO]) {
      for (const [from, targets] of Object.entries(table)) {
        expect(Object.keys(LPCO_SITUACOES)).toContain(from);
        for (const to of targets!) expect(Object.keys(LPCO_SITUACOES)).toContain(to);
      }
      for (const final of ['CANCELADO', 'ANULADO_REVOGADO', 'VENCIDO'] as const) expect(table[final]).toBeUndefined();
    }
    expect(LPCO_TRANSICOES_INTERESSADO.INDEFERIDO).toEqual(['RECURSO_INDEFERIMENTO']);
    expect(LPCO_TRANSICOES_ANUENTE.EM_EXIGENCIA).not.toContain('DEFERIDO');
  });

  it('an ICMS request is cancellable only while pending', () => {
    for (const pending of SITUACOES_ICMS_PENDENTES) expect(canMoveIcms(pending, 'DUIMP_CANCELADA_IMPORTADOR')).toBe(true);
    expect(canMoveIcms('DUIMP_CANCELADA_IMPORTADOR', 'DUIMP_CANCELADA_IMPORTADOR')).toBe(false);
    expect(canMoveIcms('DUIMP_DECLARADA_PAGA', 'DUIMP_CANCELADA_IMPORTADOR')).toBe(false);
    expect(canMoveIcms('DUIMP_CALCULO_SOLICITADO', 'DUIMP_PENDENTE_PAGAMENTO_EXONERACAO')).toBe(true);
  });

  it('checks operation numbers in each system’s format', () => {
    expect(numeroOperacaoError('DUIMP', '20BR00001001899')).toBeNull();
    expect(numeroOperacaoError('DUIMP', '20BR00001001898')).toBe('Número da Duimp inválido.');
    expect(numeroOperacaoError('DI', '2000004120')).toBeNull();
    expect(numeroOperacaoError('DI', '200000412')).toContain('10 dígitos');
    expect(numeroOperacaoError('LPCO', 'I2000000007')).toBeNull();
    expect(numeroOperacaoError('DUE', '18BR0000001000')).toBeNull();
    expect(numeroOperacaoError('CATP', 'qualquer')).toBeNull();
  });
});
