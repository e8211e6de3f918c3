import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { XmlRoot } from '#common';
import { CurrentSession, type PortalSession } from '../auth/portal-auth.guard.js';
import { AccessLimited } from '../platform/access-limited.decorator.js';
import { SefazCreditoIcmsDto } from './dto/sefaz-credito-icms.dto.js';
import { SefazDadosIcmsDto } from './dto/sefaz-dados-icms.dto.js';
import { SefazIcmsFracionadoDto } from './dto/sefaz-icms-fracionado.dto.js';
import { SefazInclusaoGuiaIcmsDto } from './dto/sefaz-inclusao-guia-icms.dto.js';
import { SefazIcmsGuiaService } from './sefaz-icms-guia.service.js';
import { SefazIcmsService } from './sefaz-icms.service.js';

/**
 * The PCCE services for the Sefaz (SPEC §8). As on the portal, the writes answer with no body:
 * 201 for the calculation, the credit, the released NF-e and a new guide; 200 for the cancellations.
 */
@ApiTags('PCCE ICMS (Sefaz)')
@AccessLimited('pcce-icms')
@Controller('pcce/api/ext/sefaz/icms')
export class SefazIcmsController {
  constructor(
    private readonly icms: SefazIcmsService,
    private readonly guias: SefazIcmsGuiaService,
  ) {}

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

  /** NF-e released under a split payment (`SefazIcmsFracionadoDto`); the list accumulates across calls. */
  @Post('fracionado')
  @HttpCode(201)
  async releaseInvoices(@CurrentSession() session: PortalSession, @Body() dto: SefazIcmsFracionadoDto): Promise<void> {
    await this.icms.releaseInvoices(session, dto);
  }

  /** A payment guide (`SefazInclusaoGuiaIcmsDto`) for a declaration "a pagar". */
  @Post('guia')
  @HttpCode(201)
  async includeGuide(@CurrentSession() session: PortalSession, @Body() dto: SefazInclusaoGuiaIcmsDto): Promise<void> {
    await this.guias.include(session, dto);
  }

  /** Cancels an open, unpaid guide of the declaration by its bar code. */
  @Put('guia/:numero/:versao/:codigoBarras')
  @HttpCode(200)
  async cancelGuide(
    @CurrentSession() session: PortalSession,
    @Param('numero') numero: string,
    @Param('versao') versao: string,
    @Param('codigoBarras') codigoBarras: string,
  ): Promise<void> {
    await this.guias.cancel(session, numero, versao, codigoBarras);
  }

  /** The Duimp's declarations for the caller's UF (`SolicitacaoIcmsDto[]`). */
  @Get('consulta/:numero')
  @XmlRoot('solicitacoesIcms', 'solicitacaoIcms')
  list(@CurrentSession() session: PortalSession, @Param('numero') numero: string) {
    return this.icms.list(session, numero);
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
