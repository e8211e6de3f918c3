import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { XmlRoot } from '#common';
import { CurrentSession, type PortalSession } from '../auth/portal-auth.guard.js';
import { AccessLimited } from '../platform/access-limited.decorator.js';
import { type Page, SefazDuimpService } from './sefaz-duimp.service.js';

/** A page with more after it is answered 206 Partial Content, as the portal does. */
function paged<T>(response: Response, page: Page<T>): T[] {
  if (page.more) response.status(206);
  return page.items;
}

/** The Sefaz Duimp consultation (SPEC §8): covers, items, history and the events of the caller's UF. */
@ApiTags('Duimp (Sefaz)')
@AccessLimited('duimp-consulta')
@Controller('duimp-api/api/ext/sefaz')
export class SefazDuimpController {
  constructor(private readonly duimps: SefazDuimpService) {}

  /** `DuimpUltimosEventosCover[]` between `inicio` and `fim` (Brasília days, at most 30 apart). */
  @Get('eventos')
  @AccessLimited('duimp-eventos')
  @XmlRoot('eventos', 'evento')
  async eventos(
    @CurrentSession() session: PortalSession,
    @Res({ passthrough: true }) response: Response,
    @Query('inicio') inicio?: string,
    @Query('fim') fim?: string,
    @Query('uf-despacho') ufDespacho?: string,
    @Query('uf-importador') ufImportador?: string,
    @Query('uf-terceiro') ufTerceiro?: string,
    @Query('unidade-despacho') unidadeDespacho?: string,
    @Query('offset') offset?: string,
    @Query('limit') limit?: string,
  ) {
    return paged(response, await this.duimps.eventos(session, { inicio, fim, ufDespacho, ufImportador, ufTerceiro, unidadeDespacho, offset, limit }));
  }

  /** `SefazDuimpDadosGeraisCover` of the version in force: the cover without items (`/itens` pages them). */
  @Get('duimp/:numero')
  @XmlRoot('duimp')
  cover(@CurrentSession() session: PortalSession, @Param('numero') numero: string) {
    return this.duimps.generalData(session, numero);
  }

  // Declared before `:numero/:versao` so `itens` and `historico` are not taken for a version.
  /** The items of the version in force, `offset`/`limit` paged (default 100, at most 500). */
  @Get('duimp/:numero/itens')
  @XmlRoot('itens', 'item')
  async items(
    @CurrentSession() session: PortalSession,
    @Res({ passthrough: true }) response: Response,
    @Param('numero') numero: string,
    @Query('offset') offset?: string,
    @Query('limit') limit?: string,
  ) {
    return paged(response, await this.duimps.items(session, numero, offset, limit));
  }

  /** `SefazDuimpHistEventoCover[]`, `offset`/`limit` paged (default and maximum 500). */
  @Get('duimp/:numero/historico')
  @XmlRoot('historico', 'evento')
  async history(
    @CurrentSession() session: PortalSession,
    @Res({ passthrough: true }) response: Response,
    @Param('numero') numero: string,
    @Query('offset') offset?: string,
    @Query('limit') limit?: string,
  ) {
    return paged(response, await this.duimps.history(session, numero, offset, limit));
  }

  /** The items of one version (`0002` or `2`), paged as `/itens`. */
  @Get('duimp/:numero/:versao/itens')
  @XmlRoot('itens', 'item')
  async versionItems(
    @CurrentSession() session: PortalSession,
    @Res({ passthrough: true }) response: Response,
    @Param('numero') numero: string,
    @Param('versao') versao: string,
    @Query('offset') offset?: string,
    @Query('limit') limit?: string,
  ) {
    return paged(response, await this.duimps.items(session, numero, offset, limit, versao));
  }

  /** `SefazDuimpDadosGeraisCover` of one version (`0002` or `2`). */
  @Get('duimp/:numero/:versao')
  @XmlRoot('duimp')
  version(@CurrentSession() session: PortalSession, @Param('numero') numero: string, @Param('versao') versao: string) {
    return this.duimps.generalData(session, numero, versao);
  }
}

/**
 * The older Sefaz service (`ServicosExternosSefazApi`), whose published example is
 * `/duimp/api/ext/sefaz/duimp/{numero}`: `SefazDuimpCover`, general data and items together.
 */
@ApiTags('Duimp (Sefaz, API anterior)')
@Controller('duimp/api/ext/sefaz')
export class LegacySefazDuimpController {
  constructor(private readonly duimps: SefazDuimpService) {}

  /** `SefazDuimpCover` of the version in force. */
  @Get('duimp/:numero')
  @XmlRoot('duimp')
  cover(@CurrentSession() session: PortalSession, @Param('numero') numero: string) {
    return this.duimps.cover(session, numero);
  }

  /** `SefazDuimpCover` of one version. */
  @Get('duimp/:numero/:versao')
  @XmlRoot('duimp')
  version(@CurrentSession() session: PortalSession, @Param('numero') numero: string, @Param('versao') versao: string) {
    return this.duimps.cover(session, numero, versao);
  }
}
