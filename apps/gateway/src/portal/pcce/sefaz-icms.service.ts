import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { formatPortalDate, simNow } from '#clock';
import { PortalException, PortalValidationException } from '#common';
import { type Duimp, DuimpEvent, DuimpVersion, IcmsRequest } from '#database';
import {
  canMoveIcms,
  DUIMP_HISTORICO,
  type DuimpHistoricoEntry,
  SITUACAO_APOS_CALCULO,
  SITUACOES_ICMS_CUMPRIDAS,
  SITUACOES_ICMS_DECLARADAS,
  SITUACOES_ICMS_PENDENTES,
  type SituacaoSolicitacaoIcms,
} from '#domain';
import type { PortalSession } from '../auth/portal-auth.guard.js';
import { findDuimp, parseVersao, requireDuimpNumber } from '../../business/duimp/duimp-finder.js';
import { requireSefazUf } from '../auth/caller-rules.js';
import type { SefazCreditoIcmsDto } from './dto/sefaz-credito-icms.dto.js';
import type { SefazDadosIcmsDto } from './dto/sefaz-dados-icms.dto.js';
import { toSolicitacaoCalculoView } from './sefaz-icms.view.js';

function refuse(code: string, field: string, message: string): never {
  throw new PortalValidationException([{ code, field, message }], message);
}

interface Write {
  manager: EntityManager;
  /** Simulated time of the write: the request's history and the Duimp's carry it. */
  now: Date;
}

/** Which request of a Duimp version, of which Sefaz, in which situations. */
interface RequestKey {
  numero: string;
  versao: number;
  uf: string;
}

/**
 * The PCCE services for the Sefaz (SPEC §8): the Sefaz of `ufFavorecida` answers a calculation request,
 * confirms the payment credit, reads the request and cancels the declaração de ICMS its calculation created.
 * Every write runs in one transaction under the Duimp's row lock (the admin scenarios take the same lock),
 * and a refused call writes nothing.
 */
@Injectable()
export class SefazIcmsService {
  constructor(private readonly dataSource: DataSource) {}

  /** `SefazDadosIcmsDto` for a request waiting for its calculation (DUIMP_CALCULO_SOLICITADO). */
  async calculate(session: PortalSession, dto: SefazDadosIcmsDto): Promise<void> {
    const key = this.bodyKey(session, dto);
    await this.write(async ({ manager, now }) => {
      const duimp = await findDuimp(manager, key.numero, { lock: true });
      const request = await this.findRequest(manager, key, ['DUIMP_CALCULO_SOLICITADO']);
      if (!request) {
        refuse(
          'SOLICITACAO_ICMS_INEXISTENTE',
          'numeroDeclaracao',
          `Não há solicitação de cálculo de ICMS pendente da Duimp ${key.numero} versão ${key.versao} para a UF ${key.uf}.`,
        );
      }
      this.requireSameTipo(dto.tipoSolicitacao, request);
      if (dto.tipoRetorno !== 'INDEFERIDO' && dto.valorAfrmm === undefined && (await this.isMaritime(manager, request))) {
        refuse('VALIDACAO_OBRIGATORIO', 'valorAfrmm', 'valorAfrmm é obrigatório para Duimp de modal marítimo quando tipoRetorno ≠ INDEFERIDO.');
      }
      const situacao = SITUACAO_APOS_CALCULO[dto.tipoRetorno];
      request.result = { ...dto };
      this.move(request, situacao, now, dto.cpfSolicitante, dto.justificativaIndeferimento);
      await manager.save(request);
      // Nothing to pay (or exonerated): the obligation is met at once. A calculation "a pagar" waits for the credit.
      if (SITUACOES_ICMS_CUMPRIDAS.includes(situacao)) await this.addHistory(manager, duimp, request, DUIMP_HISTORICO.ICMS_DECLARADO, now);
    });
  }

  /** `SefazCreditoIcmsDto` for a calculation "a pagar" (DUIMP_PENDENTE_PAGAMENTO_EXONERACAO) → DUIMP_DECLARADA_PAGA. */
  async credit(session: PortalSession, dto: SefazCreditoIcmsDto): Promise<void> {
    const key = this.bodyKey(session, dto);
    await this.write(async ({ manager, now }) => {
      const duimp = await findDuimp(manager, key.numero, { lock: true });
      const request = await this.findRequest(manager, key, ['DUIMP_PENDENTE_PAGAMENTO_EXONERACAO']);
      if (!request) {
        refuse(
          'CALCULO_ICMS_A_PAGAR_INEXISTENTE',
          'numeroDeclaracao',
          `A Duimp ${key.numero} versão ${key.versao} não tem cálculo de ICMS a pagar da UF ${key.uf} aguardando confirmação de crédito.`,
        );
      }
      this.requireSameTipo(dto.tipoSolicitacao, request);
      request.credit = { ...dto };
      this.move(request, 'DUIMP_DECLARADA_PAGA', now);
      await manager.save(request);
      await this.addHistory(manager, duimp, request, DUIMP_HISTORICO.ICMS_DECLARADO, now);
    });
  }

