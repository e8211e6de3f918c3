import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatPortalDateMillis } from '#clock';
import { Duimp, Lpco, SefazDocument } from '#database';
import { distinctUfs, documentFile, numeroOperacaoError, sha256Hex, TIPOS_DOCUMENTO } from '#domain';
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
      const nomeTipoDocumento = TIPOS_DOCUMENTO[documentTypeId] ?? `Tipo de documento ${documentTypeId}`;
      // The file is generated again from this row on download: its hash is the hash of those bytes.
      const file = documentFile({ tipoOperacao, numeroOperacao, nomeArquivo: fileName, nomeTipoDocumento, attachedAt: now });
      const saved = await manager.save(
        manager.create(SefazDocument, {
          operationType: tipoOperacao,
          operationNumber: numeroOperacao,
          documentTypeId,
          fileName,
          sha256: sha256Hex(file.bytes),
          accessType: dto.tipoAcesso ?? 2,
          ufs,
          data: {
            nomeTipoDocumento,
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

  /** A Sefaz downloaded the document: e-Docex shows it `documentoLido` to that UF from now on. */
  async markRead(id: string, uf: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE sefaz_document SET data = jsonb_set(data, '{lidoPorUfs}', COALESCE(data->'lidoPorUfs', '[]'::jsonb) || to_jsonb($2::text))
       WHERE id = $1 AND NOT COALESCE(data->'lidoPorUfs', '[]'::jsonb) ? $2`,
      [id, uf],
    );
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
