import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { XmlRoot } from '#common';
import { CurrentSession, type PortalSession } from '../auth/portal-auth.guard.js';
import { EdocexService } from './edocex.service.js';

/** Anexação (e-Docex) for the Sefaz: what was made available to its UF and announced by `anex-docs-sefaz`. */
@ApiTags('Anexação (e-Docex)')
@Controller('edocex/api/ext')
export class EdocexController {
  constructor(private readonly edocex: EdocexService) {}

  /** `RetornoConsultarDocumentoPorOperacao` of the documents made available to the caller's UF. */
  @Get('documentos-operacao/:tipoOperacao/:numeroOperacao')
  @XmlRoot('retornoConsultarDocumentoPorOperacao')
  list(@CurrentSession() session: PortalSession, @Param('tipoOperacao') tipoOperacao: string, @Param('numeroOperacao') numeroOperacao: string) {
    return this.edocex.list(session, tipoOperacao, numeroOperacao);
  }

  /** `RetornoDownloadDocumento`: JSON (or XML) with the file zipped in base64, as e-Docex answers. */
  @Get('documentos/download/:idDocumento')
  @XmlRoot('retornoDownloadDocumento')
  download(@CurrentSession() session: PortalSession, @Param('idDocumento') idDocumento: string) {
    return this.edocex.download(session, idDocumento);
  }
}
