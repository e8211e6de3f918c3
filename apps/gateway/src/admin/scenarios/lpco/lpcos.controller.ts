import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { scenarioResponse } from '../../../business/unit-of-work.service.js';
import {
  AnaliseDto,
  ExigenciaDto,
  JustificativaDto,
  PendenciaDueDto,
  ProrrogacaoDto,
  RegistrarLpcoDto,
  SituacaoAnuenteDto,
  SituacaoInteressadoDto,
  VinculoLpcoDto,
} from '../../../business/lpco/lpco.dto.js';
import { LpcoActions } from '../../../business/lpco/lpco-actions.service.js';
import { adminError } from '../../admin-error.js';

/**
 * QA scenarios of TA-LPCO. Actions of the importer/exporter notify the model's órgão anuente (`ORGAO`);
 * actions of the anuente notify the LPCO's holder (`NI`).
 */
@ApiTags('Cenários: LPCO')
@Controller('admin/lpcos')
export class LpcosController {
  constructor(private readonly lpcos: LpcoActions) {}

  /** → `talp-registro-lpco` (anuente). */
  @Post()
  async register(@Body() dto: RegistrarLpcoDto) {
    return scenarioResponse('lpco', await this.lpcos.register(dto));
  }

  @Get(':numero')
  async get(@Param('numero') numero: string) {
    const found = await this.lpcos.find(numero);
    if (!found) throw adminError(404, 'LPCO não encontrado.');
    return found;
  }

  /** → `talp-incvinc-lpco` (anuente). */
  @Post(':numero/vinculos')
  async link(@Param('numero') numero: string, @Body() dto: VinculoLpcoDto) {
    return scenarioResponse('lpco', await this.lpcos.link(numero, dto));
  }

  /** → `talp-cancvinc-lpco` (anuente). */
  @Delete(':numero/vinculos/:numeroOperacao')
  async unlink(@Param('numero') numero: string, @Param('numeroOperacao') numeroOperacao: string) {
    return scenarioResponse('lpco', await this.lpcos.unlink(numero, numeroOperacao));
  }

  /** Importer/exporter withdraws (CANCELADO) or appeals (RECURSO_INDEFERIMENTO) → `talp-altsit-lpco-int` (anuente). */
  @Post(':numero/situacao/interessado')
  async changeByHolder(@Param('numero') numero: string, @Body() dto: SituacaoInteressadoDto) {
    return scenarioResponse('lpco', await this.lpcos.changeByHolder(numero, dto));
  }

  /** The anuente's decision (EM_ANALISE, DEFERIDO, INDEFERIDO...) → `talp-altsit-lpco-anu` (holder). */
  @Post(':numero/situacao/anuente')
  async changeByAnuente(@Param('numero') numero: string, @Body() dto: SituacaoAnuenteDto) {
    return scenarioResponse('lpco', await this.lpcos.changeByAnuente(numero, dto));
  }

  /** → `talp-inclusao-exig` (holder). */
  @Post(':numero/exigencia')
  async requireAction(@Param('numero') numero: string, @Body() dto: ExigenciaDto) {
    return scenarioResponse('lpco', await this.lpcos.requireAction(numero, dto));
  }

  /** → `talp-resposta-exig` (anuente). */
  @Post(':numero/exigencia/resposta')
  async answerRequirement(@Param('numero') numero: string, @Body() dto: JustificativaDto) {
    return scenarioResponse('lpco', await this.lpcos.answerRequirement(numero, dto));
  }

  /** → `talp-solic-retif` (anuente). */
  @Post(':numero/retificacao')
  async askRectification(@Param('numero') numero: string, @Body() dto: JustificativaDto) {
    return scenarioResponse('lpco', await this.lpcos.askRectification(numero, dto));
  }

  /** → `talp-analise-retif` (holder). */
  @Post(':numero/retificacao/analise')
  async analyseRectification(@Param('numero') numero: string, @Body() dto: AnaliseDto) {
    return scenarioResponse('lpco', await this.lpcos.analyseRectification(numero, dto));
  }

  /** → `talp-solic-prorrog` (anuente). */
  @Post(':numero/prorrogacao')
  async askExtension(@Param('numero') numero: string, @Body() dto: ProrrogacaoDto) {
    return scenarioResponse('lpco', await this.lpcos.askExtension(numero, dto));
  }

  /** → `talp-analise-prorrog` (holder). */
  @Post(':numero/prorrogacao/analise')
  async analyseExtension(@Param('numero') numero: string, @Body() dto: AnaliseDto) {
    return scenarioResponse('lpco', await this.lpcos.analyseExtension(numero, dto));
  }

  /** A linked DU-E was averbada with the LPCO still pending → `talp-pend-ta-due` (anuente). */
  @Post(':numero/pendencia-due')
  async pendingOnExport(@Param('numero') numero: string, @Body() dto: PendenciaDueDto) {
    return scenarioResponse('lpco', await this.lpcos.pendingOnExport(numero, dto));
  }
}
