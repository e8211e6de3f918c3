import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { XmlRoot } from '#common';
import { CurrentSession, type PortalSession } from '../auth/portal-auth.guard.js';
import { AlterarSituacaoLpcoDto } from './dto/alterar-situacao-lpco.dto.js';
import { ExigenciaLpcoDto } from './dto/exigencia-lpco.dto.js';
import { TalpcoService } from './talpco.service.js';

/**
 * TA-LPCO (`/talpco/api/ext/lpco/...`) for the órgão anuente and the LPCO's holder. As published, the
 * writes answer 200 with a body and the list answers 206 while more pages remain, 204 when empty.
 */
@ApiTags('TA-LPCO (órgãos anuentes e intervenientes)')
@Controller('talpco/api/ext/lpco')
export class TalpcoController {
  constructor(private readonly lpcos: TalpcoService) {}

  /** `ConsultarLpcoResponse[]` filtered by the documented parameters (`tipo-operacao` required), paged by `offset`. */
  @Get('consulta')
  @XmlRoot('lpcos', 'lpco')
  async query(
    @CurrentSession() session: PortalSession,
    @Res({ passthrough: true }) response: Response,
    @Query() query: Record<string, string | undefined>,
  ) {
    const page = await this.lpcos.query(session, query);
    if (page.items.length === 0) {
      response.status(204);
      return undefined;
    }
    if (page.more) response.status(206);
    return page.items;
  }

  /** `SituacaoLpco[]`: where the anuente may take the LPCO from its current situation. */
  @Get('situacao/:numero')
  @XmlRoot('situacoes', 'situacao')
  targets(@CurrentSession() session: PortalSession, @Param('numero') numero: string) {
    return this.lpcos.targets(session, numero);
  }

  /** `AlterarSituacaoLpcoRequest` → `AlterarSituacaoLpcoResponse`; the holder is notified (`talp-altsit-lpco-anu`). */
  @Put('situacao/:numero')
  @HttpCode(200)
  @XmlRoot('alterarSituacaoLpco')
  changeSituation(@CurrentSession() session: PortalSession, @Param('numero') numero: string, @Body() dto: AlterarSituacaoLpcoDto) {
    return this.lpcos.changeSituation(session, numero, dto);
  }

  /** `ExigenciaLpcoResponse[]`. */
  @Get('exigencia/:numero')
  @XmlRoot('exigencias', 'exigencia')
  requirements(@CurrentSession() session: PortalSession, @Param('numero') numero: string) {
    return this.lpcos.requirements(session, numero);
  }

  /** `ExigenciaLpcoRequest` → `ExigenciaLpcoResponse`; the holder is notified (`talp-inclusao-exig`). */
  @Post('exigencia/:numero')
  @HttpCode(200)
  @XmlRoot('exigencia')
  require(@CurrentSession() session: PortalSession, @Param('numero') numero: string, @Body() dto: ExigenciaLpcoDto) {
    return this.lpcos.require(session, numero, dto);
  }

  /** `ItemHistoricoLpcoResponse[]`, oldest first. */
  @Get(':numero/historico')
  @XmlRoot('historico', 'item')
  history(@CurrentSession() session: PortalSession, @Param('numero') numero: string) {
    return this.lpcos.history(session, numero);
  }

  /** `LpcoDetalhado`. */
  @Get(':numero')
  @XmlRoot('lpco')
  detail(@CurrentSession() session: PortalSession, @Param('numero') numero: string) {
    return this.lpcos.detail(session, numero);
  }
}
