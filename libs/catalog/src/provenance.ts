/**
 * Where each catalogue entry's contract comes from (SPEC §6 "Where each payload comes from"):
 * `documentado` — a public documentation page of the portal describes the body;
 * `proposta` — the Pucomex–Sefaz communication proposal (the seed document);
 * `simulado` — the simulator's own design, with the reason.
 */
export type ProvenienciaTipo = 'documentado' | 'proposta' | 'simulado';

export interface Fonte {
  /** Public address, or the seed document's name. */
  endereco: string;
  /** What the source is, in a few words. */
  descricao: string;
  /** Day it was read (ISO date). */
  lidoEm: string;
  oficial: boolean;
}

export interface Proveniencia {
  tipo: ProvenienciaTipo;
  fontes: Fonte[];
  /** Why a `simulado` body looks as it does, or what a source leaves out. */
  motivo?: string;
}

const READ_ON = '2026-12-01';
const official = (endereco: string, descricao: string): Fonte => ({ endereco, descricao, lidoEm: READ_ON, oficial: true });
const integrator = (endereco: string, descricao: string): Fonte => ({ endereco, descricao, lidoEm: READ_ON, oficial: false });

/** The public sources the catalogue cites; `docs/provenance.md` describes each. */
export const FONTES = {
  seed: { endereco: 'seed/000_6d3752ea133c61a1.txt', descricao: 'Proposta de comunicação Pucomex–Sefaz', lidoEm: READ_ON, oficial: true },
  webhooks: official('https://api-docs.portalunico.siscomex.gov.br/pages/webhooks', 'Portal Único: regras gerais de webhooks'),
  duimpPrivados: official(
    'https://docs-proxima.portalunico.siscomex.gov.br/pages/duimp_eventos_intervenientes_privados',
    'Notificação push — Intervenientes Privados — Duimp (lista de eventos)',
  ),
  cctrRecepcao: official('https://docs.hom.pucomex.serpro.gov.br/pages/cctr_eventos_recepcao', 'Notificação push — CCT Exportação, recepção assíncrona'),
  cctiTransportador: official(
    'https://docs.hom.pucomex.serpro.gov.br/pages/ccta_ter_eventos_transportador',
    'Notificação push — Transportador (CCT Importação rodoviário)',
  ),
  sefazEventos: official(
    'https://github.com/samuelfac/portalunico.siscomex.gov.br/blob/master/src/main/java/br/gov/siscomex/portalunico/dimp/model/DuimpUltimosEventosCover.java',
    'Modelo gerado do swagger oficial: enum evento de GET /eventos (Sefaz)',
  ),
  auracomex: integrator('https://github.com/AuraComexBR/auracomex', 'Receptor TS/Deno dos eventos Duimp de intervenientes privados'),
  cargowise: integrator('CargoWise, módulo aduaneiro BR (testes de push notification)', 'Fixtures de payload de dimp, duex, talp e catp'),
  flaskLpco: integrator('Receptor Flask de notificações TA-LPCO (código público)', 'Ids talp-*-anu e campos lidos (codigoModelo, cpfCnpj)'),
  cctiVinculo: integrator('Receptor TS de ccti-vinc-docto-saida (código público)', 'Payload observado em produção'),
  gravity: integrator('Documento de projeto "Gravity" (LPCO), seção de webhooks', 'Ids talp-*-int do lado do anuente; confiança baixa'),
} satisfies Record<string, Fonte>;

export const documentado = (...fontes: Fonte[]): Proveniencia => ({ tipo: 'documentado', fontes });
export const proposta = (...fontes: Fonte[]): Proveniencia => ({ tipo: 'proposta', fontes: [FONTES.seed, ...fontes] });
export const simulado = (motivo: string, ...fontes: Fonte[]): Proveniencia => ({ tipo: 'simulado', fontes, motivo });
