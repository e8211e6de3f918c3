import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TIPOS_OPERACAO } from '#catalog';
import { formatPortalDateMillis } from '#clock';
import { PortalException, PortalValidationException } from '#common';
import { SefazDocument } from '#database';
import { documentFile, numeroOperacaoError, type TipoOperacao, zipStored } from '#domain';
import type { PortalSession } from '../auth/portal-auth.guard.js';
import { requireSefazUf } from '../auth/caller-rules.js';
import { DocumentActions } from '../../business/anexacao/document-actions.service.js';

const invalid = (code: string, field: string, message: string): never => {
  throw new PortalValidationException([{ code, field, message }], message);
};

const MAX_ID = 9_223_372_036_854_775_807n;

/** e-Docex's `Documento` as the caller sees it. */
function toDocumento(document: SefazDocument, uf: string) {
  return {
    // The private party's own attachment stays visible to it.
    acessivelSetorPrivado: document.data.anexadoPor === 'Representante Legal',
    anexadoPor: document.data.anexadoPor,
    dataHoraAnexacao: formatPortalDateMillis(document.attachedAt),
    documentoLido: ((document.data.lidoPorUfs as string[] | undefined) ?? []).includes(uf),
    documentoPalavrasChave: document.data.documentoPalavrasChave ?? [],
    id: Number(document.id),
    idTipoDocumento: document.documentTypeId,
    nomeArquivo: document.fileName,
    nomeTipoDocumento: document.data.nomeTipoDocumento,
    sha256: document.sha256,
    tipoAcesso: String(document.accessType),
  };
}

/**
 * Anexação (e-Docex, `/edocex/api/ext/...`) for the Sefaz: the documents of an operation made available
 * to its UF, and their download. Another UF's documents are refused (403), an unknown one is 404 as e-Docex answers.
 */
@Injectable()
export class EdocexService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentActions,
  ) {}

  /** `RetornoConsultarDocumentoPorOperacao`: the operation's single implicit dossiê, listed as `documentos`. */
  async list(session: PortalSession, tipoOperacao: string, numeroOperacao: string) {
    const uf = requireSefazUf(session.interveniente);
    if (!(TIPOS_OPERACAO as readonly string[]).includes(tipoOperacao)) {
      invalid('TIPO_OPERACAO_INVALIDO', 'tipoOperacao', `tipoOperacao deve ser um de ${TIPOS_OPERACAO.join(', ')}.`);
    }
    const formatError = numeroOperacaoError(tipoOperacao as TipoOperacao, numeroOperacao);
    if (formatError) invalid('NUMERO_OPERACAO_INVALIDO', 'numeroOperacao', formatError);
    const all = await this.dataSource
      .getRepository(SefazDocument)
      .find({ where: { operationType: tipoOperacao, operationNumber: numeroOperacao }, order: { id: 'ASC' } });
    if (all.length === 0) throw new PortalException(404, 'PUCX-ER0404', `Nenhum documento anexado à operação ${tipoOperacao} ${numeroOperacao}.`);
    const mine = all.filter((document) => document.ufs.includes(uf));
    if (mine.length === 0) {
      throw new PortalException(403, 'PUCX-ER0403', `Os documentos da operação ${tipoOperacao} ${numeroOperacao} não foram disponibilizados à UF ${uf}.`);
    }
    return { documentos: mine.map((document) => toDocumento(document, uf)), numeroOperacao, tipoOperacao };
  }

  /** `RetornoDownloadDocumento`: the file (and no signature: documents are attached without one) zipped, in base64. */
  async download(session: PortalSession, idDocumento: string) {
    const uf = requireSefazUf(session.interveniente);
    if (!/^\d{1,19}$/.test(idDocumento) || BigInt(idDocumento) < 1n || BigInt(idDocumento) > MAX_ID) {
      invalid('ID_DOCUMENTO_INVALIDO', 'idDocumento', 'idDocumento deve ser um inteiro entre 1 e 9223372036854775807.');
    }
    const document = await this.dataSource.getRepository(SefazDocument).findOneBy({ id: idDocumento });
    if (!document) throw new PortalException(404, 'PUCX-ER0404', `Documento ${idDocumento} não encontrado.`);
    if (!document.ufs.includes(uf)) {
      throw new PortalException(403, 'PUCX-ER0403', `O documento ${idDocumento} não foi disponibilizado à UF ${uf}.`);
    }
    const file = documentFile({
      tipoOperacao: document.operationType,
      numeroOperacao: document.operationNumber,
      nomeArquivo: document.fileName,
      nomeTipoDocumento: document.data.nomeTipoDocumento,
      attachedAt: document.attachedAt,
    });
    await this.documents.markRead(document.id, uf);
    const zip = zipStored([{ name: document.fileName, data: file.bytes }], document.attachedAt);
    return {
      arquivoZipBase64: zip.toString('base64'),
      documento: { ...toDocumento(document, uf), documentoLido: true },
    };
  }
}
