import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PortalException } from '#common';
import { scenarioResponse } from '../../../business/unit-of-work.service.js';
import { requireDuimpNumber } from '../../../business/duimp/duimp-finder.js';
import { DuimpActions } from '../../../business/duimp/duimp-actions.service.js';
import { CriarDuimpDto, DesembaracoDuimpDto, EntregaDuimpDto, RetificarDuimpDto } from '../../../business/duimp/duimp.dto.js';

/** QA scenarios: register a Duimp with generated data and move it through its life (SPEC §9). */
@ApiTags('Cenários: Duimp')
@Controller('admin/duimps')
export class DuimpsController {
  constructor(private readonly duimps: DuimpActions) {}

  /** Registers a Duimp → `dimp-registro` to the Sefaz of each UF of interest. */
  @Post()
  async register(@Body() dto: CriarDuimpDto) {
    return scenarioResponse('duimp', await this.duimps.register(dto));
  }

  @Get(':numero')
  async get(@Param('numero') numero: string) {
    requireDuimpNumber(numero);
    const found = await this.duimps.find(numero);
    if (!found) throw new PortalException(404, 'DIMP-ER0102', `Duimp ${numero} não registrada.`);
    return found;
  }

  /** A new version → `dimp-retificacao`. */
  @Post(':numero/retificacao')
  async retify(@Param('numero') numero: string, @Body() dto: RetificarDuimpDto) {
    return scenarioResponse('duimp', await this.duimps.retify(numero, dto));
  }

  /** Delivery authorised → `dimp-entrega-com-pd` (before clearance) or `dimp-entrega-sem-pd` (after). */
  @Post(':numero/entrega')
  async deliver(@Param('numero') numero: string, @Body() dto: EntregaDuimpDto) {
    return scenarioResponse('duimp', await this.duimps.deliver(numero, dto));
  }

  /** → `dimp-cancelamento` (and `pcce-cancela-icms` for a pending ICMS request). */
  @Post(':numero/cancelamento')
  async cancel(@Param('numero') numero: string) {
    return scenarioResponse('duimp', await this.duimps.cancel(numero));
  }

  /** → `dimp-desembaraco`. */
  @Post(':numero/desembaraco')
  async clear(@Param('numero') numero: string, @Body() dto: DesembaracoDuimpDto) {
    return scenarioResponse('duimp', await this.duimps.clear(numero, dto));
  }
}
