import { formatBrazilianDate } from '#clock';
import type { SchemaObject } from 'ajv';
import type { CatalogEvent, RecipientType } from '../catalog-event.js';
import { FONTES, proposta, simulado } from '../provenance.js';
import { closedObject, date, DATE_PATTERNS, ni, text } from '../schema-parts.js';

/* TA-LPCO: an importer/exporter's action notifies the órgão anuente; an anuente's action the LPCO's holder. */

/** `SituacaoLpco`: ids and the portal's descriptions. */
export const LPCO_SITUACOES = {
  PARA_ANALISE: 'Para análise',
  EM_ANALISE: 'Em análise',
  INDEFERIDO: 'Indeferido',
  EM_EXIGENCIA: 'Em exigência',
  RESPOSTA_EXIGENCIA: 'Resposta de exigência',
  CANCELADO: 'Cancelado',
  DEFERIDO: 'Deferido',
  VENCIDO: 'Vencido',
  ANULADO_REVOGADO: 'Anulado/Revogado',
  EM_VERIFICACAO: 'Em verificação',
  EM_INSPECAO: 'Em inspeção',
  AGUARDANDO_PAGAMENTO: 'Aguardando pagamento',
  AUTORIZACAO_IMPORTACAO_EMITIDA: 'Autorização de importação emitida',
  PARAMETRIZADO: 'Parametrizado',
  CONFERENCIA_DOCUMENTAL: 'Conferência documental',
  INSPECAO_FISICA: 'Inspeção física',
  RECURSO_INDEFERIMENTO: 'Recurso de indeferimento',
  RECURSO_DIVERSO: 'Recursos diversos',
} as const;

/** Operations an LPCO links to. */
export const LPCO_OPERACOES = ['DUIMP', 'LI', 'DUE', 'RE'] as const;
export const RESULTADOS_ANALISE = ['DEFERIDO', 'INDEFERIDO'] as const;

/** What an action names besides the LPCO itself. */
type Extra = 'operacao' | 'resultado' | 'numeroDUE' | 'mensagem';

const EXTRA_SCHEMAS: Record<Extra, SchemaObject> = {
  operacao: closedObject({ tipoOperacao: { type: 'string', enum: [...LPCO_OPERACOES] }, numeroOperacao: text(30) }),
  resultado: { type: 'string', enum: [...RESULTADOS_ANALISE] },
  numeroDUE: { type: 'string', pattern: '^\\d{2}BR\\d{10}$' },
  mensagem: text(4000),
};

/**
 * The LPCO body real receivers read (`talp-altsit-lpco-anu` in integrator code): the LPCO, its model, the
 * new situation, the reason, the interested parties' `cpfCnpj` and the time in the module's
 * `dd/MM/yyyy HH:mm:ss.SSSSSS`; plus what the action names.
 */
function lpcoSchema(extra?: Extra): SchemaObject {
  return closedObject(
    {
      numeroLPCO: { type: 'string', pattern: '^[EI]\\d{10}$' },
      codigoModelo: { type: 'string', pattern: '^[EI]\\d{5}$' },
      novaSituacao: closedObject({
        id: { type: 'string', enum: Object.keys(LPCO_SITUACOES) },
        descricao: { type: 'string', enum: Object.values(LPCO_SITUACOES) },
      }),
      justificativa: text(4000),
      cpfCnpj: { type: 'array', minItems: 1, uniqueItems: true, items: ni },
      dataEvento: date(DATE_PATTERNS.brMicros),
      ...(extra ? { [extra]: EXTRA_SCHEMAS[extra] } : {}),
    },
    ['justificativa'],
  );
}

const eventTime = { field: 'dataEvento', format: (at: Date) => formatBrazilianDate(at, 'micros') };

const BODY_FROM_INTEGRATORS =
  'Nenhuma página oficial publica o corpo; segue o modelo de talp-altsit-lpco-anu lido por receptores públicos (codigoModelo, cpfCnpj, novaSituacao, dataEvento dd/MM/yyyy HH:mm:ss.SSSSSS)';

