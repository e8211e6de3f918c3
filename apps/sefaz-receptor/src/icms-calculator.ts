/**
 * A model ICMS calculation on import (illustrative, not any state's law): the customs value in reais
 * grossed up "por dentro" at a flat 18 % rate, paid by one state guide due in five days.
 */
export const ALIQUOTA_ICMS = 0.18;

export function calculateIcms(pedido: Record<string, any>, duimp: Record<string, any>, today: Date) {
  const fob = Number(duimp?.sefazDadosResumo?.valorTotalMercadoriaLocalEmbarque?.valorTotalMercadoriaLocalEmbarqueReal ?? 0);
  const base = fob / (1 - ALIQUOTA_ICMS);
  const valor = Math.round(base * ALIQUOTA_ICMS * 100) / 100;
  const due = new Date(today.getTime() + 5 * 86_400_000).toISOString().slice(0, 10);
  const cents = String(Math.round(valor * 100)).padStart(11, '0');
  return {
    numeroDeclaracao: pedido.numeroDeclaracao,
    versaoDeclaracao: String(pedido.versaoDeclaracao),
    tipoDeclaracao: 'DUIMP',
    tipoSolicitacao: pedido.tipoSolicitacao,
    ufFavorecida: pedido.ufFavorecida,
    iniciativaSefaz: false,
    tipoRetorno: 'CALCULADO_A_PAGAR',
    geradorGuia: 'ESTADO',
    periodoReferencia: today.toISOString().slice(0, 7),
    valorCalculado: valor,
    valorTotalDevido: valor,
    valorTotalaRecolher: valor,
    guias: [
      {
        codigoBarrasGuia: `8581${cents}0031017274301005611762694577`.slice(0, 44),
        codigoReceita: '999999',
        dataLimitePagamento: due,
        dataVencimento: due,
        geradorGuia: 'ESTADO',
        linhaDigitavel: '85811.01725 74301.005612 17626.945772 0 00000005010003',
        valorCalculado: valor,
        valorDevido: valor,
        valorTotal: valor,
      },
    ],
  };
}
