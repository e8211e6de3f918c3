import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { scenarioResponse } from '../../../business/unit-of-work.service.js';
import { SolicitarCalculoIcmsDto } from '../../../business/pcce/icms.dto.js';
import { IcmsActions } from '../../../business/pcce/icms-actions.service.js';

/** PCCE scenarios on a Duimp: the ICMS calculation request and its cancellation. */
@ApiTags('Cenários: PCCE ICMS')
@Controller('admin/duimps/:numero/icms/solicitacao')
export class IcmsController {
  constructor(private readonly icms: IcmsActions) {}

  /** → `pcce-calculo-icms` to the Sefaz of `ufFavorecida`. */
  @Post()
  async request(@Param('numero') numero: string, @Body() dto: SolicitarCalculoIcmsDto) {
    return scenarioResponse('solicitacao', await this.icms.request(numero, dto));
  }

  @Get()
  list(@Param('numero') numero: string) {
    return this.icms.list(numero);
  }

  /** → `pcce-cancela-icms` to the same Sefaz. */
  @Post('cancelamento')
  async cancel(@Param('numero') numero: string) {
    return scenarioResponse('solicitacao', await this.icms.cancel(numero));
  }

  @Delete()
  async remove(@Param('numero') numero: string) {
    return scenarioResponse('solicitacao', await this.icms.cancel(numero));
  }
}
