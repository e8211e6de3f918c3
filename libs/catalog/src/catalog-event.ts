import type { SchemaObject } from 'ajv';
import type { Proveniencia } from './provenance.js';

/** Who receives an event: a Sefaz by UF, an órgão anuente, or a private interveniente by NI. */
export type RecipientType = 'UF' | 'ORGAO' | 'NI';

/** Kinds of interveniente in the authorization base. */
export type IntervenienteTipo = 'SEFAZ' | 'ANUENTE' | 'PRIVADO';

export type SourceSystem =
  | 'Duimp'
  | 'PCCE'
  | 'Anexação'
  | 'TA-LPCO'
  | 'DU-E'
  | 'CCT Exportação'
  | 'CCT Importação'
  | 'Catálogo de Produtos';

/** A notification body: an object, or (CCT Importação CRT events) an array of objects. */
export type EventPayload = Record<string, unknown> | Array<Record<string, unknown>>;

/** The field that carries the event's time, written in its module's format. */
export interface EventTime {
  field: string;
  format: (at: Date) => string;
}

export interface CatalogEvent {
  /** Portal id prefixed by the source system: 20 characters or fewer but for two the portal itself names (Texto(40) at subscription). */
  id: string;
  descricao: string;
  sistema: SourceSystem;
  recipientType: RecipientType;
  /** Role-Types a private recipient typically logs in with to subscribe it. */
  perfis?: string[];
  proveniencia: Proveniencia;
  /** JSON Schema (draft-07) of the body. */
  schema: SchemaObject;
  /** Absent when the body has no event time (e.g. CRT blocks, catalogue deactivations). */
  eventTime?: EventTime;
  /** Emitted by a business flow of the simulator; the others only through `POST /admin/eventos`. */
  businessFlow: boolean;
}
