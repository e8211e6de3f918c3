import { formatPortalDate } from '#clock';
import type { SchemaObject } from 'ajv';
import type { CatalogEvent } from '../catalog-event.js';
import { FONTES, simulado } from '../provenance.js';
import { closedObject, date, DATE_PATTERNS, duimpNumber, ni, text } from '../schema-parts.js';

/* The Duimp events private parties (Role-Type IMPEXP) subscribe: results of their API requests and situation changes. */

export const CANAIS_DUIMP = ['VERDE', 'AMARELO', 'VERMELHO', 'CINZA'] as const;

const dataEvento = date(DATE_PATTERNS.offsetNoColon);

/** The common body every public receiver reads ("todos com o mesmo formato-base"). */
const base: Record<string, SchemaObject> = {
  code: text(20),
  message: text(500),
  identificacao: closedObject({ numero: duimpNumber, versao: { type: 'string', pattern: '^\\d{0,4}$' } }),
  niImportador: ni,
  situacaoDuimp: text(100, 0),
  // An array of labels, as the integrator fixtures show it.
  evento: { type: 'array', minItems: 1, items: text(150) },
  dataEvento,
};

const diagnostico = (withResults: boolean) =>
  closedObject(
    {
      situacao: text(60),
      dataGeracao: dataEvento,
      resultado: {
        type: 'array',
        items: closedObject({
          tipo: text(20),
          item: { type: 'integer', minimum: 0 },
          mensagem: closedObject({ codigo: text(20), texto: text(1000) }),
          sistemaOrigem: text(20),
        }),
      },
    },
    withResults ? [] : ['resultado'],
  );

const BODY_FROM_INTEGRATORS =
  'A página oficial lista o evento mas a cópia pública termina antes do corpo; o corpo é o que receptores públicos leem (fixtures CargoWise, receptor AuraComex), data …-0300.';

function privado(id: string, descricao: string, schema: SchemaObject, listed: boolean): CatalogEvent {
  return {
    id,
    descricao,
    sistema: 'Duimp',
    recipientType: 'NI',
    perfis: ['IMPEXP'],
    proveniencia: listed
      ? simulado(BODY_FROM_INTEGRATORS, FONTES.duimpPrivados, FONTES.cargowise, FONTES.auracomex)
      : simulado('Só código de integradores cita o evento; corpo no formato-base Duimp dos demais eventos de intervenientes privados.', FONTES.auracomex),
    schema,
    eventTime: { field: 'dataEvento', format: formatPortalDate },
    businessFlow: false,
  };
}

export const DUIMP_PRIVATE_EVENTS: CatalogEvent[] = [
  privado('dimp-diag-import', 'Resultado da solicitação de diagnóstico', closedObject({ ...base, diagnostico: diagnostico(true) }), true),
  privado(
    'dimp-registro-import',
    'Resultado da solicitação de registro de uma Duimp',
    closedObject({ registroIniciado: { type: 'boolean' }, ...base, diagnostico: diagnostico(false) }),
    true,
  ),
  privado('dimp-retifica-import', 'Resultado da solicitação da Retificação de uma Duimp', closedObject({ ...base, diagnostico: diagnostico(false) }), true),
  privado(
    'dimp-situacao-import',
    'Mudança no andamento da situação',
    closedObject({ ...base, canal: { type: 'string', enum: [...CANAIS_DUIMP] } }),
    true,
  ),
  privado('dimp-icms-import', 'Situação do ICMS da Duimp', closedObject(base), false),
];
