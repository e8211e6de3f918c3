import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatPortalDateMillis } from '#clock';
import { Duimp, Lpco, SefazDocument } from '#database';
import { distinctUfs, numeroOperacaoError, TIPOS_DOCUMENTO } from '#domain';
import { refuse, UnitOfWork } from '../unit-of-work.service.js';
import type { DisponibilizarDocumentoDto } from './documento.dto.js';

/** Anexação (e-Docex): a document attached to an operation and made available to Sefaz. */
@Injectable()
export class DocumentActions {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  makeAvailable(dto: DisponibilizarDocumentoDto) {
    return this.unitOfWork.run(async (context) => {
      const { manager, now } = context;
      const tipoOperacao = dto.tipoOperacao ?? 'DUIMP';
      const numeroOperacao = dto.numeroOperacao;
      const formatError = numeroOperacaoError(tipoOperacao, numeroOperacao);
      if (formatError) refuse(tipoOperacao === 'DUIMP' ? 'DIMP-ER0004' : 'NUMERO_OPERACAO_INVALIDO', 'numeroOperacao', formatError);

      let ufs: string[] | undefined = dto.ufs;
      if (tipoOperacao === 'DUIMP') {
        const duimp = await manager.findOneBy(Duimp, { number: numeroOperacao });
        if (!duimp) refuse('DIMP-ER0102', 'numeroOperacao', `Duimp ${numeroOperacao} não registrada.`);
        ufs ??= distinctUfs(duimp.ufs);
      } else if (tipoOperacao === 'LPCO' && !(await manager.existsBy(Lpco, { number: numeroOperacao }))) {
        refuse('LPCO_INEXISTENTE', 'numeroOperacao', `LPCO ${numeroOperacao} não encontrado.`);
      }
      if (!ufs) refuse('UFS_OBRIGATORIAS', 'ufs', `Informe as UFs cujas Sefaz recebem o documento (${tipoOperacao}).`);

      const documentTypeId = dto.idTipoDocumento ?? 1;
      const fileName = dto.nomeArquivo ?? `${(TIPOS_DOCUMENTO[documentTypeId] ?? 'documento').toLowerCase().replace(/[^a-z0-9]+/g, '-')}.pdf`;
      const saved = await manager.save(
        manager.create(SefazDocument, {
          operationType: tipoOperacao,
          operationNumber: numeroOperacao,
          documentTypeId,
          fileName,
          // The file itself is not kept: its hash stands for it, as e-Docex lists it.
          sha256: createHash('sha256').update(`${tipoOperacao}:${numeroOperacao}:${fileName}:${now.toISOString()}`).digest('hex'),
          accessType: dto.tipoAcesso ?? 2,
          ufs,
          data: {
            nomeTipoDocumento: TIPOS_DOCUMENTO[documentTypeId] ?? `Tipo de documento ${documentTypeId}`,
            anexadoPor: 'Representante Legal',
            documentoPalavrasChave: [],
          },
          attachedAt: now,
        }),
      );
      await context.emit(
        'anex-docs-sefaz',
        ufs.map((uf) => ({ tipo: 'UF' as const, id: uf })),
        { tipoOperacao, numeroOperacao, idDocumento: Number(saved.id) },
      );
      return view(saved);
    });
  }

  async find(id: string) {
    const document = /^\d{1,18}$/.test(id) ? await this.dataSource.getRepository(SefazDocument).findOneBy({ id }) : null;
    return document ? view(document) : null;
  }
}

function view(document: SefazDocument) {
  return {
    idDocumento: Number(document.id),
    tipoOperacao: document.operationType,
    numeroOperacao: document.operationNumber,
    idTipoDocumento: document.documentTypeId,
    nomeTipoDocumento: document.data.nomeTipoDocumento,
    nomeArquivo: document.fileName,
    sha256: document.sha256,
    tipoAcesso: String(document.accessType),
    anexadoPor: document.data.anexadoPor,
    dataHoraAnexacao: formatPortalDateMillis(document.attachedAt),
    ufs: document.ufs,
  };
}
