import {
  DUIMP_SITUACOES,
  type DuimpSituacao,
  SITUACOES_CANCELADA,
  SITUACOES_CARGA_ENTREGUE,
  SITUACOES_DESEMBARACADA,
  SITUACOES_EM_DESPACHO,
} from './duimp-codes.js';
import { SITUACOES_ICMS_PENDENTES, type SituacaoSolicitacaoIcms } from '../pcce/pcce.js';

/** What can happen to a registered Duimp. */
export type DuimpAction = 'retificacao' | 'entregaComPd' | 'entregaSemPd' | 'cancelamento' | 'desembaraco';

/** Why an action is refused: the portal's validation error, field and message. */
export interface DuimpRefusal {
  code: string;
  field: string;
  message: string;
}

export function situacaoText(situacao: DuimpSituacao): string {
  return `${situacao} - ${DUIMP_SITUACOES[situacao]}`;
}

const MAX_VERSION = 9999;

/**
 * Whether `action` may happen to Duimp `numero` in `situation` (at `version`), and why not. The Duimp's
 * life as the portal runs it: registered 11 (canal verde) or 31 (in conferência); a retification during
 * the despacho goes back to 12; clearance → 42 (43 when the cargo already left on an early delivery);
 * delivery with the despacho going on (before clearance) → 53; delivery of a cleared Duimp → 43;
 * cancellation (only during the despacho) → 82.
 */
export function duimpActionRefusal(action: DuimpAction, numero: string, situation: DuimpSituacao, version: number): DuimpRefusal | null {
  const refuse = (code: string, field: string, message: string) => ({ code, field, message });
  const text = situacaoText(situation);
  const cancelled = SITUACOES_CANCELADA.includes(situation);
  switch (action) {
    case 'retificacao':
      if (cancelled) return refuse('DUIMP_CANCELADA', 'numero', `A Duimp ${numero} está cancelada (${text}) e não pode ser retificada.`);
      if (version >= MAX_VERSION) return refuse('VERSAO_MAXIMA', 'numero', `A Duimp ${numero} atingiu a versão máxima.`);
      return null;
    case 'entregaComPd':
    case 'entregaSemPd':
      if (cancelled) return refuse('DUIMP_CANCELADA', 'numero', `A Duimp ${numero} está cancelada (${text}) e não pode ter a entrega autorizada.`);
      if (SITUACOES_CARGA_ENTREGUE.includes(situation)) return refuse('CARGA_JA_ENTREGUE', 'numero', `A carga da Duimp ${numero} já foi entregue (${text}).`);
      if (action === 'entregaComPd' && !SITUACOES_EM_DESPACHO.includes(situation)) {
        return refuse('DUIMP_JA_DESEMBARACADA', 'prosseguimentoDespacho', `A Duimp ${numero} já foi desembaraçada (${text}): não há despacho a prosseguir.`);
      }
      if (action === 'entregaSemPd' && !SITUACOES_DESEMBARACADA.includes(situation)) {
        return refuse(
          'DUIMP_NAO_DESEMBARACADA',
          'prosseguimentoDespacho',
          `A Duimp ${numero} ainda não foi desembaraçada (${text}): a entrega antes do desembaraço é com prosseguimento do despacho.`,
        );
      }
      return null;
    case 'cancelamento':
      if (cancelled) return refuse('DUIMP_CANCELADA', 'numero', `A Duimp ${numero} já está cancelada (${text}).`);
      if (!SITUACOES_EM_DESPACHO.includes(situation)) {
        return refuse(
          SITUACOES_CARGA_ENTREGUE.includes(situation) ? 'CARGA_JA_ENTREGUE' : 'DUIMP_JA_DESEMBARACADA',
          'numero',
          `A Duimp ${numero} não pode ser cancelada na situação ${text}.`,
        );
      }
      return null;
    case 'desembaraco':
      if (cancelled) return refuse('DUIMP_CANCELADA', 'numero', `A Duimp ${numero} está cancelada (${text}) e não pode ser desembaraçada.`);
      if (SITUACOES_DESEMBARACADA.includes(situation)) return refuse('DUIMP_JA_DESEMBARACADA', 'numero', `A Duimp ${numero} já foi desembaraçada (${text}).`);
      return null;
  }
}

/** The situation an allowed action leads to (a retification during the despacho goes back to 12). */
export function duimpSituationAfter(action: DuimpAction, situation: DuimpSituacao): DuimpSituacao {
  switch (action) {
    case 'retificacao':
      return SITUACOES_EM_DESPACHO.includes(situation) ? '12' : situation;
    case 'entregaComPd':
      return '53';
    case 'entregaSemPd':
      return '43';
    case 'cancelamento':
      return '82';
    case 'desembaraco':
      // After an early delivery the cargo is already out.
      return situation === '53' ? '43' : '42';
  }
}

/** An ICMS request of the Duimp as the delivery gate sees it. */
export interface IcmsGateRequest {
  uf: string;
  situacao: SituacaoSolicitacaoIcms;
}

/**
 * ICMS gates the cargo: where the importer asked a Sefaz for the ICMS (its UF takes part in the PCCE),
 * the cargo is not delivered while that request waits for the calculation or for the payment credit
 * ("aguardando cumprimento de tributos estaduais"). Paid, exonerated, refused or cancelled requests do not hold it.
 */
export function icmsDeliveryRefusal(numero: string, requests: readonly IcmsGateRequest[]): DuimpRefusal | null {
  const pending = requests.filter((request) => SITUACOES_ICMS_PENDENTES.includes(request.situacao));
  if (pending.length === 0) return null;
  const which = pending.map((request) => `UF ${request.uf}: ${request.situacao}`).join('; ');
  return {
    code: 'ICMS_PENDENTE',
    field: 'numero',
    message: `Entrega da carga da Duimp ${numero} não permitida: ICMS pendente de pagamento ou exoneração (${which}).`,
  };
}
