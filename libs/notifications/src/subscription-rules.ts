import { CONTROL_CHARACTERS } from '#common';
import { findCatalogEvent, type IntervenienteTipo, subscriberTipo } from '#catalog';

export const ENDPOINT_MAX_LENGTH = 500;

/** `local` accepts any https endpoint (integrators' own machines); `portal` applies the real portal's network rules too. */
export type EndpointProfile = 'local' | 'portal';

/** A refused subscription field: the rule's code, the field and the reason in the portal's words. */
export interface SubscriptionRefusal {
  code: string;
  field: string;
  message: string;
}

/**
 * What the endpoint URL itself breaks, before any name is resolved: length, form, https, credentials and,
 * under the `portal` profile, port 443. The address it reaches is judged apart (it needs DNS).
 */
export function endpointFormRefusal(endpoint: string, profile: EndpointProfile, field = 'endpoint'): SubscriptionRefusal | null {
  const refuse = (code: string, message: string) => ({ code, field, message });
  // The URL parser silently drops CR, LF and TAB: judge the text as stored and sent.
  if (CONTROL_CHARACTERS.test(endpoint)) return refuse('ENDPOINT_CARACTERE_CONTROLE', 'O endpoint não pode conter caracteres de controle (CR, LF, TAB...).');
  if (endpoint.length > ENDPOINT_MAX_LENGTH) return refuse('ENDPOINT_TAMANHO', `O endpoint deve ter no máximo ${ENDPOINT_MAX_LENGTH} caracteres.`);
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return refuse('ENDPOINT_INVALIDO', 'O endpoint não é uma URL válida.');
  }
  if (url.protocol !== 'https:') return refuse('ENDPOINT_NAO_HTTPS', 'O endpoint deve ser uma URL segura (HTTPS).');
  if (url.username || url.password) return refuse('ENDPOINT_CREDENCIAIS', 'O endpoint não pode conter usuário ou senha na URL.');
  if (profile === 'portal' && url.port !== '') {
    return refuse('ENDPOINT_PORTA', `O endpoint deve usar a porta 443 (perfil portal); a URL usa a porta ${url.port}.`);
  }
  return null;
}

/** Whether an interveniente of `tipo` may subscribe `evento`: it must be in the catalogue and addressed to that tipo. */
export function eventoRefusal(evento: string, tipo: IntervenienteTipo): SubscriptionRefusal | null {
  const event = findCatalogEvent(evento);
  if (!event) return { code: 'EVENTO_INEXISTENTE', field: 'evento', message: `O evento ${evento} não existe no catálogo.` };
  if (subscriberTipo(event) !== tipo) {
    return { code: 'EVENTO_NAO_PERMITIDO', field: 'evento', message: `O evento ${evento} não pode ser assinado por um interveniente do tipo ${tipo}.` };
  }
  return null;
}
