import { expect } from 'vitest';
import type { PortalResponse } from './portal-client.js';

/** Bodies of the PCCE services for the Sefaz, valid as given, and how their refusals look. */

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

/** A valid CALCULADO_A_PAGAR of a PAGAMENTO_INTEGRAL_DUIMP request of SP, guide issued by the state. */
export function aPagar(numero: string, overrides: Body = {}): Body {
  return {
    numeroDeclaracao: numero,
    versaoDeclaracao: '1',
    tipoDeclaracao: 'DUIMP',
    ufFavorecida: 'SP',
    iniciativaSefaz: false,
    tipoSolicitacao: 'PAGAMENTO_INTEGRAL_DUIMP',
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

