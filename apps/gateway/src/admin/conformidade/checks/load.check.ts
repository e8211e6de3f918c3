import type { WebhookResponse } from '#notifications';
import { type Check, excerpt } from '../check.js';
import type { Sample, Send } from './delivery.checks.js';

export interface LoadSettings {
  /** Notifications per second. */
  taxa: number;
  duracaoSegundos: number;
}

/**
 * A busy hour for the largest Sefaz (SP): roughly 40 % of Brazil's ~2.5 million import declarations a year,
 * each bringing some 5 Sefaz events (registration, clearance, delivery, ICMS), lands near 20 000
 * notifications per working day; ten times the day's mean rate at the peak is ~5 per second.
 * An estimate, not a published figure: pass `carga.taxa` to test your own.
 */
export const DEFAULT_LOAD: LoadSettings = { taxa: 5, duracaoSegundos: 10 };

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A short burst at a steady rate, cycling through the samples; every notification a fresh one. */
export async function loadCheck(samples: readonly Sample[], send: Send, settings: LoadSettings): Promise<Check> {
  const total = Math.max(1, Math.round(settings.taxa * settings.duracaoSegundos));
  const interval = 1000 / settings.taxa;
  const responses = await Promise.all(
    Array.from(
      { length: total },
      (_, index) =>
        new Promise<WebhookResponse>((resolve) => {
          setTimeout(() => resolve(send(samples[index % samples.length])), index * interval);
        }),
    ),
  );
  const times = responses.map((response) => response.durationMs).sort((a, b) => a - b);
  const failed = responses.filter((response) => !response.ok);
  const causes = [...new Set(failed.map((response) => response.cause))];
  const medidas = { enviadas: total, taxa: settings.taxa, erros: failed.length, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), maxMs: times.at(-1) ?? 0 };
  return {
    id: 'carga',
    veredito: failed.length ? 'FALHOU' : 'PASSOU',
    motivo: `${total} notifications at ${settings.taxa}/s: p50 ${medidas.p50Ms} ms, p99 ${medidas.p99Ms} ms, ${failed.length} errors${causes.length ? ` (${causes.join(', ')})` : ''}`,
    regra: 'Every notification of a busy hour must be answered 200 within 3500 ms: the portal does not slow down for a slow receiver.',
    evidencias: failed.slice(0, 5).map((response) => ({ envio: 'burst', status: response.httpStatus, tempoMs: response.durationMs, causa: response.cause, trecho: excerpt(response.responseBody ?? response.detail) })),
    medidas,
  };
}