  /** The latest request of the version for the caller's UF: 404 when the version has none, 403 when only other UFs' exist. */
  async consult(session: PortalSession, numero: string, versao: string): Promise<Record<string, unknown>> {
    const uf = requireSefazUf(session.interveniente);
    requireDuimpNumber(numero);
    const version = parseVersao(versao);
    await findDuimp(this.dataSource.manager, numero);
    const requests = await this.dataSource
      .getRepository(IcmsRequest)
      .find({ where: { duimpNumber: numero, duimpVersion: version }, order: { id: 'DESC' } });
    if (requests.length === 0) {
      throw new PortalException(404, 'PUCX-ER0404', `A Duimp ${numero} versão ${version} não tem solicitação de cálculo de ICMS.`);
    }
    const mine = requests.find((request) => request.uf === uf);
    if (!mine) throw new PortalException(403, 'PUCX-ER0403', `A solicitação de cálculo de ICMS da Duimp ${numero} não é dirigida à UF ${uf}.`);
    return toSolicitacaoCalculoView(mine);
  }

  /**
   * The Sefaz cancels the declaração de ICMS its calculation created (a pagar, paga/exonerada or paga):
   * the Duimp's ICMS shows cancelled (history 33) and the request waits for a new calculation.
   */
  async cancel(session: PortalSession, numero: string, versao: string): Promise<void> {
    const uf = requireSefazUf(session.interveniente);
    requireDuimpNumber(numero);
    const key = { numero, versao: parseVersao(versao), uf };
    await this.write(async ({ manager, now }) => {
      const duimp = await findDuimp(manager, numero, { lock: true });
      const request = await this.findRequest(manager, key, SITUACOES_ICMS_DECLARADAS);
      if (!request) {
        refuse(
          'DECLARACAO_ICMS_INEXISTENTE',
          'numero',
          `A Duimp ${numero} versão ${key.versao} não tem declaração de ICMS da UF ${uf} que possa ser cancelada.`,
        );
      }
      // Reopening this request must not make two pending ones (the importer may have asked again since).
      const other = await manager.findOneBy(IcmsRequest, { duimpNumber: numero, status: In([...SITUACOES_ICMS_PENDENTES]) });
      if (other && other.id !== request.id) {
        refuse('SOLICITACAO_ICMS_PENDENTE', 'numero', `A Duimp ${numero} já tem outra solicitação de ICMS pendente (${other.uf}, ${other.status}).`);
      }
      request.result = null;
      request.credit = null;
      this.move(request, 'DUIMP_CALCULO_SOLICITADO', now, undefined, 'Declaração de ICMS cancelada pela Sefaz.');
      await manager.save(request);
      await this.addHistory(manager, duimp, request, DUIMP_HISTORICO.ICMS_CANCELADO, now);
    });
  }

  /** The caller, the Duimp number and the UF of a body: checked before any transaction opens. */
  private bodyKey(session: PortalSession, dto: { numeroDeclaracao: string; versaoDeclaracao: string; ufFavorecida: string }): RequestKey {
    const uf = requireSefazUf(session.interveniente);
    requireDuimpNumber(dto.numeroDeclaracao, 'numeroDeclaracao');
    if (dto.ufFavorecida !== uf) {
      refuse('UF_FAVORECIDA_DIVERGENTE', 'ufFavorecida', `ufFavorecida ${dto.ufFavorecida} não é a UF da Sefaz autenticada (${uf}).`);
    }
    return { numero: dto.numeroDeclaracao, versao: Number(dto.versaoDeclaracao), uf };
  }

  private findRequest(manager: EntityManager, key: RequestKey, situacoes: readonly SituacaoSolicitacaoIcms[]): Promise<IcmsRequest | null> {
    return manager.findOne(IcmsRequest, {
      where: { duimpNumber: key.numero, duimpVersion: key.versao, uf: key.uf, status: In([...situacoes]) },
      order: { id: 'DESC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private requireSameTipo(tipoSolicitacao: string, request: IcmsRequest): void {
    if (tipoSolicitacao !== request.requestType) {
      refuse(
        'TIPO_SOLICITACAO_DIVERGENTE',
        'tipoSolicitacao',
        `tipoSolicitacao ${tipoSolicitacao} difere da solicitação de ICMS da Duimp (${request.requestType}).`,
      );
    }
  }

  private async isMaritime(manager: EntityManager, request: IcmsRequest): Promise<boolean> {
    const version = await manager.findOneByOrFail(DuimpVersion, { number: request.duimpNumber, version: request.duimpVersion });
    return version.spec.viaTransporte === 'MARITMO';
  }

  /** Moves the request and appends a `SituacaoHistoricoDto`; the responsible CPF is the request's unless the Sefaz gave one. */
  private move(request: IcmsRequest, to: SituacaoSolicitacaoIcms, now: Date, cpf?: string, comentario?: string): void {
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

  private async addHistory(manager: EntityManager, duimp: Duimp, request: IcmsRequest, entry: DuimpHistoricoEntry, now: Date): Promise<void> {
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

  private write<T>(action: (write: Write) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      return action({ manager, now: await simNow(manager) });
    });
  }
}
