import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { ListBodyPipe, XmlRoot } from '#common';
import { CurrentSession, type PortalSession } from '../auth/portal-auth.guard.js';
import { OpcaoIcmsAlteracaoDto, OpcaoIcmsDto } from './dto/opcao-icms.dto.js';
import { SefazOpcaoService } from './sefaz-opcao.service.js';

/** The Sefaz's ICMS calculation options (SPEC §8): create 201, read, change 200, delete 204; writes answer no body. */
@ApiTags('PCCE ICMS (Sefaz)')
@Controller('pcce/api/ext/sefaz/opcao')
export class SefazOpcaoController {
  constructor(private readonly opcoes: SefazOpcaoService) {}

  /** A list of `OpcaoIcmsDto` (in XML, `<opcoesIcms>` repeating `<opcaoIcms>`). */
  @Post()
  @HttpCode(201)
  @ApiBody({ type: [OpcaoIcmsDto] })
  async create(@CurrentSession() session: PortalSession, @Body(new ListBodyPipe(OpcaoIcmsDto)) opcoes: OpcaoIcmsDto[]): Promise<void> {
    await this.opcoes.create(session, opcoes);
  }

  /** The caller's UF's options (`OpcaoIcmsConsultaDto[]`). */
  @Get()
  @XmlRoot('opcoesIcms', 'opcaoIcms')
  list(@CurrentSession() session: PortalSession) {
    return this.opcoes.list(session);
  }

  @Put(':id')
  @HttpCode(200)
  async change(@CurrentSession() session: PortalSession, @Param('id') id: string, @Body() dto: OpcaoIcmsAlteracaoDto): Promise<void> {
    await this.opcoes.change(session, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentSession() session: PortalSession, @Param('id') id: string): Promise<void> {
    await this.opcoes.remove(session, id);
  }
}
