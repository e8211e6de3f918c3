import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { scenarioResponse } from '../../../business/unit-of-work.service.js';
import { DisponibilizarDocumentoDto } from '../../../business/anexacao/documento.dto.js';
import { DocumentActions } from '../../../business/anexacao/document-actions.service.js';
import { adminError } from '../../admin-error.js';

/** QA scenario: a document made available to the Sefaz of some UFs → `anex-docs-sefaz`. */
@ApiTags('Cenários: documentos')
@Controller('admin/documentos')
export class DocumentosController {
  constructor(private readonly documentos: DocumentActions) {}

  @Post()
  async makeAvailable(@Body() dto: DisponibilizarDocumentoDto) {
    return scenarioResponse('documento', await this.documentos.makeAvailable(dto));
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    const found = await this.documentos.find(id);
    if (!found) throw adminError(404, 'Documento não encontrado.');
    return found;
  }
}
