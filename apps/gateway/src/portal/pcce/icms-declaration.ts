import { type DataSource, type EntityManager, In } from 'typeorm';
import { formatPortalDate, simNow } from '#clock';
import { PortalValidationException } from '#common';
import { type Duimp, DuimpEvent, IcmsRequest } from '#database';
import { canMoveIcms, type DuimpHistoricoEntry, type SituacaoSolicitacaoIcms } from '#domain';

/** What the PCCE services for the Sefaz share: finding, moving and recording a declaração de ICMS. */

export function refuse(code: string, field: string, message: string): never {
  throw new PortalValidationException([{ code, field, message }], message);
}

export interface Write {
  manager: EntityManager;
  /** Simulated time of the write: the request's history and the Duimp's carry it. */
  now: Date;
}

/** One transaction on the simulated clock: a refused call writes nothing. */
export function inTransaction<T>(dataSource: DataSource, action: (write: Write) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => action({ manager, now: await simNow(manager) }));
}

/** Which request of a Duimp version, of which Sefaz. */
export interface RequestKey {
  numero: string;
  versao: number;
  uf: string;
}

/** The latest request of the key in one of `situacoes`, locked for the write. */
export function findIcmsRequest(manager: EntityManager, key: RequestKey, situacoes: readonly SituacaoSolicitacaoIcms[]): Promise<IcmsRequest | null> {
  return manager.findOne(IcmsRequest, {
    where: { duimpNumber: key.numero, duimpVersion: key.versao, uf: key.uf, status: In([...situacoes]) },
    order: { id: 'DESC' },
    lock: { mode: 'pessimistic_write' },
  });
}

/** Moves the request and appends a `SituacaoHistoricoDto`; the responsible CPF is the request's unless the Sefaz gave one. */
export function moveIcmsRequest(request: IcmsRequest, to: SituacaoSolicitacaoIcms, now: Date, cpf?: string, comentario?: string): void {
  // Callers pick the request by its situation, so a forbidden move is a bug here, not bad input.
  if (!canMoveIcms(request.status, to)) throw new Error(`ICMS request ${request.id}: ${request.status} → ${to} is not a transition`);
  request.status = to;
  request.history = [
    ...request.history,
    {
      descricaoSituacao: to,
      dataSituacao: formatPortalDate(now),
      cpfResponsavel: cpf ?? request.request.cpfSolicitante,
      ...(comentario ? { comentario } : {}),
    },
  ];
  request.updatedAt = now;
}

/** Adds `entry` (ICMS declarado, cancelado) to the Duimp's history, which the Sefaz's Duimp API reads. */
export async function addDuimpHistory(manager: EntityManager, duimp: Duimp, request: IcmsRequest, entry: DuimpHistoricoEntry, now: Date): Promise<void> {
  await manager.insert(DuimpEvent, {
    number: duimp.number,
    version: request.duimpVersion,
    code: entry.codigo,
    description: entry.descricao,
    evento: entry.evento,
    occurredAt: now,
    ufs: duimp.ufs,
  });
}