function talp(id: string, descricao: string, recipientType: RecipientType, origin: 'seed' | 'integradores' | 'projeto', extra?: Extra): CatalogEvent {
  const reason = extra ? `${BODY_FROM_INTEGRATORS}, mais ${extra}.` : `${BODY_FROM_INTEGRATORS}.`;
  const proveniencia =
    origin === 'seed'
      ? { ...proposta(FONTES.cargowise, FONTES.flaskLpco), motivo: reason }
      : origin === 'integradores'
        ? simulado(reason, FONTES.flaskLpco, FONTES.cargowise)
        : simulado(`Id só num documento de projeto de baixa confiança. ${reason}`, FONTES.gravity);
  return {
    id,
    descricao,
    sistema: 'TA-LPCO',
    recipientType,
    ...(recipientType === 'NI' ? { perfis: ['IMPEXP'] } : {}),
    proveniencia,
    schema: lpcoSchema(extra),
    eventTime,
    businessFlow: origin === 'seed',
  };
}

export const TALPCO_EVENTS: CatalogEvent[] = [
  // The seed's 12.
  talp('talp-registro-lpco', 'Registro de LPCO', 'ORGAO', 'seed'),
  talp('talp-incvinc-lpco', 'Inclusão de vínculo de LPCO com operação', 'ORGAO', 'seed', 'operacao'),
  talp('talp-cancvinc-lpco', 'Cancelamento de vínculo de LPCO com operação', 'ORGAO', 'seed', 'operacao'),
  talp('talp-altsit-lpco-int', 'Alteração de situação feita pelo exportador/importador', 'ORGAO', 'seed'),
  talp('talp-altsit-lpco-anu', 'Alteração de situação feita pelo anuente', 'NI', 'seed'),
  talp('talp-inclusao-exig', 'Inclusão de exigência', 'NI', 'seed'),
  talp('talp-analise-retif', 'Resultado de análise de retificação', 'NI', 'seed', 'resultado'),
  talp('talp-analise-prorrog', 'Resultado de análise de prorrogação', 'NI', 'seed', 'resultado'),
  talp('talp-solic-retif', 'Inclusão de solicitação de retificação de LPCO', 'ORGAO', 'seed'),
  talp('talp-solic-prorrog', 'Inclusão de solicitação de prorrogação de LPCO', 'ORGAO', 'seed'),
  talp('talp-resposta-exig', 'Resposta de exigência', 'ORGAO', 'seed'),
  talp('talp-pend-ta-due', 'Pendência de TA em DU-E averbada', 'ORGAO', 'seed', 'numeroDUE'),
  // To the holder, from public receivers of the "Intervenientes Privados" TA-LPCO events.
  talp('talp-cancela-exig', 'Cancelamento de exigência', 'NI', 'integradores'),
  talp('talp-analise-compat', 'Resultado de análise de compatibilização', 'NI', 'integradores', 'resultado'),
  talp('talp-msg-lpco-anu', 'Mensagem do anuente ao interessado', 'NI', 'integradores', 'mensagem'),
  talp('talp-retif-automat', 'Retificação automática de LPCO', 'NI', 'integradores', 'mensagem'),
  talp('talp-falha-pagamento', 'Falha no pagamento da taxa do LPCO', 'NI', 'integradores', 'mensagem'),
  // To the anuente, from one design document; only those the seed does not already name otherwise.
  talp('talp-canc-retif', 'Cancelamento de solicitação de retificação', 'ORGAO', 'projeto'),
  talp('talp-canc-prorrog', 'Cancelamento de solicitação de prorrogação', 'ORGAO', 'projeto'),
  talp('talp-inc-compat-lpco', 'Inclusão de solicitação de compatibilização', 'ORGAO', 'projeto'),
  talp('talp-canc-compat', 'Cancelamento de solicitação de compatibilização', 'ORGAO', 'projeto'),
  talp('talp-msg-lpco-int', 'Mensagem do interessado ao anuente', 'ORGAO', 'projeto', 'mensagem'),
  talp('talp-timeout-certif', 'Prazo de certificação esgotado', 'ORGAO', 'projeto'),
];
