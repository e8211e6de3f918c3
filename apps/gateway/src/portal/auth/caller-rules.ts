import { PortalException } from '#common';
import type { Interveniente } from '#database';

/** The caller's UF: these APIs are the Sefaz's alone. */
export function requireSefazUf(interveniente: Interveniente): string {
  if (interveniente.tipo !== 'SEFAZ' || !interveniente.uf) {
    throw new PortalException(403, 'PUCX-ER0403', 'Serviço restrito às Secretarias de Fazenda estaduais.');
  }
  return interveniente.uf;
}
