import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { Repository } from 'typeorm';
import { PortalValidationException } from '#common';
import { Interveniente, type Subscription } from '#database';
import { SubscriptionFieldsDto } from '../../business/subscriptions/subscription-fields.dto.js';
import { SubscriptionService } from '../../business/subscriptions/subscription.service.js';
import { adminError } from '../admin-error.js';

/** The portal's subscription body, plus whom it is for. */
export class CreateAdminAssinaturaDto extends SubscriptionFieldsDto {
  /** The interveniente, by id or by NI (CNPJ/CPF). */
  @IsOptional()
  @IsUUID()
  intervenienteId?: string;

  @IsOptional()
  @Matches(/^(\d{11}|\d{14})$/)
  ni?: string;
}

export function toAssinaturaView(subscription: Subscription) {
  return {
    id: subscription.id,
    intervenienteId: subscription.intervenienteId,
    evento: subscription.evento,
    endpoint: subscription.endpoint,
    ativa: subscription.active,
    possuiChaveSecreta: subscription.secret !== null,
    dataExclusao: subscription.cancelledAt,
    motivoExclusao: subscription.cancelReason,
  };
}

/** QA shortcut: subscribe on behalf of an interveniente without its certificate. */
@ApiTags('Assinaturas')
@Controller('admin/assinaturas')
export class AssinaturasController {
  constructor(
    private readonly subscriptionService: SubscriptionService,
    @InjectRepository(Interveniente) private readonly intervenientes: Repository<Interveniente>,
  ) {}

  @Post()
  async create(@Body() dto: CreateAdminAssinaturaDto) {
    if (!dto.intervenienteId && !dto.ni) {
      throw new PortalValidationException([
        { code: 'INTERVENIENTE_OBRIGATORIO', field: 'intervenienteId', message: 'Informe intervenienteId ou ni.' },
      ]);
    }
    const owner = await this.intervenientes.findOneBy(dto.intervenienteId ? { id: dto.intervenienteId } : { ni: dto.ni });
    if (!owner) {
      throw new PortalValidationException([
        { code: 'INTERVENIENTE_INEXISTENTE', field: dto.intervenienteId ? 'intervenienteId' : 'ni', message: 'Interveniente não encontrado.' },
      ]);
    }
    return toAssinaturaView(await this.subscriptionService.create(owner, dto));
  }

  @Get()
  async list(@Query('intervenienteId') intervenienteId?: string, @Query('evento') evento?: string) {
    return (await this.subscriptionService.search({ intervenienteId, evento })).map(toAssinaturaView);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseIntPipe) id: number): Promise<void> {
    const removed = await this.subscriptionService.deactivate(id, 'Excluída pela administração do simulador.');
    if (!removed) throw adminError(404, 'Assinatura não encontrada.');
  }
}
