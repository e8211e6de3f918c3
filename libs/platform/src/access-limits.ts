import { brasiliaClock, HOUR_MS, nextBrasiliaMidnight } from './brasilia-time.js';

export const ACCESS_LIMIT_CODE = 'PUCX-ER1001';

/**
 * The functions with an hourly quota per interveniente. The portal's "Limites de Acesso" page states the
 * rules but publishes no figures: these are the simulator's choice, in the range integrators report
 * (about 1000 calls an hour for queries), lower for the polling and management services.
 */
export const LIMITED_FUNCTIONS = {
  'duimp-consulta': { quota: 1000, descricao: 'Consulta de Duimp (capa, itens, histórico)' },
  'duimp-eventos': { quota: 600, descricao: 'Consulta de eventos de Duimp de interesse da UF (polling)' },
  'pcce-icms': { quota: 1000, descricao: 'Serviços de ICMS do PCCE' },
  'webhook-assinatura': { quota: 300, descricao: 'Gestão de assinaturas de notificações (webhook)' },
} as const satisfies Record<string, { quota: number; descricao: string }>;

export type LimitedFunction = keyof typeof LIMITED_FUNCTIONS;

export const isLimitedFunction = (name: string): name is LimitedFunction => Object.hasOwn(LIMITED_FUNCTIONS, name);

/**
 * End of the block earned by the `offence`-th breach of the day (1-based), made in the window starting at
 * `windowStart`: 1st the rest of the hour, 2nd one more hour, 3rd and later two more. 00:00 ends every block.
 */
export function blockEnd(windowStart: Date, offence: number): Date {
  const extraHours = Math.min(Math.max(offence, 1) - 1, 2);
  const end = new Date(windowStart.getTime() + (1 + extraHours) * HOUR_MS);
  const midnight = nextBrasiliaMidnight(windowStart);
  return end < midnight ? end : midnight;
}

/** The portal's text for PUCX-ER1001, with the quota and the time (Brasília, HH:mm) the block ends. */
export function accessLimitMessage(limit: number, blockedUntil: Date): string {
  return (
    `Foi atingido o limite de ${limit} acessos permitidos à funcionalidade em uma hora. ` +
    `A funcionalidade estará disponível novamente após as ${brasiliaClock(blockedUntil)}.`
  );
}
