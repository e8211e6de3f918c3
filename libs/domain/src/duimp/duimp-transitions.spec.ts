import { describe, expect, it } from 'vitest';
import type { DuimpSituacao } from './duimp-codes.js';
import { type DuimpAction, duimpActionRefusal, duimpSituationAfter, icmsDeliveryRefusal } from './duimp-transitions.js';

const N = '25BR00000000011';
const refusal = (action: DuimpAction, situation: DuimpSituacao, version = 1) => duimpActionRefusal(action, N, situation, version)?.code ?? null;

describe('Duimp transitions', () => {
  it('during the despacho: retify, deliver early, cancel and clear', () => {
    for (const situation of ['11', '12', '31', '36', '37'] as const) {
      expect(refusal('retificacao', situation)).toBeNull();
      expect(refusal('entregaComPd', situation)).toBeNull();
      expect(refusal('cancelamento', situation)).toBeNull();
      expect(refusal('desembaraco', situation)).toBeNull();
      expect(refusal('entregaSemPd', situation)).toBe('DUIMP_NAO_DESEMBARACADA');
    }
  });

  it('once cleared: delivery without the despacho going on, no second clearance, no cancellation', () => {
    expect(refusal('entregaSemPd', '42')).toBeNull();
    expect(refusal('entregaComPd', '42')).toBe('DUIMP_JA_DESEMBARACADA');
    expect(refusal('desembaraco', '42')).toBe('DUIMP_JA_DESEMBARACADA');
    expect(refusal('cancelamento', '42')).toBe('DUIMP_JA_DESEMBARACADA');
    expect(refusal('cancelamento', '43')).toBe('CARGA_JA_ENTREGUE');
    expect(refusal('entregaSemPd', '43')).toBe('CARGA_JA_ENTREGUE');
  });

  it('a cancelled Duimp refuses everything, and a version past 9999 does not exist', () => {
    for (const action of ['retificacao', 'entregaComPd', 'entregaSemPd', 'cancelamento', 'desembaraco'] as const) {
      expect(refusal(action, '82')).toBe('DUIMP_CANCELADA');
    }
    expect(refusal('retificacao', '11', 9999)).toBe('VERSAO_MAXIMA');
  });

  it('leads each allowed action to the situation the portal shows', () => {
    expect(duimpSituationAfter('retificacao', '31')).toBe('12');
    expect(duimpSituationAfter('retificacao', '42')).toBe('42');
    expect(duimpSituationAfter('entregaComPd', '31')).toBe('53');
    expect(duimpSituationAfter('desembaraco', '53')).toBe('43');
    expect(duimpSituationAfter('desembaraco', '31')).toBe('42');
    expect(duimpSituationAfter('entregaSemPd', '42')).toBe('43');
    expect(duimpSituationAfter('cancelamento', '11')).toBe('82');
  });

  it('holds the cargo while an ICMS request waits for its calculation or its credit, naming the UF', () => {
    expect(icmsDeliveryRefusal(N, [])).toBeNull();
    for (const situacao of ['DUIMP_CALCULO_SOLICITADO', 'DUIMP_PENDENTE_PAGAMENTO_EXONERACAO'] as const) {
      const refused = icmsDeliveryRefusal(N, [{ uf: 'SP', situacao }]);
      expect(refused?.code).toBe('ICMS_PENDENTE');
      expect(refused?.message).toContain(`UF SP: ${situacao}`);
    }
    for (const situacao of ['DUIMP_DECLARADA_PAGA', 'DUIMP_PAGA_EXONERADA', 'DUIMP_CALCULO_INDEFERIDO', 'DUIMP_CANCELADA_IMPORTADOR'] as const) {
      expect(icmsDeliveryRefusal(N, [{ uf: 'SP', situacao }])).toBeNull();
    }
  });
});
