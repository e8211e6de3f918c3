import { describe, expect, it } from 'vitest';
import { canMoveIcms, guideTotalMatches, mergeReleasedInvoices } from './pcce.js';

const key = (n: number) => String(n).padStart(44, '3');

describe('PCCE rules', () => {
  it('keeps the union of the released NF-e, ignoring repeats, in arrival order', () => {
    expect(mergeReleasedInvoices([], [key(1), key(2), key(1)])).toEqual([key(1), key(2)]);
    expect(mergeReleasedInvoices([key(1), key(2)], [key(2), key(3)])).toEqual([key(1), key(2), key(3)]);
  });

  it('checks a guide total as devido + juros + multa + atualização, in cents', () => {
    expect(guideTotalMatches({ valorDevido: 8.0, valorJuros: 1.28, valorMulta: 1.0, valorAtualizacaoMonetaria: 0.52, valorTotal: 10.8 })).toBe(true);
    expect(guideTotalMatches({ valorDevido: 8.0, valorTotal: 8 })).toBe(true);
    expect(guideTotalMatches({ valorDevido: 8.0, valorJuros: 1.28, valorTotal: 10.8 })).toBe(false);
  });

  it('lets a split payment end paga/exonerada straight from "a pagar"', () => {
    expect(canMoveIcms('DUIMP_PENDENTE_PAGAMENTO_EXONERACAO', 'DUIMP_PAGA_EXONERADA')).toBe(true);
    expect(canMoveIcms('DUIMP_PAGA_EXONERADA', 'DUIMP_PENDENTE_PAGAMENTO_EXONERACAO')).toBe(false);
  });
});
