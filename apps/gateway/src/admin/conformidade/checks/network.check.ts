import { nonPublicRange } from '#common';
import type { Check } from '../check.js';

/** The source ranges the portal's webhooks page tells subscribers to allow. */
export const PORTAL_SOURCE_RANGES = ['161.148.0.0/16', '189.9.0.0/16', '200.198.192.0/18'] as const;

const RULE = 'Webhooks page of the portal: HTTPS on port 443/tcp, reachable from 161.148.0.0/16, 189.9.0.0/16 and 200.198.192.0/18.';

/**
 * The real portal's network rules. Under `portal` a breach fails the run; under `local` (an endpoint
 * on a laptop or in CI) each is a warning, since the simulator itself can reach it.
 */
export function networkCheck(endpoint: URL, addresses: readonly string[], perfil: 'local' | 'portal'): Check {
  const breaches: string[] = [];
  if (endpoint.protocol !== 'https:') breaches.push(`scheme ${endpoint.protocol.replace(':', '')}: the portal only calls https`);
  const port = endpoint.port ? Number(endpoint.port) : 443;
  if (port !== 443) breaches.push(`port ${port}: the portal only calls port 443`);
  for (const address of addresses) {
    const range = nonPublicRange(address);
    if (range) breaches.push(`${endpoint.hostname} is ${address} (${range}): the portal reaches public addresses only`);
  }
  const conselho = `Allow inbound 443/tcp from ${PORTAL_SOURCE_RANGES.join(', ')} (the portal's published ranges; the simulator's own are at GET /portal/api/ext/webhook/ips).`;
  if (breaches.length === 0) return { id: 'rede-portal', veredito: 'PASSOU', motivo: 'https, port 443, public address', regra: RULE, evidencias: [], conselho };
  return {
    id: 'rede-portal',
    veredito: perfil === 'portal' ? 'FALHOU' : 'AVISO',
    motivo: `${breaches.join('; ')}${perfil === 'local' ? ' (a warning under the local profile)' : ''}`,
    regra: RULE,
    evidencias: [],
    conselho,
  };
}
