import type { CatalogEvent, IntervenienteTipo, RecipientType } from './catalog-event.js';
import { CCT_IMPORT_EVENTS } from './events/cct-importacao.js';
import { DUIMP_PRIVATE_EVENTS } from './events/duimp-privado.js';
import { EXPORT_EVENTS } from './events/exportacao.js';
import { SEFAZ_EVENTS } from './events/sefaz.js';
import { TALPCO_EVENTS } from './events/talpco.js';

const RECIPIENT_TIPO: Record<RecipientType, IntervenienteTipo> = { UF: 'SEFAZ', ORGAO: 'ANUENTE', NI: 'PRIVADO' };

/**
 * The portal's event catalogue: the seed's 21 Sefaz and TA-LPCO events and every other id the public
 * notification pages and integrator code show (SPEC §6). Doubtful ids are left out: see docs/provenance.md.
 */
export const EVENT_CATALOG: readonly CatalogEvent[] = [...SEFAZ_EVENTS, ...TALPCO_EVENTS, ...DUIMP_PRIVATE_EVENTS, ...EXPORT_EVENTS, ...CCT_IMPORT_EVENTS];

const BY_ID = new Map(EVENT_CATALOG.map((event) => [event.id, event]));

export function findCatalogEvent(id: string): CatalogEvent | undefined {
  // A Map never answers for `__proto__` or `constructor`.
  return BY_ID.get(id);
}

/** The tipo of interveniente an event is addressed to, and so the only tipo that may subscribe it. */
export function subscriberTipo(event: CatalogEvent): IntervenienteTipo {
  return RECIPIENT_TIPO[event.recipientType];
}

export function eventsForTipo(tipo: IntervenienteTipo): CatalogEvent[] {
  return EVENT_CATALOG.filter((event) => subscriberTipo(event) === tipo);
}

/** How the portal and admin APIs show an entry: id, system, recipients and where its contract comes from. */
export function catalogView(event: CatalogEvent) {
  return {
    evento: event.id,
    descricao: event.descricao,
    sistema: event.sistema,
    tipoDestinatario: event.recipientType,
    ...(event.perfis ? { perfis: event.perfis } : {}),
    proveniencia: event.proveniencia,
  };
}
