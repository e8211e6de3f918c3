import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { XmlRoot } from '#common';
import { CurrentSession, type PortalSession } from '../auth/portal-auth.guard.js';
import { AccessLimited } from '../platform/access-limited.decorator.js';
import { SefazCreditoIcmsDto } from './dto/sefaz-credito-icms.dto.js';
import { SefazDadosIcmsDto } from './dto/sefaz-dados-icms.dto.js';
import { SefazIcmsService } from './sefaz-icms.service.js';

/**
 * The PCCE services for the Sefaz (SPEC §8). As on the portal, the writes answer with no body:
 * 201 for the calculation and the credit, 200 for the cancellation.
 */
@ApiTags('PCCE ICMS (Sefaz)')
@AccessLimited('pcce-icms')
@Controller('pcce/api/ext/sefaz/icms')
export class SefazIcmsController {
  constructor(private readonly icms: SefazIcmsService) {}

  /** The Sefaz's calculation (`SefazDadosIcmsDto`) of a pending request of its UF. */
  @Post()
  @HttpCode(201)
  async calculate(@CurrentSession() session: PortalSession, @Body() dto: SefazDadosIcmsDto): Promise<void> {
    await this.icms.calculate(session, dto);
  }

  /** Payment credit confirmation (`SefazCreditoIcmsDto`) of a calculation "a pagar". */
  @Post('credito')
  @HttpCode(201)
  async credit(@CurrentSession() session: PortalSession, @Body() dto: SefazCreditoIcmsDto): Promise<void> {
    await this.icms.credit(session, dto);
  }

  /** The calculation request (`SolicitacaoCalculoIcmsDto`) with its situation and history. */
  @Get('consulta/calculo/:numero/:versao')
  @XmlRoot('solicitacaoCalculoIcms')
  consult(@CurrentSession() session: PortalSession, @Param('numero') numero: string, @Param('versao') versao: string) {
    return this.icms.consult(session, numero, versao);
  }

  /** Cancels the declaração de ICMS the Sefaz's calculation created. */
  @Put('cancelamento/:numero/:versao')
  @HttpCode(200)
  async cancel(@CurrentSession() session: PortalSession, @Param('numero') numero: string, @Param('versao') versao: string): Promise<void> {
    await this.icms.cancel(session, numero, versao);
  }
}
