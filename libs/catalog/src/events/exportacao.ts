import { formatBrazilianDate, formatUtcMillis } from '#clock';
import type { CatalogEvent } from '../catalog-event.js';
import { documentado, FONTES, simulado } from '../provenance.js';
import { closedObject, date, DATE_PATTERNS, dueNumber, text } from '../schema-parts.js';

/* DU-E, CCT Exportação and the product catalogue: events of exporters, depositários and catalogue owners. */

/** DU-E situations integrator code has received in `tipo`. */
export const DUE_SITUACOES = ['REGISTRADA', 'DESEMBARACADA', 'AVERBADA_SEM_DIVERGENCIA'] as const;

const due = closedObject({ numero: dueNumber, ruc: { type: 'string', pattern: '^[0-9A-Z]{10,35}$' } });
const cctrTime = { field: 'data', format: formatUtcMillis };

const cctrCargo = (id: string, descricao: string): CatalogEvent => ({
  id,
  descricao,
  sistema: 'CCT Exportação',
  recipientType: 'NI',
  perfis: ['IMPEXP'],
  proveniencia: simulado(
    'Só o id aparece em código de integradores, sem corpo; o corpo identifica a carga pela DU-E como duex-historico e data a situação no formato do CCT Exportação (UTC com Z).',
    FONTES.cargowise,
  ),
  schema: closedObject({ due, data: date(DATE_PATTERNS.utcMillis) }),
  eventTime: cctrTime,
  businessFlow: false,
});

export const EXPORT_EVENTS: CatalogEvent[] = [
  {
    id: 'duex-historico',
    descricao: 'Alteração de estado ou histórico da DU-E',
    sistema: 'DU-E',
    recipientType: 'NI',
    perfis: ['IMPEXP'],
    proveniencia: simulado(
      'Nenhuma página oficial publica o corpo; segue as fixtures e receptores públicos (tipo, descricao, data dd/MM/yyyy HH:mm:ss:SSS, due{numero, ruc}); o enum de tipo só tem os valores vistos.',
      FONTES.cargowise,
      FONTES.flaskLpco,
    ),
    schema: closedObject({
      tipo: { type: 'string', enum: [...DUE_SITUACOES] },
      descricao: text(100),
      data: date(DATE_PATTERNS.brMillisColon),
      due,
    }),
    eventTime: { field: 'data', format: (at) => formatBrazilianDate(at, 'millis-colon') },
    businessFlow: false,
  },
  {
    id: 'cctr-resultado-recepcao',
    descricao: 'Resultado da recepção assíncrona',
    sistema: 'CCT Exportação',
    recipientType: 'NI',
    perfis: ['DEPOSIT', 'OPERPORT'],
    proveniencia: documentado(FONTES.cctrRecepcao),
    schema: closedObject({
      protocolo: { type: 'string', pattern: '^[A-Z]{4}-\\d{8}-\\d{7}-\\d{4}$' },
      situacao: { type: 'string', enum: ['CONCLUÍDO COM SUCESSO', 'CONCLUÍDO COM FALHA'] },
      data: date(DATE_PATTERNS.utcMillis),
    }),
    eventTime: cctrTime,
    businessFlow: false,
  },
  cctrCargo('cctr-carga-liberada', 'Carga liberada'),
  cctrCargo('cctr-carga-bloqueio', 'Carga bloqueada'),
  cctrCargo('cctr-canal-vermelho', 'Carga em canal vermelho'),
  {
    id: 'catp-prod-desativado',
    descricao: 'Produtos desativados no catálogo da empresa',
    sistema: 'Catálogo de Produtos',
    recipientType: 'NI',
    perfis: ['IMPEXP'],
    proveniencia: simulado(
      'Nenhuma página oficial publica o corpo; segue o modelo de uma biblioteca de integrador (titulo, mensagem, cpfCnpjRaiz, ncm e/ou codigosProduto, sem data).',
      FONTES.cargowise,
    ),
    schema: {
      ...closedObject(
        {
          titulo: text(200),
          mensagem: text(2000),
          cpfCnpjRaiz: { type: 'string', pattern: '^(\\d{8}|\\d{11}|\\d{14})$' },
          ncm: { type: 'string', pattern: '^\\d{8}$' },
          codigosProduto: { type: 'array', minItems: 1, items: text(20) },
        },
        ['ncm', 'codigosProduto'],
      ),
      // A deactivation names an NCM, products, or both.
      anyOf: ['ncm', 'codigosProduto'].map((field) => ({ properties: { [field]: true }, required: [field] })),
    },
    businessFlow: false,
  },
];
