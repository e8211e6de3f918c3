import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { formatPortalDate } from '#clock';
import { AdvisoryLock, lockForTransaction, PortalException } from '#common';
import { IcmsOption } from '#database';
import type { PortalSession } from '../auth/portal-auth.guard.js';
import { requireSefazUf } from '../auth/caller-rules.js';
import type { OpcaoIcmsAlteracaoDto, OpcaoIcmsDto } from './dto/opcao-icms.dto.js';
import { inTransaction, refuse } from './icms-declaration.js';

/** `OpcaoIcmsConsultaDto` in the model's property order. */
function toOpcaoView(option: IcmsOption): Record<string, unknown> {
  return {
    ativa: option.active,
    codigoOpcao: option.code,
    dataCadastro: formatPortalDate(option.createdAt),
    descricaoOpcao: option.description,
    id: Number(option.id),
    tipoSolicitacao: option.requestType,
    uf: option.uf,
  };
}

/**
 * The ICMS calculation options a Sefaz offers the importers of its UF (`/pcce/api/ext/sefaz/opcao`). Each
 * Sefaz sees and changes only its UF's: another UF's id is answered as unknown (404). `codigoOpcao` is
 * unique within a UF.
 */
@Injectable()
export class SefazOpcaoService {
  constructor(private readonly dataSource: DataSource) {}

  /** All or nothing: one bad or repeated code refuses the whole list. */
  async create(session: PortalSession, opcoes: OpcaoIcmsDto[]): Promise<void> {
    const uf = requireSefazUf(session.interveniente);
    const codes = opcoes.map((opcao) => opcao.codigoOpcao);
    const repeated = codes.findIndex((code, index) => codes.indexOf(code) !== index);
    if (repeated >= 0) refuse('OPCAO_ICMS_DUPLICADA', `${repeated}.codigoOpcao`, `codigoOpcao ${codes[repeated]} aparece mais de uma vez na lista.`);
    await inTransaction(this.dataSource, async ({ manager, now }) => {
      // Two lists with one code cannot both pass the check (the unique index backs it).
      await lockForTransaction(manager, AdvisoryLock.IcmsOptions);
      const taken = await manager.findBy(IcmsOption, { uf, code: In(codes) });
      if (taken.length > 0) {
        const index = codes.indexOf(taken[0].code);
        refuse('OPCAO_ICMS_DUPLICADA', `${index}.codigoOpcao`, `A UF ${uf} já tem a opção de código ${taken[0].code}.`);
      }
      await manager.insert(
        IcmsOption,
        opcoes.map((opcao) => ({
          uf,
          code: opcao.codigoOpcao,
          description: opcao.descricaoOpcao,
          requestType: opcao.tipoSolicitacao,
          active: true,
          createdAt: now,
        })),
      );
    });
  }

  async list(session: PortalSession): Promise<Array<Record<string, unknown>>> {
    const uf = requireSefazUf(session.interveniente);
    const options = await this.dataSource.getRepository(IcmsOption).find({ where: { uf }, order: { id: 'ASC' } });
    return options.map(toOpcaoView);
  }

  async change(session: PortalSession, id: string, dto: OpcaoIcmsAlteracaoDto): Promise<void> {
    const uf = requireSefazUf(session.interveniente);
    await inTransaction(this.dataSource, async ({ manager }) => {
      const option = await this.findOwn(manager, uf, id);
      option.active = dto.ativa;
      option.description = dto.descricaoOpcao;
      await manager.save(option);
    });
  }

  async remove(session: PortalSession, id: string): Promise<void> {
    const uf = requireSefazUf(session.interveniente);
    await inTransaction(this.dataSource, async ({ manager }) => {
      await manager.remove(await this.findOwn(manager, uf, id));
    });
  }

  /** The caller's option `id` (a positive Long), locked; another UF's is as unknown as a missing one. */
  private async findOwn(manager: EntityManager, uf: string, id: string): Promise<IcmsOption> {
    if (!/^\d{1,18}$/.test(id) || BigInt(id) < 1n) refuse('ID_INVALIDO', 'id', 'id deve ser um número inteiro positivo.');
    const option = await manager.findOne(IcmsOption, { where: { id, uf }, lock: { mode: 'pessimistic_write' } });
    if (!option) throw new PortalException(404, 'PUCX-ER0404', `Opção de cálculo de ICMS ${id} não encontrada para a UF ${uf}.`);
    return option;
  }
}
