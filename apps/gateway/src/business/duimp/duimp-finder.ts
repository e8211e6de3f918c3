import type { EntityManager } from 'typeorm';
import { PortalException, PortalValidationException } from '#common';
import { Duimp, DuimpEvent, DuimpVersion } from '#database';
import { assembleSefazDuimpCover, type DuimpHistoryRecord, isValidDuimpNumber } from '#domain';

/**
 * Finding a Duimp and what the Sefaz sees of it, shared by the Sefaz consultation, the PCCE API and the
 * admin scenarios so the three read one Duimp the same way.
 */

const invalid = (code: string, field: string, message: string): never => {
  throw new PortalValidationException([{ code, field, message }], message);
};

/** The portal's DIMP-ER0004: bad format or wrong check digit. `field` names where the number came from. */
export function requireDuimpNumber(numero: string, field = 'numero'): void {
  if (!isValidDuimpNumber(numero)) invalid('DIMP-ER0004', field, 'Número da Duimp inválido.');
}

/** `0002` or `2`: a version number 1–9999. */
export function parseVersao(versao: string, field = 'versao'): number {
  if (!/^\d{1,4}$/.test(versao) || Number(versao) < 1) invalid('VERSAO_INVALIDA', field, 'Versão da Duimp inválida.');
  return Number(versao);
}

/** The registered Duimp, or 404 DIMP-ER0102; `lock` holds its row until the transaction ends (writers serialise on it). */
export async function findDuimp(manager: EntityManager, numero: string, { lock = false } = {}): Promise<Duimp> {
  const duimp = await manager.findOne(Duimp, { where: { number: numero }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!duimp) throw new PortalException(404, 'DIMP-ER0102', `Duimp ${numero} não registrada.`);
  return duimp;
}

/** A stored history row as the domain reads it. */
export const toHistoryRecord = (event: DuimpEvent): DuimpHistoryRecord => ({
  numero: event.number,
  versao: event.version,
  codigo: event.code,
  descricao: event.description,
  evento: event.evento,
  occurredAt: event.occurredAt,
  ufs: event.ufs,
});

/** The Duimp's history, oldest first. */
export async function findDuimpHistory(manager: EntityManager, numero: string): Promise<DuimpHistoryRecord[]> {
  return (await manager.find(DuimpEvent, { where: { number: numero }, order: { id: 'ASC' } })).map(toHistoryRecord);
}

/** `SefazDuimpCover` of `version` with the Duimp's current state and whole history. */
export async function findSefazCover(manager: EntityManager, duimp: Duimp, version: DuimpVersion): Promise<Record<string, unknown>> {
  const current =
    version.version === duimp.currentVersion
      ? version
      : await manager.findOneByOrFail(DuimpVersion, { number: duimp.number, version: duimp.currentVersion });
  return assembleSefazDuimpCover(
    version.cover,
    { situacao: duimp.situation, versaoVigente: duimp.currentVersion, versaoVigenteRegistradaEm: current.registeredAt },
    await findDuimpHistory(manager, duimp.number),
  );
}
