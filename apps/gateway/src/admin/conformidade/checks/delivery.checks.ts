import type { EventPayload } from '#catalog';
import type { WebhookResponse } from '#notifications';
import { type Check, type Evidencia, excerpt } from '../check.js';

/** One notification as the portal would send it, already built. */
export interface Sample {
  evento: string;
  destinatarioTipo: string;
  destinatarioId: string;
  payload: EventPayload;
}

export type Send = (sample: Sample, options?: { idNotificacao?: string; secret?: string | null }) => Promise<WebhookResponse & { idNotificacao: string }>;

const BUDGET_RULE = 'Webhooks page of the portal: processing longer than 3500 ms is a timeout error; only HTTP 200 is a receipt (SPEC §7).';

export function evidence(envio: string, response: WebhookResponse): Evidencia {
  return { envio, status: response.httpStatus, tempoMs: response.durationMs, causa: response.cause, trecho: excerpt(response.responseBody ?? response.detail) };
}

function whyRefused(response: WebhookResponse, budgetMs: number): string {
  if (response.cause === 'TIMEOUT') return `no answer within ${budgetMs} ms (the portal's budget): answer 200 first, process afterwards`;
  if (response.httpStatus !== null && response.httpStatus >= 200 && response.httpStatus < 300) {
    return `answered ${response.httpStatus}: the portal counts only 200 as received and would send it again`;
  }
  if (response.httpStatus !== null) return `answered ${response.httpStatus}`;
  return `${response.cause}: ${response.detail ?? ''}`.trim();
}

/** Each event the interveniente may receive, once, with a valid payload: 200 within the budget. */
export async function eventChecks(samples: readonly Sample[], send: Send, budgetMs: number): Promise<{ checks: Check[]; responses: WebhookResponse[] }> {
  const checks: Check[] = [];
  const responses: WebhookResponse[] = [];
  // One at a time, as one attempt each: the time measured is the endpoint's alone.
  for (const sample of samples) {
    const response = await send(sample);
    responses.push(response);
    checks.push({
      id: `evento:${sample.evento}`,
      veredito: response.ok ? 'PASSOU' : 'FALHOU',
      motivo: response.ok ? `200 in ${response.durationMs} ms` : whyRefused(response, budgetMs),
      regra: BUDGET_RULE,
      evidencias: [evidence(sample.evento, response)],
    });
  }
  return { checks, responses };
}

/** 201, 202 or 204 read as success by many frameworks; the portal takes them as failures. */
export function only200Check(samples: readonly Sample[], responses: readonly WebhookResponse[]): Check {
  const other2xx = responses
    .map((response, index) => ({ response, evento: samples[index].evento }))
    .filter(({ response }) => response.httpStatus !== null && response.httpStatus !== 200 && response.httpStatus >= 200 && response.httpStatus < 300);
  return {
    id: 'somente-200',
    veredito: other2xx.length ? 'FALHOU' : 'PASSOU',
    motivo: other2xx.length
      ? `answered ${[...new Set(other2xx.map(({ response }) => response.httpStatus))].join(', ')}: only HTTP 200 is a receipt, every other status is a failed attempt`
      : 'no 2xx other than 200',
    regra: 'Only HTTP 200 is a receipt; 201, 202, 204 and every other status are failed attempts (SPEC §7).',
    evidencias: other2xx.map(({ response, evento }) => evidence(evento, response)),
  };
}

/** The same notification (same `id-notificacao`) twice: both must be accepted. */
export async function duplicateCheck(sample: Sample, send: Send): Promise<Check> {
  const first = await send(sample);
  const second = await send(sample, { idNotificacao: first.idNotificacao });
  const both = first.ok && second.ok;
  return {
    id: 'duplicidade',
    veredito: both ? 'PASSOU' : 'FALHOU',
    motivo: both
      ? `the same id-notificacao (${first.idNotificacao}) was accepted twice`
      : `the repeated notification was ${second.ok ? 'accepted' : 'refused'} (first: ${first.httpStatus ?? first.cause}, second: ${second.httpStatus ?? second.cause}); the portal repeats after a fault and expects 200 again`,
    regra: 'The portal may send a notification again after a fault (at-least-once, 3 attempts): a repeat must be answered 200 like the first.',
    evidencias: [evidence(`${sample.evento} (1st)`, first), evidence(`${sample.evento} (same id-notificacao)`, second)],
    conselho: `Check on your side that ${first.idNotificacao} was processed once: deduplicate by the id-notificacao header before acting.`,
  };
}

/** A wrong `secret`: refusing it is recommended; accepting it is reported. */
export async function secretCheck(sample: Sample, send: Send, secret: string | null): Promise<Check> {
  const regra = 'The portal sends the subscription\'s chaveSecreta back in the `secret` header (webhooks page); receivers check it.';
  if (!secret) {
    return {
      id: 'secret',
      veredito: 'AVISO',
      motivo: 'no chaveSecreta known for this endpoint: the wrong-secret test was not made',
      regra,
      evidencias: [],
      conselho: 'Subscribe with a chaveSecreta and refuse (401) any notification whose secret header differs, compared in constant time.',
    };
  }
  const wrong = await send(sample, { secret: `${secret}-errado` });
  return {
    id: 'secret',
    veredito: wrong.ok ? 'AVISO' : 'PASSOU',
    motivo: wrong.ok ? 'a notification with a wrong secret header was accepted (200)' : `a wrong secret header was refused (${wrong.httpStatus ?? wrong.cause})`,
    regra,
    evidencias: [evidence('wrong secret', wrong)],
    conselho: wrong.ok ? 'Refuse a notification whose secret header differs from your chaveSecreta (recommended), compared in constant time.' : undefined,
  };
}
