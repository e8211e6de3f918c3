import { expect } from 'vitest';
import type { PortalResponse } from './portal-client.js';
import type { Simulator } from './simulator.js';

/** Bodies of the PCCE services for the Sefaz, valid as given, how their refusals look, and the state they change. */

export const PCCE = '/pcce/api/ext/sefaz/icms';

export const GUIA = {
  codigoBarrasGuia: '85810000000050100031017274301005611762694577',
  codigoReceita: '999999',
  dataLimitePagamento: '2026-11-10',
  dataVencimento: '2026-11-10',
  geradorGuia: 'ESTADO',
  linhaDigitavel: '85811.01725 74301.005612 17626.945772 0 00000005010003',
  valorCalculado: 8.54,
  valorDevido: 8.0,
  valorTotal: 10.8,
};

export type Body = Record<string, unknown>;

/** The fields every body about SP's PAGAMENTO_INTEGRAL_DUIMP request of version 1 carries (`DeclaracaoIcmsDto`). */
export function declaracao(numero: string): Body {
  return { numeroDeclaracao: numero, versaoDeclaracao: '1', tipoDeclaracao: 'DUIMP', ufFavorecida: 'SP', tipoSolicitacao: 'PAGAMENTO_INTEGRAL_DUIMP' };
}

/** A valid CALCULADO_A_PAGAR of a PAGAMENTO_INTEGRAL_DUIMP request of SP, guide issued by the state. */
export function aPagar(numero: string, overrides: Body = {}): Body {
  return {
    ...declaracao(numero),
    iniciativaSefaz: false,
    tipoRetorno: 'CALCULADO_A_PAGAR',
    geradorGuia: 'ESTADO',
    guias: [GUIA],
    periodoReferencia: '2026-01',
    valorCalculado: 100.12,
    valorTotalDevido: 90.45,
    valorTotalaRecolher: 42.87,
    ...overrides,
  };
}

/** A valid credit confirmation (`SefazCreditoIcmsDto`) of that request, its guide paid. */
export function credito(numero: string, overrides: Body = {}): Body {
  return {
    ...declaracao(numero),
    dataConfirmacaoCredito: '2026-01-23T10:00:00-0300',
    valorTotalCredito: 42.87,
    guias: [{ ...GUIA, dataPagamento: '2026-01-23T09:30:00-0300' }],
    ...overrides,
  };
}

export function without(body: Body, ...fields: string[]): Body {
  const copy = { ...body };
  for (const field of fields) delete copy[field];
  return copy;
}

/** A 422 in the portal's validation body with an error of `code` on `field`. */
export function expectRefused(response: PortalResponse, field: string, code?: string) {
  expect(response.status, response.text).toBe(422);
  expect(response.body).toMatchObject({ message: expect.any(String), errors: expect.any(Array) });
  expect(response.body.errors, response.text).toContainEqual(
    expect.objectContaining({ field, ...(code ? { code } : {}), message: expect.any(String) }),
  );
}


/** What a PCCE call may change: the Duimp's ICMS requests and its history. */
export async function icmsState(sim: Simulator, numero: string) {
  const requests = await sim.dataSource.query(
    'SELECT id, status, result, credit, guides, released_invoices, history, updated_at FROM icms_request WHERE duimp_number = $1 ORDER BY id',
    [numero],
  );
  const history = await sim.dataSource.query('SELECT id, code FROM duimp_event WHERE number = $1 ORDER BY id', [numero]);
  return { requests, history };
}
