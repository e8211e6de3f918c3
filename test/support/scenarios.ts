import { EVENT_CATALOG, type RecipientType } from '#catalog';
import { generateCnpj } from '#brazilian-ids';
import type { ReceivedRequest } from './receiver.js';
import type { AdminResponse, Simulator } from './simulator.js';

export type Party = { tipo: 'SEFAZ'; uf: string } | { tipo: 'ANUENTE'; orgao: string } | { tipo: 'PRIVADO'; ni: string };

/** The catalogue ids addressed to one kind of recipient. */
export const eventsFor = (type: RecipientType) => EVENT_CATALOG.filter((event) => event.recipientType === type).map((event) => event.id);

/** Adds a party to the authorization base and subscribes it to `eventos` at `endpoint`. */
export async function subscribeParty(sim: Simulator, party: Party, eventos: string[], endpoint: string): Promise<string> {
  const ni = party.tipo === 'PRIVADO' ? party.ni : generateCnpj();
  const created = await sim.admin('POST', '/admin/intervenientes', { ni, nome: `${party.tipo} de teste`, ...party });
  if (created.status !== 201) throw new Error(`interveniente: ${JSON.stringify(created.body)}`);
  for (const evento of eventos) {
    const subscription = await sim.admin('POST', '/admin/assinaturas', { intervenienteId: created.body.id, evento, endpoint });
    if (subscription.status !== 201) throw new Error(`assinatura ${evento}: ${JSON.stringify(subscription.body)}`);
  }
  return created.body.id as string;
}

export interface EmittedEvent {
  id: string;
  evento: string;
  payload: Record<string, unknown>;
  notificacoes: Array<{ id: string; assinatura: number; destinatario: { tipo: string; id: string } }>;
}

/** Calls a scenario endpoint that must succeed; returns its body. */
export async function scenario(sim: Simulator, method: string, path: string, body?: unknown): Promise<any> {
  const response: AdminResponse = await sim.admin(method, path, body);
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export const header = (request: ReceivedRequest, name: string) => String(request.headers[name]);

/** Digits that could be a CPF (11) or a CNPJ (14) standing on their own (a Duimp number's digits follow `BR`). */
export const LOOSE_NI = /(?<![\dA-Z])(\d{11}|\d{14})(?!\d)/;

/** Every number in a JSON value, with the key it sits under. */
export function numbersIn(value: unknown, key = ''): Array<[string, number]> {
  if (typeof value === 'number') return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((item) => numbersIn(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbersIn(v, k));
  return [];
}
