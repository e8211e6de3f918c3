import { generateCnpj } from '#brazilian-ids';
import type { Simulator } from './simulator.js';

/** Creates a Sefaz of `uf` subscribed to `evento` at `endpoint`; returns the subscription id. */
export async function subscribeSefaz(sim: Simulator, uf: string, endpoint: string, evento = 'dimp-registro', chaveSecreta?: string) {
  const interveniente = await sim.admin('POST', '/admin/intervenientes', {
    ni: generateCnpj(),
    nome: `Secretaria da Fazenda ${uf} (teste)`,
    tipo: 'SEFAZ',
    uf,
  });
  if (interveniente.status !== 201) throw new Error(`interveniente: ${JSON.stringify(interveniente.body)}`);
  const subscription = await sim.admin('POST', '/admin/assinaturas', {
    intervenienteId: interveniente.body.id,
    evento,
    endpoint,
    chaveSecreta,
  });
  if (subscription.status !== 201) throw new Error(`assinatura: ${JSON.stringify(subscription.body)}`);
  return { intervenienteId: interveniente.body.id as string, subscriptionId: subscription.body.id as number };
}

export function emitDuimpEvent(sim: Simulator, ufs: string[], evento = 'dimp-registro') {
  return sim.admin('POST', '/admin/eventos', {
    evento,
    destinatarios: ufs.map((uf) => ({ tipo: 'UF', id: uf })),
    // dimp-registro carries no evento: the Sefaz enum has none for a registration.
    payload: { numero: '20BR00001001899', versao: 1, ufs: ufs.map((uf) => ({ uf, tipoInteresse: 'IMPORTADOR' })) },
  });
}

/** Clears events, notifications and subscriptions between tests; the seeded authorization base stays. */
export async function resetAll(sim: Simulator) {
  await sim.admin('POST', '/admin/reset?assinaturas=true');
}

/** A Duimp number with the right format whose check digit is off by one. */
export function wrongCheckDigit(numero: string): string {
  return numero.slice(0, 14) + String((Number(numero[14]) + 1) % 10);
}
