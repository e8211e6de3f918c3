import { formatBrazilianDate } from '#clock';
import type { CatalogEvent } from '../catalog-event.js';
import { documentado, FONTES, simulado } from '../provenance.js';
import { closedObject, date, DATE_PATTERNS, text } from '../schema-parts.js';

/* CCT Importação: the road carrier's CRT blocks (a top-level array, as documented) and the cargo's link to its exit document. */

const crtBlocks = {
  type: 'array',
  minItems: 1,
  items: closedObject({
    numeroCarga: text(15),
    dataEmissao: date(DATE_PATTERNS.offsetColon),
    motivoBloqueio: text(200),
    tipoBloqueio: text(200),
  }),
};

const crt = (id: string, descricao: string): CatalogEvent => ({
  id,
  descricao,
  sistema: 'CCT Importação',
  recipientType: 'NI',
  perfis: ['TRANSPORT'],
  proveniencia: documentado(FONTES.cctiTransportador),
  schema: crtBlocks,
  businessFlow: false,
});

export const CCT_IMPORT_EVENTS: CatalogEvent[] = [
  crt('ccti-bloq-crt', 'Bloqueio de CRT'),
  crt('ccti-desbloq-crt', 'Desbloqueio de CRT'),
  {
    id: 'ccti-vinc-docto-saida',
    descricao: 'Vinculação de documento de saída à carga',
    sistema: 'CCT Importação',
    recipientType: 'NI',
    perfis: ['IMPEXP'],
    proveniencia: simulado('Nenhuma página oficial publica o corpo; segue o payload que um receptor público registra como recebido em produção.', FONTES.cctiVinculo),
    schema: closedObject({
      tipoDocumentoSaida: { type: 'string', enum: ['DUIMP', 'DI'] },
      // The Duimp number with a hyphen before its check digit, as received.
      numeroDocumentoSaida: { type: 'string', pattern: '^(\\d{2}BR\\d{10}-\\d|\\d{10})$' },
      identificacaoCarga: text(35),
      dataEmissaoCarga: date(DATE_PATTERNS.brMinutesUtcLabel),
      cnpjResponsavelArquivoCarga: { type: 'string', pattern: '^\\d{14}$' },
      dataHoraVinculacao: date(DATE_PATTERNS.brSeconds),
    }),
    eventTime: { field: 'dataHoraVinculacao', format: (at) => formatBrazilianDate(at, 'seconds') },
    businessFlow: false,
  },
];
